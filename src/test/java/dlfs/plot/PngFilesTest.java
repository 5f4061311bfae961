package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dlfs.testing.Console;
import dlfs.testing.SystemProperties;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where figures go, when they are (not) rewritten, and what a failure to write them says. */
class PngFilesTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);   // 2001

    @TempDir
    Path dir;

    /** A chart like the overfitting figures, built afresh each time from the same numbers. */
    private static LineChart chart(String title, double lastTest) {
        double[] train = {0.1, 0.3, 0.5, 0.7, 0.9};
        double[] test = {0.1, 0.25, 0.4, 0.5, lastTest};
        return new LineChart("epochs", "accuracy").title(title).yRange(0, 1).add("train", train).add("test", test);
    }

    @Test
    void aFigureWhoseDescriptionIsUnchangedIsLeftAlone() throws IOException {
        Path png = PngFiles.save(chart("dropout", 0.55).size(640, 480), dir.resolve("f.png"));
        byte[] bytes = Files.readAllBytes(png);
        Files.setLastModifiedTime(png, LONG_AGO);

        Path again = PngFiles.save(chart("dropout", 0.55).size(640, 480), dir.resolve("f.png"));   // built anew
        assertThat(again).isEqualTo(png);
        assertThat(Files.getLastModifiedTime(png)).as("modification time").isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(png)).as("bytes").isEqualTo(bytes);
    }

    @Test
    void aFigureIsRewrittenWhenOneValueOrTheTitleOrTheSizeChanges() throws IOException {
        assertRewritten(chart("dropout", 0.55), chart("dropout", 0.56));               // one data value
        assertRewritten(chart("dropout", 0.55), chart("dropout 0.2", 0.55));           // the title
        assertRewritten(chart("dropout", 0.55), chart("dropout", 0.55).size(641, 480)); // the image size
    }

    private void assertRewritten(Figure before, Figure after) throws IOException {
        Path png = PngFiles.save(before, dir.resolve("r.png"));
        Files.setLastModifiedTime(png, LONG_AGO);
        PngFiles.save(after, png);
        assertThat(Files.getLastModifiedTime(png)).as("rewritten").isNotEqualTo(LONG_AGO);
        assertThat(PngFiles.shows(png, after.fingerprint())).isTrue();
        assertThat(PngFiles.shows(png, before.fingerprint())).isFalse();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(after.image().getWidth());
    }

    @Test
    void theFingerprintIsTheSameForTwoChartsBuiltAlikeAndDiffersForEveryOption() {
        assertThat(chart("a", 0.5).fingerprint()).isEqualTo(chart("a", 0.5).fingerprint()).startsWith("sha256:");
        double[] s = {1, 2, 3};
        String plain = new LineChart("x", "y").add("s", s).fingerprint();
        assertThat(new LineChart("x", "y").add("s", s).fingerprint()).isEqualTo(plain);
        assertThat(List.of(new LineChart("x", "y ").add("s", s), new LineChart("x", "y").add("s ", s),
                new LineChart("x", "y").yRange(0, 5).add("s", s), new LineChart("x", "y").title("t").add("s", s),
                new LineChart("x", "y").xTickUnit(1).add("s", s), new LineChart("x", "y").markEvery(2).add("s", s),
                new LineChart("x", "y").linesOnly().add("s", s), new LineChart("x", "y").logY().add("s", s),
                new LineChart("x", "y").addDashed("s", s), new LineChart("x", "y").add("s", new double[] {0, 1, 3}, s),
                new LineChart("x", "y").add("s", s).add("t", s)))
                .extracting(Figure::fingerprint).doesNotContain(plain).doesNotHaveDuplicates();
    }

    /** matplotlib's {@code color=}: the same series in another colour is another figure. */
    @Test
    void theFingerprintChangesWithTheColourOfASeries() {
        double[] s = {1, 2, 3};
        String cycle = new LineChart("x", "y").add("s", s).fingerprint();
        assertThat(new LineChart("x", "y").add("s", s).color(Style.color(0)).fingerprint()).isEqualTo(cycle);
        assertThat(new LineChart("x", "y").add("s", s).color(Color.BLACK).fingerprint()).isNotEqualTo(cycle);
        assertThat(new LineChart("x", "y").add("s", s).add("t", s).color(Color.BLACK).fingerprint())
                .isNotEqualTo(new LineChart("x", "y").add("s", s).add("t", s).fingerprint());
    }

    @Test
    void contourChartsHistogramRowsAndGridsChangeTheirFingerprintWithWhatTheyShow() {
        ContourLines lines = new ContourLines((x, y) -> x * x + y * y, -2, 2, -2, 2, 21);
        double[] x = {1, 0}, y = {1, 0};
        String contour = new ContourChart("SGD", "x", "y").contours(lines, 1, 2).path(x, y).fingerprint();
        assertThat(List.of(new ContourChart("SGD", "x", "y").contours(lines, 1, 3).path(x, y),
                new ContourChart("SGD", "x", "y").contours(lines, 1, 2).path(x, new double[] {1, 1e-9}),
                new ContourChart("SGD", "x", "y").contours(lines, 1, 2).path(x, y).mark(0, 0),
                new ContourChart("SGD", "x", "y").contours(lines, 1, 2).path(x, y).range(-2, 2, -2, 2)))
                .extracting(Figure::fingerprint).doesNotContain(contour).doesNotHaveDuplicates();

        double[] values = {0.1, 0.2, 0.2, 0.9};
        String row = new HistogramRow("t").add("1-layer", Histogram.of(values, 4, 0, 1), null).fingerprint();
        assertThat(List.of(new HistogramRow("t").add("1-layer", Histogram.of(values, 4, 0, 1), "at 0: 1%"),
                new HistogramRow("t").add("1-layer", Histogram.of(new double[] {0.1, 0.2, 0.3, 0.9}, 4, 0, 1), null),
                new HistogramRow("t").add("1-layer", Histogram.of(values, 4, 0, 1), null).yMax(3),
                new HistogramRow("t").add("1-layer", Histogram.of(values, 4, 0, 1), null).subtitle("cut")))
                .extracting(Figure::fingerprint).doesNotContain(row).doesNotHaveDuplicates();

        assertThat(grid(0.5).fingerprint()).isEqualTo(grid(0.5).fingerprint())
                .isNotEqualTo(grid(0.51).fingerprint()).isNotEqualTo(grid(0.5).title("u").fingerprint())
                .isNotEqualTo(new ChartGrid(3, 260, 200).title("t").sharedAxes().sharedLegend()
                        .add(chart("1", 0.5)).add(chart("2", 0.5)).add(chart("3", 0.5)).fingerprint());
    }

    @Test
    void theDescriptionHoldsValuesAsExactBitsTheTextsAndTheStyleVersion() {
        assertThat(chart("a", 0.1 + 0.2).describe()).contains(Long.toHexString(Double.doubleToLongBits(0.1 + 0.2)))
                .contains("'test'", "'a'", "'epochs'", "style " + Style.VERSION, "size 640 480");
    }

    @Test
    void aGridWhosePanelsAreUnchangedIsLeftAloneAndRewrittenWhenOnePanelChanges() throws IOException {
        Path png = PngFiles.save(grid(0.55), dir.resolve("grid.png"));
        byte[] bytes = Files.readAllBytes(png);
        Files.setLastModifiedTime(png, LONG_AGO);
        PngFiles.save(grid(0.55), png);
        assertThat(Files.getLastModifiedTime(png)).isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(png)).isEqualTo(bytes);
        PngFiles.save(grid(0.56), png);
        assertThat(Files.getLastModifiedTime(png)).isNotEqualTo(LONG_AGO);
        assertThat(PngFiles.shows(png, grid(0.56).fingerprint())).isTrue();
    }

    private static ChartGrid grid(double v) {
        return new ChartGrid(2, 260, 200).title("t").sharedAxes().sharedLegend()
                .add(chart("1", 0.5)).add(chart("2", 0.5)).add(chart("3", v));
    }

    // ------------------------------------------------------------------ files that no longer show their figure

    @Test
    void aPngCutShortAfterItsFingerprintIsDrawnAgain() throws IOException {
        byte[] whole = savedOnce();
        assertRedrawn(Arrays.copyOf(whole, whole.length / 2));
        assertRedrawn(Arrays.copyOf(whole, whole.length - 12));                       // IEND missing
        assertRedrawn(Arrays.copyOf(whole, whole.length - 1));                        // only IEND's CRC cut
        assertRedrawn(Arrays.copyOf(whole, whole.length + 3));                        // bytes after IEND
    }

    @Test
    void aPngWithEditedPixelsOrAForgedFingerprintIsDrawnAgain() throws IOException {
        List<byte[][]> chunks = chunks(savedOnce());
        byte[][] seal = chunks.get(1);
        assertThat(new String(seal[0], StandardCharsets.ISO_8859_1)).isEqualTo("tEXt");

        BufferedImage edited = ImageIO.read(dir.resolve("f.png").toFile());
        edited.setRGB(5, 5, 0x123456);
        List<byte[][]> reencoded = chunks(plainPng(edited));
        reencoded.add(1, seal);                                                     // the original fingerprint chunk
        assertRedrawn(png(reencoded));

        List<byte[][]> copy = chunks(savedOnce());
        copy.get(copy.size() - 2)[1][10] ^= 1;                                      // one bit of image data, CRC fixed
        assertRedrawn(png(copy));

        List<byte[][]> twice = chunks(savedOnce());
        twice.add(1, twice.get(1));                                                 // a second fingerprint chunk
        assertRedrawn(png(twice));

        List<byte[][]> beforeHeader = chunks(savedOnce());
        Collections.swap(beforeHeader, 0, 1);                                       // the fingerprint before IHDR
        assertRedrawn(png(beforeHeader));

        byte[] badCrc = savedOnce();
        badCrc[badCrc.length - 13] ^= 1;                                            // the CRC of the last IDAT
        assertRedrawn(badCrc);
    }

    /** Saves the test figure into f.png and returns its bytes. */
    private byte[] savedOnce() throws IOException {
        Files.deleteIfExists(dir.resolve("f.png"));
        return Files.readAllBytes(PngFiles.save(chart("cut", 0.5).size(200, 150), dir.resolve("f.png")));
    }

    private void assertRedrawn(byte[] broken) throws IOException {
        Path png = Files.write(dir.resolve("f.png"), broken);
        Files.setLastModifiedTime(png, LONG_AGO);
        Figure figure = chart("cut", 0.5).size(200, 150);
        assertThat(PngFiles.shows(png, figure.fingerprint())).as("a damaged file shows no fingerprint").isFalse();
        PngFiles.save(figure, png);
        assertThat(Files.getLastModifiedTime(png)).as("redrawn").isNotEqualTo(LONG_AGO);
        assertThat(PngFiles.shows(png, figure.fingerprint())).isTrue();
    }

    /** The chunks of a PNG as {type, data}. */
    private static List<byte[][]> chunks(byte[] png) {
        List<byte[][]> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() >= 12) {
            byte[] type = new byte[4], data = new byte[in.getInt()];
            in.get(type).get(data).getInt();
            chunks.add(new byte[][] {type, data});
        }
        return chunks;
    }

    /** A PNG of these chunks, every CRC right. */
    private static byte[] png(List<byte[][]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        for (byte[][] c : chunks) {
            CRC32 crc = new CRC32();
            crc.update(c[0]);
            crc.update(c[1]);
            out.writeBytes(ByteBuffer.allocate(12 + c[1].length).putInt(c[1].length).put(c[0]).put(c[1])
                    .putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    private static byte[] plainPng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ writing

    @Test
    void aPngGetsThePermissionsOfAPlainlyCreatedFile() throws IOException {
        Path png = PngFiles.save(chart("p", 0.5).size(200, 150), dir.resolve("p.png"));
        Path plain = Files.createFile(dir.resolve("plain"));          // what the umask gives (0644 under 022)
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFullDiskNamesTheFigureAndTheCauseAndLeavesTheOldFigureAndNoTemporaryFile() throws IOException {
        Path png = Files.writeString(dir.resolve("full.png"), "the figure of an earlier run");
        PngFiles.Opener fullDisk = file -> new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> PngFiles.write(png, new byte[100], fullDisk)).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""))
                .isEqualTo("could not write figure " + png + ": No space left on device");
        assertThat(dir.toFile().list()).containsExactly("full.png");
        assertThat(Files.readString(png)).isEqualTo("the figure of an earlier run");
    }

    @Test
    void aWriteErrorNamesTheFigureAndTheCauseInTheFirstLine() throws IOException {
        Path file = Files.writeString(dir.resolve("blocker"), "x");
        Path target = file.resolve("f.png");
        assertThatThrownBy(() -> PngFiles.save(chart("w", 0.5), target)).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""), STRING)
                .startsWith("could not write figure " + target + ": ");
        assertThat(dir.toFile().list()).containsExactly("blocker");
    }

    @Test
    void anImageIsWrittenOnceAndLeftAloneWhileItsPixelsAreTheSame() throws IOException {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        Path png = PngFiles.save(Figure.of(image), dir.resolve("img.png"));
        Files.setLastModifiedTime(png, LONG_AGO);
        PngFiles.save(Figure.of(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB)), png);
        assertThat(Files.getLastModifiedTime(png)).isEqualTo(LONG_AGO);
        image.setRGB(3, 4, 0xffffff);
        PngFiles.save(Figure.of(image), png);
        assertThat(Files.getLastModifiedTime(png)).isNotEqualTo(LONG_AGO);
        assertThat(ImageIO.read(png.toFile()).getRGB(3, 4) & 0xffffff).isEqualTo(0xffffff);
    }

    // ------------------------------------------------------------------ the figures folder

    @Test
    void figuresGoToThePropertyTakenFromTheWorkingDirectoryOrElseTheProjectsFiguresFolder() {
        String old = System.getProperty("dlfs.figures");
        try {
            System.clearProperty("dlfs.figures");
            assertThat(PngFiles.figuresDir()).isEqualTo(ProjectDir.root().resolve("figures")).isAbsolute();
            System.setProperty("dlfs.figures", "some/where");
            assertThat(PngFiles.figuresDir()).isEqualTo(Path.of(System.getProperty("user.dir"), "some", "where"));
            System.setProperty("dlfs.figures", "");
            assertThatThrownBy(PngFiles::figuresDir).isInstanceOf(UserError.class).hasMessage("-Ddlfs.figures is"
                    + " empty: give a folder (-Ddlfs.figures=DIR) or leave the setting out to write into the project's"
                    + " figures/");
        } finally {
            SystemProperties.restore("dlfs.figures", old);
        }
    }

    @Test
    void requireWritableCreatesTheFolderAndLeavesNothingInIt() throws IOException {
        Path figures = dir.resolve("new/figures");
        assertThat(PngFiles.requireWritable(figures)).isEqualTo(figures);
        assertThat(figures).isDirectory().isEmptyDirectory();
    }

    @Test
    void requireWritableRemovesWhatAnInterruptedWriteLeftAndSaysSoInOneLine() throws IOException {
        for (String name : new String[] {"f.png", "f.png.1x2y3z.tmp", "g-seed7.png.abc.tmp", "write-check.9k.tmp",
                "notes.tmp", "f.png.tmp"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        String out = Console.run(() -> PngFiles.requireWritable(dir), dir);
        assertThat(out).isEqualTo("figures: removed f.png.1x2y3z.tmp, g-seed7.png.abc.tmp, write-check.9k.tmp in "
                + dir + ", left by an interrupted figure write\n");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("f.png", "notes.tmp", "f.png.tmp");
        assertThat(Console.run(() -> PngFiles.requireWritable(dir), dir)).as("nothing left to say").isEmpty();
    }

    @Test
    void anUnwritableFolderIsReportedWithTheFolderAndTheCauseInTheFirstLine() throws IOException {
        Path file = Files.writeString(dir.resolve("figures"), "not a folder");
        assertThatThrownBy(() -> PngFiles.requireWritable(file)).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""))
                .isEqualTo("figures folder " + file + " cannot be written: a file that is not a folder is in the way");
        assertThatThrownBy(() -> PngFiles.requireWritable(file.resolve("sub"))).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""), STRING)
                .startsWith("figures folder " + file.resolve("sub") + " cannot be written: ").contains(file.toString());
    }
}
