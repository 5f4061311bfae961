package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.matrix.PairwiseSum;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pickles of numpy arrays the book's save_params writes: the book's own ch07/params.pkl, files written by
 * Python with protocols 2, 3 and 4 (src/test/resources/reference/params_pickles.py), our own files, and files that
 * are not such a pickle.
 */
class ParamsPickleTest {
    private static final Path REFERENCE = ProjectDir.resolve("src/test/resources/reference");

    @TempDir
    Path tmp;

    @Test
    void theBooksParamsPklHoldsWhatNumpyPrintedFromIt() throws IOException {
        Map<String, ParamsPickle.Array> params = ParamsPickle.read(ProjectDir.resolve("book/ch07/params.pkl"));
        List<String> lines = Files.readAllLines(REFERENCE.resolve("params_pickles.txt"));
        assertThat(lines.get(0)).isEqualTo("keys " + params.keySet().toString().replace("[", "['")
                .replace(", ", "', '").replace("]", "']"));
        for (String line : lines.subList(1, lines.size())) {
            // "W1 (30, 1, 5, 5) first last np.sum"
            String key = line.substring(0, line.indexOf(' '));
            String shape = line.substring(line.indexOf('('), line.indexOf(')') + 1);
            String[] numbers = line.substring(line.indexOf(')') + 2).split(" ");
            ParamsPickle.Array a = params.get(key);
            assertThat(a.shapeText()).as(key).isEqualTo(shape);
            assertThat(a.data()[0]).as(key).isEqualTo(Double.parseDouble(numbers[0]));
            assertThat(a.data()[a.data().length - 1]).as(key).isEqualTo(Double.parseDouble(numbers[1]));
            assertThat(PairwiseSum.of(a.data())).as(key).isEqualTo(Double.parseDouble(numbers[2]));
        }
    }

    @Test
    void protocols2To4AsPythonWritesThem() {
        for (int protocol = 2; protocol <= 4; protocol++) {
            Map<String, ParamsPickle.Array> params = ParamsPickle.read(REFERENCE.resolve(
                    "params_protocol" + protocol + ".pkl"));
            assertThat(params.keySet()).as("protocol %d", protocol).containsExactly("W1", "b1", "W2");
            assertThat(params.get("W1").shape()).containsExactly(2, 1, 3, 4);
            assertThat(params.get("W1").data()[23]).isEqualTo(11.5);            // np.arange(24.0) * 0.5
            assertThat(params.get("b1").shapeText()).isEqualTo("(2,)");
            assertThat(params.get("b1").data()).containsExactly(1.5, -2.25);
            assertThat(params.get("W2").data()).containsExactly(1e-300, -0.0, Math.PI, 6.02e23);
        }
    }

    @Test
    void whatWeWriteWeReadBackBitForBit() {
        Map<String, ParamsPickle.Array> params = new LinkedHashMap<>();
        params.put("W1", new ParamsPickle.Array(new int[] {2, 1, 2, 2}, new double[] {1, -0.0, Double.MIN_VALUE, 4, 5,
            Double.NaN, 7, 1e300}));
        params.put("b1", new ParamsPickle.Array(new int[] {2}, new double[] {0.1, 0.2}));
        params.put("W2", new ParamsPickle.Array(new int[] {1, 70000}, new double[70000]));
        Path file = tmp.resolve("params.pkl");
        ParamsPickle.write(file, params);
        Map<String, ParamsPickle.Array> back = ParamsPickle.read(file);
        assertThat(back.keySet()).containsExactly("W1", "b1", "W2");
        for (String key : params.keySet()) {
            assertThat(back.get(key).shape()).isEqualTo(params.get(key).shape());
            long[] bits = Arrays.stream(params.get(key).data()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertThat(Arrays.stream(back.get(key).data()).mapToLong(Double::doubleToRawLongBits).toArray())
                    .as(key).isEqualTo(bits);
        }
        assertThat(tmp.toFile().list()).containsExactly("params.pkl");        // no temporary file left
    }

    @Test
    void whatIsNotAPickleOfNumpyArraysIsRefusedWithTheByteOffset() throws IOException {
        byte[] book = Files.readAllBytes(ProjectDir.resolve("book/ch07/params.pkl"));
        Path truncated = tmp.resolve("truncated.pkl");
        Files.write(truncated, Arrays.copyOf(book, 5000));
        assertThatThrownBy(() -> ParamsPickle.read(truncated)).isInstanceOf(UserError.class)
                .hasMessage(truncated + ": byte 1009: the file ends inside a pickle instruction (truncated?)");

        Path protocol5 = tmp.resolve("protocol5.pkl");
        Files.write(protocol5, new byte[] {(byte) 0x80, 5, '}', '.'});
        assertThatThrownBy(() -> ParamsPickle.read(protocol5))
                .hasMessageStartingWith(protocol5 + ": byte 0: pickle protocol 5 (only 2 to 4 are read;");

        Path text = tmp.resolve("text.pkl");
        Files.writeString(text, "W1 = [1, 2]\n");
        assertThatThrownBy(() -> ParamsPickle.read(text))
                .hasMessage(text + ": byte 0: instruction 0x57 is not one a numpy parameter file uses");

        Path floats = tmp.resolve("float32.pkl");                             // the book's file with '<f4'
        byte[] f4 = book.clone();
        f4[115] = '4';                                                        // BINUNICODE 'f8' at 109: 'f' at 114
        Files.write(floats, f4);
        assertThatThrownBy(() -> ParamsPickle.read(floats)).hasMessageContaining(": an array of dtype <f4 (only"
                + " float64, '<f8', is read)");

        assertThatThrownBy(() -> ParamsPickle.read(tmp.resolve("missing.pkl")))
                .hasMessage(tmp.resolve("missing.pkl") + ": no such file");
    }
}
