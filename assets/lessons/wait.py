import os
import time

pid = os.fork()
if pid == 0:
    print("child working")
    time.sleep(1)
    os._exit(7)
child, status = os.wait()
print("parent reaped", child == pid, "exit code", status >> 8)
try:
    os.wait()
except ChildProcessError as e:
    print("no more children:", e)
