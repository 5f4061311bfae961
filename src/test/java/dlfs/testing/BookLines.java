package dlfs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a main printed with what the book's script printed after {@code np.random.seed(0)}: the same
 * text, each number within 1e-12 relative of numpy's (numpy's exp and log differ from Java's by an ulp on a few
 * inputs, and its matrix product sums in another order).
 */
public final class BookLines {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e[-+]\\d+)?");

    private BookLines() {
    }

    /** The output starts with these lines: the same text, each number within 1e-12 relative of the book's. */
    public static void assertStartsWith(String out, String... book) {
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(book.length);
        for (int i = 0; i < book.length; i++) {
            String java = lines.get(i);
            assertThat(NUMBER.matcher(java).replaceAll("#")).as("line %d", i + 1)
                    .isEqualTo(NUMBER.matcher(book[i]).replaceAll("#"));
            List<Double> expected = numbers(book[i]), actual = numbers(java);
            for (int k = 0; k < expected.size(); k++) {
                double e = expected.get(k);
                assertThat(actual.get(k)).as("line %d: %s against the book's %s", i + 1, java, book[i])
                        .isCloseTo(e, within(1e-12 * Math.abs(e)));
            }
        }
    }

    private static List<Double> numbers(String line) {
        List<Double> list = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            list.add(Double.parseDouble(m.group()));
        }
        return list;
    }
}
