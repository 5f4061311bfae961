package dlfs.launch;

import dlfs.plot.ChartGrid;
import dlfs.plot.PngFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import org.jfree.chart.JFreeChart;

/**
 * The book's {@code plt.savefig} and {@code plt.show()} for every script: writes figures/NAME.png (NAME carrying
 * any option that differs from its default), prints its absolute path, and with --show also opens it in a window.
 */
public final class Figures {
    private Figures() {
    }

    /** Makes sure the figures folder can be written before any training starts. */
    static void requireWritable() {
        PngFiles.requireWritable();
    }

    /** A chart drawn at width×height pixels. */
    public static Path save(Options options, String name, JFreeChart chart, int width, int height) {
        Path png = PngFiles.save(chart, options.figureName(name), width, height);
        System.out.println("figure: " + png.toAbsolutePath());
        PngFiles.showIfAsked(chart, name, showArgs(options), width, height);
        return png;
    }

    /** A grid of panels (the book's {@code plt.subplot}). */
    public static Path save(Options options, String name, ChartGrid grid) {
        Path png = grid.save(options.figureName(name));
        System.out.println("figure: " + png.toAbsolutePath());
        grid.showIfAsked(name, showArgs(options));
        return png;
    }

    /** An image drawn pixel by pixel (the book's {@code plt.imshow}). */
    public static Path save(Options options, String name, BufferedImage image) {
        Path png = PngFiles.save(image, options.figureName(name));
        System.out.println("figure: " + png.toAbsolutePath());
        PngFiles.showIfAsked(name, showArgs(options), () -> new JLabel(new ImageIcon(image)));
        return png;
    }

    private static String[] showArgs(Options options) {
        return options.flag("show") ? new String[] {"--show"} : new String[0];
    }
}
