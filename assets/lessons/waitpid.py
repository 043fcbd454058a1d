import os
import time

pid = os.fork()
if pid == 0:
    time.sleep(2)
    os._exit(3)
polls = 0
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        polls += 1
        time.sleep(0.5)
    else:
        break
print("child exited with", status >> 8, "after", polls, "polls")
