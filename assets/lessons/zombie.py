import os
import time

def foo():
    print(222)

if __name__ == '__main__':
    pid = os.fork()
    if pid == 0:
        foo()
        os._exit(0)
    while True:
        print(111)
        time.sleep(1)
