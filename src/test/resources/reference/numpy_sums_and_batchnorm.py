# Reference values for PairwiseSum, Functions (softmax, cross_entropy_error) and BatchNormalization:
# numpy's own sums and the book's expressions (common/functions.py, common/layers.py) evaluated by numpy on
# inputs made of exact fractions, so Java builds the same inputs bit for bit. Printed with repr (shortest
# round-trip), pasted into MatrixTest, FunctionsTest and BatchNormalizationTest.
# Run: python3 numpy_sums_and_batchnorm.py   (numpy 2.4.6 here)
import numpy as np


def seq_sum(a):
    s = 0.0
    for v in a:
        s += float(v)
    return s


def fractions(n):                       # a[k] = ((k * 7919) % 1013 - 506) / 7
    return np.array([((k * 7919) % 1013 - 506) / 7.0 for k in range(n)])


print("# np.sum(a) for a = fractions(n), and the in-order sum (equal below 8 values)")
for n in (5, 10, 127, 128, 129, 300, 1000, 78400):
    a = fractions(n)
    print(n, repr(float(np.sum(a))), "in-order:", repr(seq_sum(a)))

print("# np.sum(W**2) for W = fractions(784*100).reshape(784, 100)")
W = fractions(784 * 100).reshape(784, 100)
print(repr(float(np.sum(W ** 2))), "in-order:", repr(seq_sum((W ** 2).ravel())))


def softmax(x):                         # as common/functions.py
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):          # as common/functions.py, index labels
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# x[i][j] = ((i * 31 + j * 17) % 23) / 3 - 4, 300 x 10; t[i] = (i * 7 + 5) % 10. Rows 6 and 9, and the
# cross-entropy sum over the 300 rows, are cases where numpy's pairwise sum and the in-order sum differ.
x = np.array([[((i * 31 + j * 17) % 23) / 3.0 - 4 for j in range(10)] for i in range(300)])
t = np.array([(i * 7 + 5) % 10 for i in range(300)])
y = softmax(x)
print("# softmax(x)[6], [9]")
print(", ".join(repr(float(v)) for v in y[6]))
print(", ".join(repr(float(v)) for v in y[9]))
print("# cross_entropy_error(softmax(x), t)")
print(repr(float(cross_entropy_error(y, t))))

# BatchNormalization, training forward and backward, as common/layers.py
N, D = 6, 5
x = np.array([[((i * 37 + j * 11) % 17 - 8) / 3.0 for j in range(D)] for i in range(N)])
dout = np.array([[((i * 13 + j * 7) % 11 - 5) / 13.0 for j in range(D)] for i in range(N)])
gamma = np.array([1 + j / 10.0 for j in range(D)])
beta = np.array([j / 5.0 - 0.3 for j in range(D)])
mu = x.mean(axis=0)
xc = x - mu
var = np.mean(xc ** 2, axis=0)
std = np.sqrt(var + 10e-7)
xn = xc / std
out = gamma * xn + beta
dbeta = dout.sum(axis=0)
dgamma = np.sum(xn * dout, axis=0)
dxn = gamma * dout
dxc = dxn / std
dstd = -np.sum((dxn * xc) / (std * std), axis=0)
dvar = 0.5 * dstd / std
dxc += (2.0 / N) * xc * dvar
dmu = np.sum(dxc, axis=0)
dx = dxc - dmu / N
for name, a in (("out", out), ("dx", dx)):
    print("# BatchNormalization", name)
    for row in a:
        print(", ".join(repr(float(v)) for v in row))
for name, a in (("dgamma", dgamma), ("dbeta", dbeta)):
    print("# BatchNormalization", name)
    print(", ".join(repr(float(v)) for v in a))
