import os
import time

def foo():
    for i in range(20):
        print(222)
        time.sleep(1)

if __name__ == '__main__':
    pid = os.fork()
    if pid == 0:
        foo()
    else:
        print(111)
        os._exit(0)
