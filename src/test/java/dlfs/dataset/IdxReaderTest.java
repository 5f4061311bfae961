package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxReaderTest {
    @Test
    void readsValidImagesAndLabels() {
        IdxReader.Idx images = IdxReader.readImages("imgs", IdxFiles.images(3, 2, 4));
        assertThat(images.dims()).containsExactly(3, 2, 4);
        assertThat(images.offset()).isEqualTo(16);
        assertThat(Arrays.copyOfRange(images.content(), 16 + 2 * 8, 16 + 3 * 8)).containsExactly(14, 15, 16, 17, 18, 19, 20, 21);
        assertThat(IdxReader.readLabels("lbls", IdxFiles.labels(12), 10))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
    }

    @Test
    void readsBigEndianCountsAndUnsignedPixels() {
        byte[] content = IdxFiles.images(300, 1, 1);   // count 300 = 0x0000012C needs two bytes
        assertThat(IdxReader.readInt(content, 4)).isEqualTo(300);
        IdxReader.Idx images = IdxReader.readImages("imgs", content);
        assertThat(images.dims()[0]).isEqualTo(300);
        assertThat(images.content()[images.offset() + 37] & 0xFF).isEqualTo(37 * 7 % 256);   // 259 mod 256 = 3; 37·7 = 259
    }

    @Test
    void badMagicNamesFileExpectedValueAndOffset() {
        assertThatThrownBy(() -> IdxReader.readImages("train-images-idx3-ubyte", IdxFiles.labels(5)))
                .isInstanceOf(MnistException.class)
                .hasMessage("train-images-idx3-ubyte: bad magic number 2049 at byte offset 0, expected 2051 (an IDX image file)");
        assertThatThrownBy(() -> IdxReader.readLabels("train-labels-idx1-ubyte", IdxFiles.images(1, 2, 2), 10))
                .hasMessage("train-labels-idx1-ubyte: bad magic number 2051 at byte offset 0, expected 2049 (an IDX label file)");
    }

    @Test
    void truncatedHeader() {
        byte[] cut = Arrays.copyOf(IdxFiles.images(2, 2, 2), 10);
        assertThatThrownBy(() -> IdxReader.readImages("imgs", cut))
                .hasMessage("imgs: truncated header: the file ends at byte offset 10 but the header of an IDX image file"
                        + " needs 16 bytes");
        byte[] cutLabels = Arrays.copyOf(IdxFiles.labels(3), 5);
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", cutLabels, 10))
                .hasMessage("lbls: truncated header: the file ends at byte offset 5 but the header of an IDX label file"
                        + " needs 8 bytes");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", new byte[0], 10))
                .hasMessage("lbls: truncated header: the file ends at byte offset 0 but the magic number needs 4 bytes");
    }

    @Test
    void truncatedData() {
        byte[] cut = Arrays.copyOf(IdxFiles.images(3, 2, 2), 16 + 2 * 4 + 1);   // 3 images of 4 bytes, 9 present
        assertThatThrownBy(() -> IdxReader.readImages("imgs", cut))
                .hasMessage("imgs: truncated data: 3 images of 2x2 end at byte offset 28 but the file ends at byte offset 25");
        byte[] cutLabels = Arrays.copyOf(IdxFiles.labels(10), 15);
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", cutLabels, 10))
                .hasMessage("lbls: truncated data: 10 labels end at byte offset 18 but the file ends at byte offset 15");
    }

    @Test
    void trailingBytesAreReported() {
        byte[] longer = Arrays.copyOf(IdxFiles.labels(4), 14);
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", longer, 10))
                .hasMessage("lbls: 2 unexpected bytes after 4 labels, from byte offset 12 (expected the file to end there)");
    }

    @Test
    void nonPositiveDimensionIsReportedWithOffset() {
        byte[] content = IdxFiles.images(2, 2, 2);
        content[8 + 3] = 0;   // rows = 0
        assertThatThrownBy(() -> IdxReader.readImages("imgs", content))
                .hasMessage("imgs: row count at byte offset 8 is 0, expected a positive number");
        byte[] labels = IdxFiles.labels(2);
        labels[4] = (byte) 0x80;   // count 0x80000002: negative as a signed 32-bit integer
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", labels, 10))
                .hasMessage("lbls: label count at byte offset 4 is -2147483646, expected a positive number");
    }

    @Test
    void labelOutOfRangeIsReportedWithOffset() {
        byte[] content = IdxFiles.labels(5);
        content[8 + 3] = 12;
        assertThatThrownBy(() -> IdxReader.readLabels("lbls", content, 10))
                .hasMessage("lbls: label 3 at byte offset 11 is 12 but labels must be in 0..9");
    }

    @Test
    void countMismatch() {
        assertThatThrownBy(() -> IdxReader.requireSameCount("imgs", 60000, "lbls", 59999))
                .hasMessage("imgs holds 60000 images but lbls holds 59999 labels "
                        + "(the counts at byte offset 4 of both files must agree)");
    }
}
