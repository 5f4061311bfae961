package dlfs.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * The contour lines f(x, y) = level of a function on a rectangle, by marching squares: f is sampled on an
 * n×n grid; every grid edge whose two ends lie on different sides of the level gets one point, placed by
 * linear interpolation; inside each grid cell those points are joined in pairs, and the pairs are chained into
 * polylines. It stands in for matplotlib's {@code plt.contour(X, Y, Z)}, which the book uses in
 * ch06/optimizer_compare_naive.py (JFreeChart has no contour plot).
 *
 * <p>The points lie on the level up to the interpolation error, about h²·|f''|/8 for grid spacing h.
 */
public final class ContourLines {
    /** One polyline: points (x[k], y[k]). A closed line ends with a copy of its first point. */
    public record Line(double[] x, double[] y, boolean closed) {
    }

    private final int n;
    private final double[] gx, gy;   // grid coordinates, n each
    private final double[][] z;      // z[j][i] = f(gx[i], gy[j]), (n, n)
    private final Map<Double, List<Line>> found = new ConcurrentHashMap<>();   // each level's lines, traced once

    /** Samples f on an n×n grid over [xMin, xMax] × [yMin, yMax] (n ≥ 2). */
    public ContourLines(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax, int n) {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("ContourLines: the rectangle [" + xMin + ", " + xMax + "] × ["
                    + yMin + ", " + yMax + "] is empty (need xMin < xMax and yMin < yMax)");
        }
        if (n < 2) {
            throw new IllegalArgumentException("ContourLines: n=" + n + " grid points per side must be >= 2");
        }
        this.n = n;
        this.gx = linspace(xMin, xMax, n);
        this.gy = linspace(yMin, yMax, n);
        this.z = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                z[j][i] = f.applyAsDouble(gx[i], gy[j]);
            }
        }
    }

    /**
     * The contour lines f = level; empty if the level is not crossed inside the rectangle. Each level is traced
     * once (an explorer redraws the same contours under every path); the lines must not be changed.
     */
    public List<Line> at(double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("ContourLines.at: level=" + level + " must be finite");
        }
        return found.computeIfAbsent(level, this::trace);
    }

    private List<Line> trace(double level) {
        Map<Long, List<Long>> links = new HashMap<>();     // edge id → the crossed edges it is joined to
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                joinInCell(i, j, level, links);
            }
        }
        return List.copyOf(chain(links, level));
    }

    /**
     * Joins the crossed edges of cell (i, j), whose corners are c0 = (i, j), c1 = (i+1, j), c2 = (i+1, j+1),
     * c3 = (i, j+1). Two crossed edges are joined directly; four (a saddle) are paired by the value at the
     * cell's centre.
     */
    private void joinInCell(int i, int j, double level, Map<Long, List<Long>> links) {
        boolean a0 = z[j][i] > level, a1 = z[j][i + 1] > level, a2 = z[j + 1][i + 1] > level, a3 = z[j + 1][i] > level;
        long bottom = hEdge(i, j), right = vEdge(i + 1, j), top = hEdge(i, j + 1), left = vEdge(i, j);
        List<Long> crossed = new ArrayList<>(4);
        if (a0 != a1) crossed.add(bottom);
        if (a1 != a2) crossed.add(right);
        if (a3 != a2) crossed.add(top);
        if (a0 != a3) crossed.add(left);
        if (crossed.size() == 2) {
            link(links, crossed.get(0), crossed.get(1));
        } else if (crossed.size() == 4) {
            double centre = (z[j][i] + z[j][i + 1] + z[j + 1][i + 1] + z[j + 1][i]) / 4;
            if ((centre > level) == a0) {     // c0 and c2 connect through the centre: cut off c1 and c3
                link(links, bottom, right);
                link(links, top, left);
            } else {                           // c1 and c3 connect: cut off c0 and c2
                link(links, left, bottom);
                link(links, right, top);
            }
        }
    }

    private static void link(Map<Long, List<Long>> links, long a, long b) {
        links.computeIfAbsent(a, k -> new ArrayList<>(2)).add(b);
        links.computeIfAbsent(b, k -> new ArrayList<>(2)).add(a);
    }

    /** Walks the joined edges into polylines: first the open ones (which end on the border), then the loops. */
    private List<Line> chain(Map<Long, List<Long>> links, double level) {
        List<Line> lines = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        List<Long> starts = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : links.entrySet()) {
            if (e.getValue().size() == 1) {
                starts.add(e.getKey());
            }
        }
        starts.addAll(links.keySet());
        for (long start : starts) {
            if (visited.contains(start)) {
                continue;
            }
            List<Long> path = new ArrayList<>();
            long current = start;
            while (true) {
                path.add(current);
                visited.add(current);
                long next = -1;
                for (long candidate : links.get(current)) {
                    if (!visited.contains(candidate)) {         // the edge it came from is visited already
                        next = candidate;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                current = next;
            }
            boolean closed = path.size() > 2 && links.get(current).contains(start);
            if (closed) {
                path.add(start);
            }
            lines.add(toLine(path, level, closed));
        }
        return lines;
    }

    private Line toLine(List<Long> path, double level, boolean closed) {
        double[] x = new double[path.size()];
        double[] y = new double[path.size()];
        for (int k = 0; k < path.size(); k++) {
            long id = path.get(k);
            int cell = (int) (id >> 1);
            int i = cell % n, j = cell / n;
            boolean horizontal = (id & 1) == 0;
            int i1 = horizontal ? i + 1 : i, j1 = horizontal ? j : j + 1;
            double z0 = z[j][i], z1 = z[j1][i1];
            double s = (level - z0) / (z1 - z0);              // where the level falls between the two ends
            x[k] = gx[i] + s * (gx[i1] - gx[i]);
            y[k] = gy[j] + s * (gy[j1] - gy[j]);
        }
        return new Line(x, y, closed);
    }

    /** The edge from grid point (i, j) to (i+1, j). */
    private long hEdge(int i, int j) {
        return ((long) j * n + i) << 1;
    }

    /** The edge from grid point (i, j) to (i, j+1). */
    private long vEdge(int i, int j) {
        return (((long) j * n + i) << 1) | 1;
    }

    private static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = lo + (hi - lo) * k / (n - 1);
        }
        v[n - 1] = hi;
        return v;
    }
}
