# Prints test vectors for dlfs.matrix.Rng, the port of numpy's legacy global generator (np.random.seed, rand,
# randn, uniform, choice, permutation). One call per line: "SEED CALL ARGS: values", values as Python's repr
# (the shortest text that reads back to the same double). RngTest replays every line.
# Run: python3 rng_vectors.py > rng_vectors.txt
import numpy as np


def raw(seed, n):
    # the 32-bit outputs of MT19937 seeded as np.random.seed(seed) seeds it (init_genrand)
    bits = np.random.MT19937()
    bits._legacy_seeding(seed)
    return [int(v) & 0xffffffff for v in bits.random_raw(n)]


def line(seed, call, args, values):
    print(seed, call, *args, end=": ")
    print(*[repr(v) for v in values])


for seed, n in [(0, 5), (2026, 3), (4294967295, 3)]:
    line(seed, "uint32", [n], raw(seed, n))

for seed in [0, 2026]:
    np.random.seed(seed)
    line(seed, "rand", [3], [float(v) for v in np.random.rand(3)])
    np.random.seed(seed)
    line(seed, "randn", [4], [float(v) for v in np.random.randn(4)])
    np.random.seed(seed)
    line(seed, "uniform", [-8, -4, 3], [float(np.random.uniform(-8, -4)) for _ in range(3)])

# choice(n, size) is randint(0, n, size): masked rejection; n > 65536 needs the mask's >>> 16 fold
for n, size in [(1, 4), (2, 8), (10, 8), (60000, 8), (65536, 8), (65537, 12), (100000, 8), (2**31 - 1, 6)]:
    np.random.seed(0)
    line(0, "choice", [n, size], [int(v) for v in np.random.choice(n, size)])

for n in [1, 2, 10, 500, 70000]:
    np.random.seed(0)
    line(0, "permutation", [n], [int(v) for v in np.random.permutation(n)][:12])
