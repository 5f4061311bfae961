# Reference values for OptimizerTest: the book's common/optimizer.py update rules (copied as written,
# with numpy), run on f(x, y) = x^2/20 + y^2 from (-7, 2) as in ch06/optimizer_compare_naive.py.
# Run: python3 optimizer_steps.py
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():       # the order of the book's repository since its 2021 fix: W moves with the old v
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


def df(x, y):
    return x / 10.0, 2.0 * y


for name, opt in [("SGD(0.95)", lambda: SGD(0.95)), ("Momentum(0.1)", lambda: Momentum(0.1)),
                  ("Nesterov(0.1)", lambda: Nesterov(0.1)), ("AdaGrad(1.5)", lambda: AdaGrad(1.5)),
                  ("RMSprop(0.1)", lambda: RMSprop(0.1)), ("Adam(0.3)", lambda: Adam(0.3))]:
    o = opt()
    params = {'x': np.array(-7.0), 'y': np.array(2.0)}
    out = []
    for step in range(30):
        gx, gy = df(params['x'], params['y'])
        o.update(params, {'x': gx, 'y': gy})
        if step in (0, 1, 29):
            out.append("step %d: (%r, %r)" % (step + 1, float(params['x']), float(params['y'])))
    print(name, "; ".join(out))

# A 4x16 parameter W0[k] = ((k * 7919) % 1013 - 506) / 7 with gradient W / 10 (f = sum(W**2) / 20), three
# updates: with 64 different values, a rearranged expression changes some of them in the last bit.
# Written to optimizer_matrix_steps.txt (one line per optimizer: its name and the 64 values, row-major).
import os
W0 = np.array([((k * 7919) % 1013 - 506) / 7.0 for k in range(64)]).reshape(4, 16)
lines = []
for name, opt in [("SGD", lambda: SGD(0.95)), ("Momentum", lambda: Momentum(0.1)),
                  ("Nesterov", lambda: Nesterov(0.1)), ("AdaGrad", lambda: AdaGrad(1.5)),
                  ("RMSprop", lambda: RMSprop(0.1)), ("Adam", lambda: Adam(0.3))]:
    o = opt()
    params = {'W1': W0.copy()}
    for step in range(3):
        o.update(params, {'W1': params['W1'] / 10.0})
    lines.append(name + " " + " ".join(repr(float(v)) for v in params['W1'].ravel()))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizer_matrix_steps.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
