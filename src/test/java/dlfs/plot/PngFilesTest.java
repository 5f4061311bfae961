package dlfs.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dlfs.testing.SystemProperties;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where figures go, when they are (not) rewritten, and what a failure to write them says. */
class PngFilesTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);   // 2001

    @TempDir
    Path dir;

    /** A chart like the overfitting figures, built afresh each time from the same numbers. */
    private static JFreeChart chart(String title, double lastTest) {
        double[] train = {0.1, 0.3, 0.5, 0.7, 0.9};
        double[] test = {0.1, 0.25, 0.4, 0.5, lastTest};
        return new LineChart("epochs", "accuracy").title(title).yRange(0, 1).add("train", train).add("test", test).chart();
    }

    @Test
    void aFigureWhoseChartIsUnchangedIsLeftAlone() throws IOException {
        Path png = PngFiles.save(chart("dropout", 0.55), dir.resolve("f.png"), 640, 480);
        byte[] bytes = Files.readAllBytes(png);
        Files.setLastModifiedTime(png, LONG_AGO);

        Path again = PngFiles.save(chart("dropout", 0.55), dir.resolve("f.png"), 640, 480);   // built anew
        assertThat(again).isEqualTo(png);
        assertThat(Files.getLastModifiedTime(png)).as("modification time").isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(png)).as("bytes").isEqualTo(bytes);
    }

    @Test
    void aFigureIsRewrittenWhenOneValueOrTheTitleOrTheSizeChanges() throws IOException {
        assertRewritten(0.55, "dropout", 640, 0.56, "dropout", 640);            // one data value
        assertRewritten(0.55, "dropout", 640, 0.55, "dropout 0.2", 640);        // the title
        assertRewritten(0.55, "dropout", 640, 0.55, "dropout", 641);            // the image size
    }

    private void assertRewritten(double v1, String t1, int w1, double v2, String t2, int w2) throws IOException {
        Path png = PngFiles.save(chart(t1, v1), dir.resolve("r.png"), w1, 480);
        Files.setLastModifiedTime(png, LONG_AGO);
        PngFiles.save(chart(t2, v2), png, w2, 480);
        assertThat(Files.getLastModifiedTime(png)).as("rewritten: " + t2 + " " + v2 + " " + w2).isNotEqualTo(LONG_AGO);
        assertThat(PngFiles.fingerprint(png)).isEqualTo(ChartFingerprint.of(chart(t2, v2), w2, 480));
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(w2);
    }

    @Test
    void theFingerprintIsTheSameForTwoChartsBuiltAlikeAndDiffersForEveryOption() {
        assertThat(ChartFingerprint.of(chart("a", 0.5), 640, 480)).isEqualTo(ChartFingerprint.of(chart("a", 0.5), 640, 480))
                .startsWith("sha256:");
        Function<LineChart, String> fp = c -> ChartFingerprint.of(c.add("s", new double[] {1, 2, 3}).chart(), 400, 300);
        String plain = fp.apply(new LineChart("x", "y"));
        assertThat(fp.apply(new LineChart("x", "y"))).isEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y ")))
                .as("y label").isNotEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y").yRange(0, 5))).as("y range").isNotEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y").yTickUnit(0.5))).as("tick unit").isNotEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y").markEvery(2))).as("markers").isNotEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y").linesOnly())).as("lines only").isNotEqualTo(plain);
        assertThat(fp.apply(new LineChart("x", "y").logY())).as("log axis").isNotEqualTo(plain);
        assertThat(ChartFingerprint.of(new LineChart("x", "y").addDashed("s", new double[] {1, 2, 3}).chart(), 400, 300))
                .as("dashed").isNotEqualTo(plain);
        JFreeChart noLegend = new LineChart("x", "y").add("s", new double[] {1, 2, 3}).chart();
        noLegend.removeLegend();
        assertThat(ChartFingerprint.of(noLegend, 400, 300)).as("legend").isNotEqualTo(plain);
    }

    @Test
    void theDescriptionHoldsValuesAsExactBitsAndNotWhatDrawingMeasured() throws IOException {
        JFreeChart chart = chart("a", 0.1 + 0.2);
        String before = ChartFingerprint.describe(chart, 640, 480);
        assertThat(before).contains(Long.toHexString(Double.doubleToLongBits(0.1 + 0.2)))
                .contains("'test'").contains("text 'a'").contains("style=" + Style.VERSION);
        PngFiles.save(chart, dir.resolve("d.png"), 640, 480);         // drawing picks tick units from label sizes
        assertThat(ChartFingerprint.describe(chart, 640, 480)).isEqualTo(before);
    }

    @Test
    void aGridWhosePanelsAreUnchangedIsLeftAloneAndRewrittenWhenOnePanelChanges() throws IOException {
        Path png = grid(0.55).save(dir.resolve("grid.png"));
        byte[] bytes = Files.readAllBytes(png);
        Files.setLastModifiedTime(png, LONG_AGO);
        grid(0.55).save(png);
        assertThat(Files.getLastModifiedTime(png)).isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(png)).isEqualTo(bytes);
        grid(0.56).save(png);
        assertThat(Files.getLastModifiedTime(png)).isNotEqualTo(LONG_AGO);
        assertThat(PngFiles.fingerprint(png)).isEqualTo(grid(0.56).fingerprint());
    }

    private static ChartGrid grid(double v) {
        return new ChartGrid(2, 260, 200).title("t").sharedAxes().sharedLegend()
                .add(chart("1", 0.5)).add(chart("2", 0.5)).add(chart("3", v));
    }

    @Test
    void aPngGetsThePermissionsOfAPlainlyCreatedFile() throws IOException {
        Path png = PngFiles.save(chart("p", 0.5), dir.resolve("p.png"), 200, 150);
        Path plain = Files.createFile(dir.resolve("plain"));          // what the umask gives (0644 under 022)
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void figuresGoToThePropertyOrElseTheProjectsFiguresFolder() {
        String old = System.getProperty("dlfs.figures");
        try {
            System.clearProperty("dlfs.figures");
            assertThat(PngFiles.figuresDir()).isEqualTo(ProjectDir.root().resolve("figures")).isAbsolute();
            System.setProperty("dlfs.figures", "some/where");
            assertThat(PngFiles.figuresDir()).isAbsolute().endsWithRaw(Path.of("some", "where"));
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
    void anUnwritableFolderIsReportedWithTheFolderAndTheCauseInTheFirstLine() throws IOException {
        Path file = Files.writeString(dir.resolve("figures"), "not a folder");
        assertThatThrownBy(() -> PngFiles.requireWritable(file)).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""))
                .isEqualTo("figures folder " + file + " cannot be written: a file that is not a folder is in the way");
        assertThatThrownBy(() -> PngFiles.requireWritable(file.resolve("sub"))).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""), STRING)
                .startsWith("figures folder " + file.resolve("sub") + " cannot be written: ").contains(file.toString());
    }

    @Test
    void aWriteErrorNamesTheFigureAndTheCauseInTheFirstLine() throws IOException {
        Path file = Files.writeString(dir.resolve("blocker"), "x");
        Path target = file.resolve("f.png");
        assertThatThrownBy(() -> PngFiles.save(chart("w", 0.5), target, 200, 150)).isInstanceOf(UserError.class)
                .extracting(e -> e.getMessage().lines().findFirst().orElse(""), STRING)
                .startsWith("could not write figure " + target + ": ");
        assertThat(dir.toFile().list()).containsExactly("blocker");
    }

    @Test
    void anImageIsWrittenOnceAndLeftAloneWhileItsPixelsAreTheSame() throws IOException {
        String old = System.getProperty("dlfs.figures");
        System.setProperty("dlfs.figures", dir.toString());
        try {
            BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
            Path png = PngFiles.save(image, "img");
            Files.setLastModifiedTime(png, LONG_AGO);
            PngFiles.save(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "img");
            assertThat(Files.getLastModifiedTime(png)).isEqualTo(LONG_AGO);
            image.setRGB(3, 4, 0xffffff);
            PngFiles.save(image, "img");
            assertThat(Files.getLastModifiedTime(png)).isNotEqualTo(LONG_AGO);
        } finally {
            SystemProperties.restore("dlfs.figures", old);
        }
    }
}
