package dlfs.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyTest {
    @Test
    void printsAsPythonForEveryReferenceValue() throws IOException {
        List<String> lines;
        try (InputStream in = PyTest.class.getResourceAsStream("/reference/py_repr.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        assertThat(lines).hasSizeGreaterThan(7000);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(Py.str(x)).as("bits %s", parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void bookStyleExamples() {
        assertThat(Py.str(2.0)).isEqualTo("2.0");
        assertThat(Py.str(0.1)).isEqualTo("0.1");
        assertThat(Py.str(1.5e-6)).isEqualTo("1.5e-06");
        assertThat(Py.str(1e-4)).isEqualTo("0.0001");
        assertThat(Py.str(1e16)).isEqualTo("1e+16");
        assertThat(Py.str(-0.0)).isEqualTo("-0.0");
        assertThat(Py.str(Double.NaN)).isEqualTo("nan");
        assertThat(Py.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Py.str(0.12333333333333334)).isEqualTo("0.12333333333333334");
    }
}
