# Writes params_protocol{2,3,4}.pkl, pickles of a small dict of float64 arrays as the book's save_params writes
# them (pickle.dump(params, f)), with each protocol Python 3 offers by default or on request; and prints some
# values of the book's ch07/params.pkl: its keys, then per array its shape, first and last value and np.sum
# (python3 params_pickles.py ../../../../book/ch07/params.pkl > params_pickles.txt).
import pickle
import sys

import numpy as np

params = {'W1': np.arange(24.0).reshape(2, 1, 3, 4) * 0.5, 'b1': np.array([1.5, -2.25]),
          'W2': np.array([[1e-300, -0.0], [np.pi, 6.02e23]])}
for protocol in (2, 3, 4):
    with open('params_protocol%d.pkl' % protocol, 'wb') as f:
        pickle.dump(params, f, protocol=protocol)

with open(sys.argv[1], 'rb') as f:
    book = pickle.load(f)
print('keys', list(book.keys()))
for key, val in book.items():
    print(key, val.shape, repr(float(val.ravel()[0])), repr(float(val.ravel()[-1])), repr(float(np.sum(val))))
