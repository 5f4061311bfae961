package dlfs.plot;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts as PNG into {@code figures/} (the book's {@code plt.savefig}) and, on request, shows them in
 * a window (the book's {@code plt.show()}). A PNG is written to a temporary name beside the target and then
 * moved into place, so a crash never leaves a half-written figure.
 */
public final class PngFiles {
    /** Where figures go: {@code figures/} under the working directory, or {@code -Ddlfs.figures=DIR}. */
    public static Path figuresDir() {
        return Paths.get(System.getProperty("dlfs.figures", "figures"));
    }

    private PngFiles() {
    }

    /** Throws a UserError unless figures can be written into {@link #figuresDir()} (checked before training). */
    public static void requireWritable() {
        Path dir = figuresDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "write-check", ".tmp"));
        } catch (IOException e) {
            throw new dlfs.util.UserError("cannot write figures into " + dir + ": " + e, e);
        }
    }

    /** Saves {@code chart} as {@code figures/<name>.png} at width×height pixels and returns the path. */
    public static Path save(JFreeChart chart, String name, int width, int height) {
        return save(chart, figuresDir().resolve(name + ".png"), width, height);
    }

    /** Saves {@code chart} as a PNG at {@code target}, through a temporary file in the same folder. */
    public static Path save(JFreeChart chart, Path target, int width, int height) {
        return writeThroughTemp(target, tmp -> ChartUtils.saveChartAsPNG(tmp, chart, width, height));
    }

    /** Saves an image already drawn (e.g. a {@link ChartGrid}) as {@code figures/<name>.png}; returns the path. */
    public static Path save(BufferedImage image, String name) {
        return writeThroughTemp(figuresDir().resolve(name + ".png"), tmp -> {
            if (!ImageIO.write(image, "png", tmp)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private interface PngWriter {
        void write(File tmp) throws IOException;
    }

    /** Writes a temporary file beside {@code target}, then moves it into place; a failure leaves no file. */
    private static Path writeThroughTemp(Path target, PngWriter writer) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                writer.write(tmp.toFile());
                moveIntoPlace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write figure " + target.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Opens the chart in a window if {@code args} contains "--show" and a display is available; in a headless
     * run it prints why not. Returns whether a window was opened.
     */
    public static boolean showIfAsked(JFreeChart chart, String title, String[] args, int width, int height) {
        return showIfAsked(title, args, () -> {
            ChartPanel panel = new ChartPanel(chart);
            panel.setPreferredSize(new java.awt.Dimension(width, height));
            return panel;
        });
    }

    /**
     * Opens a window with the component {@code content} builds if {@code args} contains "--show" and a display
     * is available; in a headless run it prints why not. Returns whether a window was opened.
     */
    public static boolean showIfAsked(String title, String[] args, Supplier<JComponent> content) {
        if (!java.util.Arrays.asList(args).contains("--show")) {
            return false;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.out.println("--show: no display here (headless), so the figure is only saved");
            return false;
        }
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title);
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.setContentPane(content.get());
            frame.pack();
            frame.setVisible(true);
        });
        return true;
    }
}
