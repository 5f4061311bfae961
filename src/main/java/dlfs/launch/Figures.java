package dlfs.launch;

import dlfs.plot.Figure;
import dlfs.plot.PngFiles;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

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

    /** A chart ({@code chart.size(800, 560)}), a grid of panels (the book's {@code plt.subplot}), or a drawing. */
    public static Path save(Options options, String name, Figure figure) {
        Path png = PngFiles.save(figure, options.figureName(name));
        System.out.println("figure: " + png);
        if (options.flag("show")) {
            show(name, figure);
        }
        return png;
    }

    /** An image drawn pixel by pixel (the book's {@code plt.imshow}). */
    public static Path save(Options options, String name, BufferedImage image) {
        return save(options, name, Figure.of(image));
    }

    /** Opens the figure in a window, or says why not in a headless run. */
    private static void show(String title, Figure figure) {
        if (GraphicsEnvironment.isHeadless()) {
            System.out.println("--show: no display here (headless), so the figure is only saved");
            return;
        }
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title);
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.setContentPane(figure.component());
            frame.pack();
            frame.setVisible(true);
        });
    }
}
