# Prints each MNIST pixel value v = 0..255 as the book's load_mnist(normalize=True) leaves it
# (dataset/mnist.py: dataset[key] = dataset[key].astype(np.float32); dataset[key] /= 255.0), one line per value:
# v, the float32's 32 bits in hex, and the float32 widened to double as Python's repr prints it.
# Run: python3 mnist_normalize.py > mnist_normalize.txt
import numpy as np

x = np.arange(256, dtype=np.uint8).astype(np.float32)
x /= 255.0
assert x.dtype == np.float32
for v in range(256):
    print('%d %08x %r' % (v, x[v:v + 1].view(np.uint32)[0], float(x[v])))
