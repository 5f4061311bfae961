# The numpy side of bench/vs-numpy.sh: the training loop of the book's ch06/weight_init_compare.py (section
# 6.2.4), written with the book's own numpy code and run as the book runs it, timed.
#
# The classes below are the book's common/functions.py, common/layers.py, common/multi_layer_net.py and
# common/optimizer.py (github.com/oreilly-japan/deep-learning-from-scratch, MIT licence, (c) 2016 Koki Saitoh),
# cut down to what this loop calls: Affine, Relu, SoftmaxWithLoss (in bench/book_layers.py, shared with
# convnet_step.py), MultiLayerNet (its weight-decay term included, as the book computes it with lambda = 0), SGD. load_mnist reads the project's mnist/*.gz directly
# (gzip + numpy; the book pickles them first) and normalises as the book's load_mnist(normalize=True) does:
# float32 pixels / 255. The weights are float64, so np.dot takes float32 images and float64 weights, as in the
# book. np.random.seed(0) first, so the printed losses are those of the book's script after np.random.seed(0).
#
# usage: python3 bench/weight_init_compare_numpy.py [--iterations N] [--mnist DIR]
#   --iterations N   max_iterations (default 2000, the book's): N batches, three networks each
#   --mnist DIR      the folder with the four MNIST .gz files (default: mnist/ beside bench/)
# It prints the book's lines, then
#   numpy: X ms per net-iteration (N*3 net-iterations in S s)
#   numpy: whole run S s from the script's first line
# One net-iteration is one network's step: gradient (forward and backward), SGD update, and the loss.
import time

START = time.perf_counter()

import argparse
import gzip
import os
from collections import OrderedDict

import numpy as np


from book_layers import Affine, Relu, SoftmaxWithLoss  # the book's common/layers.py (bench/book_layers.py)


# common/multi_layer_net.py (activation 'relu')
class MultiLayerNet:
    def __init__(self, input_size, hidden_size_list, output_size, weight_init_std='relu', weight_decay_lambda=0):
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = hidden_size_list
        self.hidden_layer_num = len(hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.params = {}
        self.__init_weight(weight_init_std)
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
            self.layers['Activation_function' + str(idx)] = Relu()
        idx = self.hidden_layer_num + 1
        self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
        self.last_layer = SoftmaxWithLoss()

    def __init_weight(self, weight_init_std):
        all_size_list = [self.input_size] + self.hidden_size_list + [self.output_size]
        for idx in range(1, len(all_size_list)):
            scale = weight_init_std
            if str(weight_init_std).lower() in ('relu', 'he'):
                scale = np.sqrt(2.0 / all_size_list[idx - 1])
            elif str(weight_init_std).lower() in ('sigmoid', 'xavier'):
                scale = np.sqrt(1.0 / all_size_list[idx - 1])
            self.params['W' + str(idx)] = scale * np.random.randn(all_size_list[idx - 1], all_size_list[idx])
            self.params['b' + str(idx)] = np.zeros(all_size_list[idx])

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        weight_decay = 0
        for idx in range(1, self.hidden_layer_num + 2):
            W = self.params['W' + str(idx)]
            weight_decay += 0.5 * self.weight_decay_lambda * np.sum(W ** 2)
        return self.last_layer.forward(y, t) + weight_decay

    def gradient(self, x, t):
        self.loss(x, t)
        dout = 1
        dout = self.last_layer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            grads['W' + str(idx)] = self.layers['Affine' + str(idx)].dW \
                + self.weight_decay_lambda * self.layers['Affine' + str(idx)].W
            grads['b' + str(idx)] = self.layers['Affine' + str(idx)].db
        return grads


# common/optimizer.py
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


# dataset/mnist.py's load_mnist(normalize=True), from the .gz files
def load_mnist(folder):
    def read(name, offset):
        with gzip.open(os.path.join(folder, name + '.gz'), 'rb') as f:
            return np.frombuffer(f.read(), np.uint8, offset=offset)

    x_train = read('train-images-idx3-ubyte', 16).reshape(-1, 784).astype(np.float32)
    x_train /= 255.0
    x_test = read('t10k-images-idx3-ubyte', 16).reshape(-1, 784).astype(np.float32)
    x_test /= 255.0
    return (x_train, read('train-labels-idx1-ubyte', 8)), (x_test, read('t10k-labels-idx1-ubyte', 8))


parser = argparse.ArgumentParser(description='The training loop of the book\'s weight_init_compare.py, timed.')
parser.add_argument('--iterations', type=int, default=2000, help='max_iterations (default 2000, the book\'s)')
parser.add_argument('--mnist', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'mnist'),
                    help='the folder with the four MNIST .gz files (default: the project\'s mnist/)')
args = parser.parse_args()
if args.iterations < 1:
    parser.error('--iterations %d is not allowed (give a whole number >= 1)' % args.iterations)
np.random.seed(0)

# weight_init_compare.py from here, max_iterations from --iterations, the loop timed
# 0: load MNIST ==========
(x_train, t_train), (x_test, t_test) = load_mnist(args.mnist)

train_size = x_train.shape[0]
batch_size = 128
max_iterations = args.iterations

# 1: experiment settings ==========
weight_init_types = {'std=0.01': 0.01, 'Xavier': 'sigmoid', 'He': 'relu'}
optimizer = SGD(lr=0.01)

networks = {}
train_loss = {}
for key, weight_type in weight_init_types.items():
    networks[key] = MultiLayerNet(input_size=784, hidden_size_list=[100, 100, 100, 100],
                                  output_size=10, weight_init_std=weight_type)
    train_loss[key] = []

# 2: training ==========
loop_start = time.perf_counter()
for i in range(max_iterations):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]

    for key in weight_init_types.keys():
        grads = networks[key].gradient(x_batch, t_batch)
        optimizer.update(networks[key].params, grads)

        loss = networks[key].loss(x_batch, t_batch)
        train_loss[key].append(loss)

    if i % 100 == 0:
        print("===========" + "iteration:" + str(i) + "===========")
        for key in weight_init_types.keys():
            loss = networks[key].loss(x_batch, t_batch)
            print(key + ":" + str(loss))
loop_end = time.perf_counter()

net_iterations = max_iterations * len(networks)
print('numpy: %.3f ms per net-iteration (%d net-iterations in %.2f s)'
      % ((loop_end - loop_start) * 1000 / net_iterations, net_iterations, loop_end - loop_start))
print('numpy: whole run %.2f s from the script\'s first line' % (time.perf_counter() - START))
