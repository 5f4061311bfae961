package dlfs.window;

import dlfs.plot.LineChart;
import dlfs.plot.ChartGrid;
import dlfs.testing.PngBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.testing.SystemProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live chart headless: its frames, written as it grows, and what it refuses. */
class LiveChartTest {
    @TempDir
    Path dir;

    /** Feeds {@code seconds} of points to a chart whose frames go to dir, then finishes it; returns the frames. */
    private List<Path> framesOfAGrowingChart(double seconds) throws Exception {
        String old = System.getProperty("dlfs.frames");
        try {
            System.setProperty("dlfs.frames", dir.toString());
            LineChart chart = new LineChart("iterations", "loss").yRange(0, 2.5);
            chart.size(400, 300);
            LiveChart live = LiveChart.of("test", chart, false, true).xRange(0, 100);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            double[] loss = new double[100];
            for (int i = 0; i < 100; i++) {
                loss[i] = 2.3 * Math.exp(-i / 30.0);
                live.add("a", i, loss[i]);
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000 / (100 - i)));
            }
            live.finish(chart.add("a", loss), "done");
            return frames();
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
    }

    private List<Path> frames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("frame-\\d{5}\\.png")).sorted().toList();
        }
    }

    @Test
    void framesAreWrittenInOrderAndChangeAsTheChartGrows() throws Exception {
        List<Path> frames = framesOfAGrowingChart(3);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(3);
        assertThat(frames.get(0).getFileName()).hasToString("frame-00001.png");
        Set<String> distinct = new HashSet<>();
        for (Path f : frames) {
            distinct.add(PngBytes.sha256(f));
        }
        assertThat(distinct).as("different frames").hasSizeGreaterThanOrEqualTo(3);
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".tmp"))).as("no temporary file left").isEmpty();
    }

    @Test
    void theLastFrameIsTheFinishedFigure() throws Exception {
        List<Path> frames = framesOfAGrowingChart(0.5);
        double[] loss = new double[100];
        for (int i = 0; i < 100; i++) {
            loss[i] = 2.3 * Math.exp(-i / 30.0);
        }
        Path expected = dir.resolve("expected.png");
        Files.write(expected, PngBytes.of(new LineChart("iterations", "loss").yRange(0, 2.5).add("a", loss)
                .size(400, 300).image()));
        assertThat(PngBytes.pixels(frames.get(frames.size() - 1))).isEqualTo(PngBytes.pixels(expected));
    }

    @Test
    void aNewRunRemovesTheFramesOfTheLastOne() throws Exception {
        framesOfAGrowingChart(0.5);
        Files.write(dir.resolve("frame-00999.png"), new byte[] {1});
        Files.write(dir.resolve("notes.txt"), new byte[] {1});
        Frames.newRun();
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        List<Path> second;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));   // the test stays silent
            second = framesOfAGrowingChart(0.5);
        } finally {
            System.setErr(err);
        }
        assertThat(second).doesNotContain(dir.resolve("frame-00999.png"));
        assertThat(dir.resolve("notes.txt")).as("other files stay").exists();
        assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("frames: removed ")
                .contains(" frames of an earlier run from " + dir);
    }

    @Test
    void offIgnoresEveryCallAndAGridNeedsAPanelFirst() {
        LiveChart.OFF.add("a", 0, 1);
        LiveChart.OFF.panel(new LineChart("x", "y"));
        LiveChart.OFF.show(() -> {
            throw new AssertionError("an off chart builds no figure");
        });
        assertThat(LiveChart.OFF.isOn()).isFalse();
        String old = System.getProperty("dlfs.frames");
        try {
            System.setProperty("dlfs.frames", dir.toString());
            LiveChart grid = LiveChart.of("grid", new ChartGrid(2, 200, 150), false, true);
            assertThatThrownBy(() -> grid.add("a", 0, 1)).hasMessageContaining("start a panel");
            LiveChart single = LiveChart.of("single", new LineChart("x", "y"), false, true);
            assertThatThrownBy(() -> single.panel(new LineChart("x", "y"))).hasMessageContaining("single chart");
            grid.finish(null, "");
            single.finish(null, "");
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
    }
}
