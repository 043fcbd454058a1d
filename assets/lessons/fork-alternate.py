import os
import time

ret = os.fork() # 返回二个特殊值， 其中一个等于0（子进程），一个不固定的大于0的值（父进程，pid）。都是int类型。

if ret == 0:
    while True:
        print('1')
        time.sleep(1)
else:
    while True:
        print('2')
        time.sleep(1)
