import os

for i in range(3):
    if os.fork() == 0:
        cpu(12)
        print("burner", i, "done")
        os._exit(0)
for i in range(3):
    os.wait()
print("all burners done")
