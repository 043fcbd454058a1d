import os
tep = os.fork()
if tep==0:
    print('1')
else:
    print('2')
tep = os.fork()
if tep==0:
    print('11')
else:
    print('22')
# 最后一共会产生四个进程print一次1、2，print两次11、22
