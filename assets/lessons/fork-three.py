import os
os.fork()
os.fork()
os.fork()

print('1')
# 结果输出 8 个 1，原理下图
