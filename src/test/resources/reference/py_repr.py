# Prints test vectors for dlfs.util.Py: one double per line as its 64 bits in hex, then Python's repr of it.
# Run: python3 py_repr.py > py_repr.txt
import random, struct

def line(x):
    bits = struct.unpack('<Q', struct.pack('<d', x))[0]
    return '%016x %s' % (bits, repr(x))

random.seed(2026)
values = [0.0, -0.0, float('inf'), float('-inf'), 1.0, 2.0, 0.1, 0.2, 0.3, 1/3, 2.3024418455538433,
          1.5e-06, 1e-05, 1e-04, 0.001, 1e16, 1e15, 123456789012345678.0, 1234567890123456.0, 9007199254740993.0,
          5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308, 0.12333333333333334, 0.1047, 0.09,
          1.5081662054491436e-06, 6.909132715896656e-07, 0.048798892959656115, 100.0, 1e22, 1e23, 2**-1074 * 3]
for e in range(-1074, 1024):                        # powers of two, where the rounding interval is lopsided
    for d in (2.0 ** e, ):
        values.append(d)
for _ in range(3000):                                # random bit patterns: every exponent and mantissa
    bits = random.getrandbits(63)
    x = struct.unpack('<d', struct.pack('<Q', bits))[0]
    if x == x and x != float('inf'):
        values.append(x if random.random() < 0.5 else -x)
for _ in range(2000):                                # numbers of the size the book prints
    values.append(random.uniform(-3, 3) * 10 ** random.randint(-9, 3))
for v in values:
    print(line(v))
