"""The book's training step of ch07/train_convnet.py in numpy, timed: the comparison for TrainConvnet.

SimpleConvNet (conv 30 filters 5x5 - relu - pool 2x2 - affine 100 - relu - affine 10), Adam lr 0.001, batch 100,
on MNIST as load_mnist(flatten=False) gives it (float32 images divided by 255, shape (N, 1, 28, 28)). One step is
trainer.py's train_step: np.random.choice, network.gradient, optimizer.update, network.loss. The classes below are
the book's own code (common/util.py, common/functions.py, common/layers.py, common/optimizer.py and
ch07/simple_convnet.py of https://github.com/WegraLee/deep-learning-from-scratch, commit 4fafa71, MIT licence,
copyright (c) 2016 Koki Saitoh), cut down to what the step runs; nothing is changed in the arithmetic. Relu,
Affine and SoftmaxWithLoss are in bench/book_layers.py, shared with weight_init_compare_numpy.py.

usage:  [OPENBLAS_NUM_THREADS=1] python3 bench/convnet_step.py [--warm 20] [--steps 200] [--mnist DIR] [--parts]
  --warm N    steps run first and not timed (default 20)
  --steps N   steps timed (default 200); prints their mean as "RESULT ms_per_step=... cpu_ms_per_step=..."
              (wall clock, and the CPU time of the process, which a busy machine disturbs less)
  --mnist DIR the folder with the four MNIST .gz files (default: mnist/ beside this bench/ folder)
  --parts     also time each layer's forward and backward, and the products inside Conv1 and Affine1
With np.random.seed(0) as the script after its imports, the first step's loss is the script's first line,
train loss:2.3002395252453582 (printed as "first loss", a check that this is the same computation).
"""
import argparse
import gzip
import os
import time
from collections import OrderedDict

import numpy as np


# ---------------------------------------------------------------- common/util.py
def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1

    img = np.pad(input_data, [(0,0), (0,0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))

    for y in range(filter_h):
        y_max = y + stride*out_h
        for x in range(filter_w):
            x_max = x + stride*out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N*out_h*out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2*pad + stride - 1, W + 2*pad + stride - 1))
    for y in range(filter_h):
        y_max = y + stride*out_h
        for x in range(filter_w):
            x_max = x + stride*out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]


# ---------------------------------------------------------------- common/layers.py
from book_layers import Affine, Relu, SoftmaxWithLoss  # shared with weight_init_compare_numpy.py (bench/book_layers.py)


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2*self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2*self.pad - FW) / self.stride)

        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x = x
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0,2,3,1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = np.dot(dout, self.col_W.T)
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


class Pooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h*self.pool_w)

        arg_max = np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx


# ---------------------------------------------------------------- common/optimizer.py
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# ---------------------------------------------------------------- ch07/simple_convnet.py
class SimpleConvNet:
    def __init__(self, input_dim=(1, 28, 28),
                 conv_param={'filter_num':30, 'filter_size':5, 'pad':0, 'stride':1},
                 hidden_size=100, output_size=10, weight_init_std=0.01):
        filter_num = conv_param['filter_num']
        filter_size = conv_param['filter_size']
        filter_pad = conv_param['pad']
        filter_stride = conv_param['stride']
        input_size = input_dim[1]
        conv_output_size = (input_size - filter_size + 2*filter_pad) / filter_stride + 1
        pool_output_size = int(filter_num * (conv_output_size/2) * (conv_output_size/2))

        self.params = {}
        self.params['W1'] = weight_init_std * \
                            np.random.randn(filter_num, input_dim[0], filter_size, filter_size)
        self.params['b1'] = np.zeros(filter_num)
        self.params['W2'] = weight_init_std * \
                            np.random.randn(pool_output_size, hidden_size)
        self.params['b2'] = np.zeros(hidden_size)
        self.params['W3'] = weight_init_std * \
                            np.random.randn(hidden_size, output_size)
        self.params['b3'] = np.zeros(output_size)

        self.layers = OrderedDict()
        self.layers['Conv1'] = Convolution(self.params['W1'], self.params['b1'],
                                           conv_param['stride'], conv_param['pad'])
        self.layers['Relu1'] = Relu()
        self.layers['Pool1'] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.layers['Affine1'] = Affine(self.params['W2'], self.params['b2'])
        self.layers['Relu2'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W3'], self.params['b3'])

        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        return self.last_layer.forward(y, t)

    def gradient(self, x, t):
        self.loss(x, t)

        dout = 1
        dout = self.last_layer.backward(dout)

        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)

        grads = {}
        grads['W1'], grads['b1'] = self.layers['Conv1'].dW, self.layers['Conv1'].db
        grads['W2'], grads['b2'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W3'], grads['b3'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads


# ---------------------------------------------------------------- the benchmark
def load_mnist_train(folder):
    """dataset/mnist.py's load_mnist(normalize=True, flatten=False) for the training set."""
    with gzip.open(os.path.join(folder, 'train-images-idx3-ubyte.gz'), 'rb') as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(folder, 'train-labels-idx1-ubyte.gz'), 'rb') as f:
        t = np.frombuffer(f.read(), np.uint8, offset=8)
    x = x.astype(np.float32)
    x /= 255.0
    return x, t


