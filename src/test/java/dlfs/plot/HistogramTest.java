package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void binsAreHalfOpenExceptTheLastAndOutsideValuesAreNotCounted() {
        // numpy: np.histogram([0, 0.1, 0.25, 0.5, 0.99, 1.0, -0.1, 1.5], 4, range=(0, 1)) -> [2, 1, 1, 2]
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.25, 0.5, 0.99, 1.0, -0.1, 1.5}, 4, 0, 1);
        assertThat(h.counts()).containsExactly(2, 1, 1, 2);
        assertThat(h.total()).isEqualTo(8);
        assertThat(h.fraction(0)).isCloseTo(0.25, within(1e-15));
        assertThat(h.edges()[1]).isEqualTo(0.25);
        assertThat(h.edges()[4]).isEqualTo(1.0);
    }

    /**
     * Every value of reference/histogram_bins.txt (printed by histogram_bins.py with numpy) lands in numpy's bin:
     * values an ulp either side of each edge, on each edge, at the edges as typed (0.3 with 10 bins lies below
     * numpy's edge 3·0.1 = 0.30000000000000004), and at 1/4, 1/2 and 3/4 of each bin, which rounding instead of
     * flooring, or a shift by half a bin, would put one bin off.
     */
    @Test
    void everyValueLandsInTheBinNumpyPutsItIn() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] f : referenceLines()) {
            int bins = Integer.parseInt(f[0]);
            double lo = bits(f[1]), hi = bits(f[2]), x = bits(f[3]);
            int expected = Integer.parseInt(f[4]);
            long[] counts = Histogram.of(new double[] {x}, bins, lo, hi).counts();
            int got = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    got = i;
                }
            }
            if (got != expected) {
                wrong.add("x=" + f[5] + " (" + bins + " bins over " + lo + ".." + hi + "): bin " + got
                        + ", numpy " + expected);
            }
            checked++;
        }
        assertThat(checked).as("reference values read").isEqualTo(605);
        assertThat(wrong).as("values binned differently from numpy").isEmpty();
    }

    @Test
    void edgesAreNumpysLinspace() {
        // numpy: np.histogram_bin_edges([], 10, range=(0, 1))[3] == 0.30000000000000004
        Histogram h = Histogram.of(new double[0], 10, 0, 1);
        assertThat(h.edges()[3]).isEqualTo(0.30000000000000004);
        assertThat(h.edges()[10]).isEqualTo(1.0);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Histogram.of(new double[1], 0, 0, 1)).hasMessageContaining("bins=0 must be >= 1");
        assertThatThrownBy(() -> Histogram.of(new double[1], 3, 1, 1)).hasMessageContaining("range (1.0, 1.0) needs lo < hi");
        assertThatThrownBy(() -> Histogram.of(new double[1], 3, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("range (0.0, Infinity) needs lo < hi, both finite");
        assertThatThrownBy(() -> Histogram.of(new double[1], 4, 1, Math.nextUp(1.0)))
                .hasMessageContaining("bins=4 is too many for the range");
    }

    private static List<String[]> referenceLines() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = HistogramTest.class.getResourceAsStream("/reference/histogram_bins.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line.trim().split(" "));
            }
        }
        return lines;
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }
}
