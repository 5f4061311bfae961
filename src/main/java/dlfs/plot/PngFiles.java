package dlfs.plot;

import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

/**
 * Writes charts as PNG into the project's {@code figures/} (the book's {@code plt.savefig}) and, on request,
 * shows them in a window (the book's {@code plt.show()}).
 *
 * <ul>
 * <li>Where: {@code -Ddlfs.figures=DIR} if given, else {@code figures/} in the project folder (found from where
 *     the classes were loaded), whatever the working directory. Paths returned are absolute.</li>
 * <li>Unchanged figures stay put: each PNG carries a fingerprint of what the chart shows ({@link ChartFingerprint},
 *     in a tEXt chunk "dlfs-fingerprint"); a figure whose fingerprint equals the new chart's is left as it is
 *     (bytes and modification time), so a run on another JDK, whose text rendering differs by a few pixels, does
 *     not rewrite committed figures. New data or options change the fingerprint, and the figure is rewritten.</li>
 * <li>Nothing half-written: a PNG is written to a temporary name beside the target, then moved into place. The
 *     temporary file is created plainly, so the PNG gets the usual permissions (0644 under umask 022).</li>
 * <li>Errors the user can fix ({@link UserError}) name the file and the cause in their first line.</li>
 * </ul>
 */
public final class PngFiles {
    private PngFiles() {
    }

    /** Where figures go: {@code -Ddlfs.figures=DIR} if set, else the project's {@code figures/}; absolute. */
    public static Path figuresDir() {
        String dir = System.getProperty("dlfs.figures");
        return dir != null ? Paths.get(dir).toAbsolutePath() : ProjectDir.resolve("figures");
    }

    /**
     * Makes sure figures can be written before any training starts: creates the figures folder if needed and
     * writes (then deletes) a small file in it. Returns the folder.
     *
     * @throws UserError "figures folder DIR cannot be written: CAUSE", with a hint on -Ddlfs.figures
     */
    public static Path requireWritable() {
        return requireWritable(figuresDir());
    }

    static Path requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = createTemp(dir.resolve("write-check"));
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new UserError("figures folder " + dir + " cannot be written: " + cause(e, dir)
                    + "\n(choose another folder with -Ddlfs.figures=DIR)", e);
        }
    }

    /** Saves {@code chart} as {@code <figures>/<name>.png} at width×height pixels; returns the absolute path. */
    public static Path save(JFreeChart chart, String name, int width, int height) {
        return save(chart, figuresDir().resolve(name + ".png"), width, height);
    }

    /** Saves {@code chart} as a PNG at {@code target} unless it already shows the same; returns the absolute path. */
    public static Path save(JFreeChart chart, Path target, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("PngFiles.save: " + width + "x" + height + " pixels (both must be >= 1)");
        }
        return save(target, ChartFingerprint.of(chart, width, height),
                () -> chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null));
    }

    /** Saves an image already drawn as {@code <figures>/<name>.png} unless its pixels are unchanged; returns the path. */
    public static Path save(BufferedImage image, String name) {
        return save(figuresDir().resolve(name + ".png"), ChartFingerprint.of(image), () -> image);
    }

    /**
     * Writes the image {@code render} draws to {@code target}, with {@code fingerprint} in its metadata, unless
     * {@code target} already carries that fingerprint; then it is not touched and {@code render} is not called.
     */
    static Path save(Path target, String fingerprint, Supplier<BufferedImage> render) {
        Path png = target.toAbsolutePath();
        if (fingerprint.equals(PngText.read(png, ChartFingerprint.KEYWORD))) {
            return png;
        }
        BufferedImage image = render.get();
        try {
            Files.createDirectories(png.getParent());
            Path tmp = createTemp(png);
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    PngText.write(image, ChartFingerprint.KEYWORD, fingerprint, out);
                }
                moveIntoPlace(tmp, png);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return png;
        } catch (IOException e) {
            throw new UserError("could not write figure " + png + ": " + cause(e, png), e);
        }
    }

    /** The fingerprint stored in a PNG, or null if it has none (or cannot be read). */
    static String fingerprint(Path png) {
        return PngText.read(png, ChartFingerprint.KEYWORD);
    }

    /**
     * A new empty file {@code <target>.<random>.tmp} beside target, created plainly (not with
     * Files.createTempFile, which makes it 0600 whatever the umask), so the umask decides its permissions.
     */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = target.resolveSibling(target.getFileName() + "." + suffix + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
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
     * What went wrong, in words, for the first line of a message (the JDK's messages often give only a path),
     * with the file it happened to unless that is {@code subject}, which the message names already.
     */
    static String cause(IOException e, Path subject) {
        String file = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
        String at = file == null || file.equals(subject.toString()) ? "" : " (" + file + ")";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + at;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that is not a folder is in the way" + at;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + at;
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT) + at;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
