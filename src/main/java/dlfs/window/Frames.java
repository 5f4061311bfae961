package dlfs.window;

import dlfs.plot.PngFiles;
import dlfs.util.UserError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;

/**
 * {@code -Ddlfs.frames=DIR}: every picture a live window or an explorer draws is also written to DIR as
 * {@code frame-00001.png}, {@code frame-00002.png}, … (through a temporary file, as figures are), with a display
 * or without, for tests, the README's pictures and animated GIFs. The first frame of a run removes the frames an
 * earlier run left in DIR, so DIR holds one run's frames in order.
 */
public final class Frames {
    private static final String PROPERTY = "dlfs.frames";
    private static Path dir;          // the folder in use, once the first frame is written
    private static int count;

    private Frames() {
    }

    /** Whether -Ddlfs.frames asks for frames. */
    public static boolean wanted() {
        return System.getProperty(PROPERTY) != null;
    }

    /** The folder -Ddlfs.frames names, absolute; a UserError if it is empty or not a usable name. */
    public static Path dir() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            throw new UserError("-Ddlfs.frames is empty: give a folder for the frames (-Ddlfs.frames=DIR)");
        }
        try {
            return Paths.get(name).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UserError("-Ddlfs.frames=" + name + " is not a file name this JVM can use: " + e.getReason(), e);
        }
    }

    /** Makes sure the frames folder can be written before anything is drawn: creates it, writes a file in it. */
    public static void requireWritable() {
        Path folder = dir();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, "write-check", ".tmp"));
        } catch (IOException e) {
            throw new UserError("frames folder " + folder + " cannot be written: " + PngFiles.cause(e, folder)
                    + "\n(choose another folder with -Ddlfs.frames=DIR)", e);
        }
    }

    /** Writes {@code image} as the next frame; returns its path. */
    public static synchronized Path write(BufferedImage image) {
        if (dir == null || !dir.equals(dir())) {
            dir = dir();
            count = 0;
            removeOldFrames();
        }
        count++;
        Path png = dir.resolve(String.format("frame-%05d.png", count));
        return PngFiles.write(png, encode(image));
    }

    /** Starts a new run: its first frame removes the frames in DIR again (for tests, which run many in one JVM). */
    static synchronized void newRun() {
        dir = null;
    }

    /** How many frames this run has written. */
    public static synchronized int count() {
        return count;
    }

    private static void removeOldFrames() {
        int removed = 0;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "frame-[0-9][0-9][0-9][0-9][0-9].png")) {
                for (Path file : old) {
                    Files.delete(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UserError("frames folder " + dir + " cannot be written: " + PngFiles.cause(e, dir), e);
        }
        if (removed > 0) {
            System.err.println("frames: removed " + removed + " frames of an earlier run from " + dir);
        }
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.setUseCache(false);                 // no cache file in java.io.tmpdir
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException("the JDK's PNG writer failed on a " + image.getWidth() + "x"
                    + image.getHeight() + " frame", e);
        }
        return png.toByteArray();
    }
}
