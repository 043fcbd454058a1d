import os
import time
def demo():
    print("[INFO] do something by process {}".format(os.getpid()))
    print("[INFO] this process parent pid is {}".format(os.getppid()))

if __name__ == "__main__":
    process = os.fork()
    print(process)
    if process == 0:
        demo()
    print("main process {} is over".format(os.getpid()))
    time.sleep(1)
