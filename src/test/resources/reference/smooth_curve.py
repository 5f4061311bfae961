# Prints the reference values used by dlfs.plot.SmoothingTest (numpy 2.x; common/util.py smooth_curve).
import numpy as np

def smooth_curve(x):
    window_len = 11
    s = np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]
    w = np.kaiser(window_len, 2)
    y = np.convolve(w/w.sum(), s, mode='valid')
    return y[5:len(y)-5]

print(repr(np.kaiser(11, 2)))
x = np.array([float(i * i % 7) for i in range(13)])
print(list(x))
print(repr(smooth_curve(x)))