def train_step(network, optimizer, x_train, t_train):
    """common/trainer.py's train_step, without the printing and the accuracy."""
    batch_mask = np.random.choice(x_train.shape[0], 100)
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]
    grads = network.gradient(x_batch, t_batch)
    optimizer.update(network.params, grads)
    return network.loss(x_batch, t_batch)


def parts(network, x_train, t_train, reps=30):
    """ms per step of each layer call (forward twice: gradient and loss) and of the products inside."""
    conv, relu, pool, affine = (network.layers[k] for k in ('Conv1', 'Relu1', 'Pool1', 'Affine1'))
    times = OrderedDict()

    def lap(what, start, calls):
        times.setdefault(what, []).append((time.perf_counter() - start) * 1000 * calls)
        return time.perf_counter()

    for _ in range(reps):
        x = x_train[np.random.choice(x_train.shape[0], 100)]
        s = time.perf_counter()
        c = conv.forward(x); s = lap('Conv1.forward', s, 2)
        r = relu.forward(c); s = lap('Relu1.forward', s, 2)
        p = pool.forward(r); s = lap('Pool1.forward', s, 2)
        h = affine.forward(p); s = lap('Affine1.forward', s, 2)
        dh = np.random.randn(*h.shape); s = time.perf_counter()
        dp = affine.backward(dh); s = lap('Affine1.backward', s, 1)
        dr = pool.backward(dp); s = lap('Pool1.backward', s, 1)
        dc = relu.backward(dr); s = lap('Relu1.backward', s, 1)
        conv.backward(dc); s = lap('Conv1.backward', s, 1)
        col = im2col(x, 5, 5, 1, 0); s = lap('  im2col (57600x25) in Conv1.forward', s, 2)
        np.dot(col, conv.col_W); s = lap('  product col·col_W 57600x25·25x30', s, 2)
        dout = dc.transpose(0, 2, 3, 1).reshape(-1, 30); s = time.perf_counter()
        np.dot(col.T, dout); s = lap('  product colᵀ·dout 25x57600·57600x30 (dW)', s, 1)
        np.dot(dout, conv.col_W.T); s = lap('  product dout·col_Wᵀ 57600x30·30x25 (dcol)', s, 1)
        col2im(np.dot(dout, conv.col_W.T), x.shape, 5, 5, 1, 0); s = time.perf_counter()
        xa = p.reshape(100, -1)
        np.dot(xa, affine.W); s = lap('  product x·W 100x4320·4320x100', s, 2)
        np.dot(xa.T, dh); s = lap('  product xᵀ·dout 4320x100·100x100 (dW)', s, 1)
        np.dot(dh, affine.W.T); s = lap('  product dout·Wᵀ 100x100·100x4320 (dx)', s, 1)
    print('per step (median over %d steps; forward runs twice per step: gradient, loss):' % reps)
    for what, ms in times.items():
        print('  %-46s %7.2f ms' % (what, float(np.median(ms))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--warm', type=int, default=20)
    ap.add_argument('--steps', type=int, default=200)
    ap.add_argument('--mnist', default=os.path.join(here, '..', 'mnist'))
    ap.add_argument('--parts', action='store_true')
    args = ap.parse_args()

    x_train, t_train = load_mnist_train(args.mnist)
    np.random.seed(0)
    network = SimpleConvNet()
    optimizer = Adam(lr=0.001)
    print('first loss', repr(float(train_step(network, optimizer, x_train, t_train))))
    for _ in range(args.warm - 1):
        train_step(network, optimizer, x_train, t_train)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.steps):
        train_step(network, optimizer, x_train, t_train)
    ms = (time.perf_counter() - start) * 1000 / args.steps
    cpu_ms = (time.process_time() - cpu) * 1000 / args.steps
    if args.parts:
        parts(network, x_train, t_train)
    print('RESULT ms_per_step=%.2f cpu_ms_per_step=%.2f steps=%d numpy=%s threads=%s' % (
        ms, cpu_ms, args.steps, np.__version__, os.environ.get('OPENBLAS_NUM_THREADS', 'all')))


if __name__ == '__main__':
    main()
