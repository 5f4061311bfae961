# Prints test vectors for dlfs.plot.Histogram: which bin numpy's np.histogram puts each value in.
# One line per value: bins, lo, hi, x as their 64 bits in hex, then the bin (-1: not counted), then repr(x).
# Values sit just below, on and just above every edge, at 1/4, 1/2 and 3/4 of every bin, and at the edges as
# one would type them (k * (hi - lo) / bins + lo), so rounding, flooring and a half-bin shift give different bins.
# Run: python3 histogram_bins.py > histogram_bins.txt
import struct
import numpy as np

def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', float(x)))[0]

def bin_of(x, bins, lo, hi):
    counts, _ = np.histogram(np.array([x]), bins, range=(lo, hi))
    return int(np.argmax(counts)) if counts.sum() == 1 else -1

cases = [(30, 0.0, 1.0), (10, 0.0, 1.0), (30, -1.0, 1.0), (7, -0.3, 1.1), (3, 1e-3, 2.5e-3)]
for bins, lo, hi in cases:
    edges = np.histogram_bin_edges([], bins, range=(lo, hi))
    w = (hi - lo) / bins
    xs = [lo - 1, hi + 1, float('nan'), float('inf'), float('-inf')]
    for k, e in enumerate(edges):
        xs += [np.nextafter(e, -np.inf), e, np.nextafter(e, np.inf), k * (hi - lo) / bins + lo]
    for i in range(bins):
        xs += [lo + (i + 0.25) * w, lo + (i + 0.5) * w, lo + (i + 0.75) * w]
    for x in xs:
        print(bins, bits(lo), bits(hi), bits(x), bin_of(x, bins, lo, hi), repr(float(x)))
