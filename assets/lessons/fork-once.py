import os
import time
ret = os.fork()  # 当代码执行到这条命令时，会创建一个新的进程，返回值即为PID，第一个返回ret>0(父进程),第二次返回ret==0(子进程)
if ret==0:
    while True:
        print("process1")
        time.sleep(1)
else:
    while True:
        print("process2")
        time.sleep(1)
# if 和 else 里的代码都会执行
