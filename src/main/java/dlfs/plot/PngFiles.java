package dlfs.plot;

import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes figures as PNG (the book's {@code plt.savefig}). A PNG that shows the figure's fingerprint ({@link Png})
 * is left as it is (bytes and modification time). Nothing is half-written: a PNG goes to
 * {@code NAME.png.RANDOM.tmp} beside the target, then is moved into place; such files left by a killed run are
 * removed by the next run's {@link #requireWritable()}. Errors the user can fix ({@link UserError}) name the file
 * or setting and the cause in their first line.
 */
public final class PngFiles {
    private static final Pattern LEFTOVER = Pattern.compile("(.+\\.png|write-check)\\.[0-9a-z]+\\.tmp");

    /** Opens the temporary file for writing; tests substitute a full disk. */
    interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    private PngFiles() {
    }

    /**
     * Where figures go, absolute: {@code -Ddlfs.figures=DIR} if set (a relative DIR is taken from the working
     * directory, as any command-line tool takes it), else the project's {@code figures/}, whatever the working
     * directory (found from where the classes were loaded).
     */
    public static Path figuresDir() {
        String dir = System.getProperty("dlfs.figures");
        if (dir == null) {
            return ProjectDir.resolve("figures");
        }
        if (dir.isBlank()) {
            throw new UserError("-Ddlfs.figures is empty: give a folder (-Ddlfs.figures=DIR) or leave the setting out"
                    + " to write into the project's figures/");
        }
        try {
            return Paths.get(dir).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UserError("-Ddlfs.figures=" + dir + " is not a file name this JVM can use (it encodes file"
                    + " names as " + System.getProperty("sun.jnu.encoding") + "): run under a UTF-8 locale (e.g."
                    + " LANG=C.UTF-8) or choose a folder with an ASCII name", e);
        }
    }

    /**
     * Makes sure figures can be written before any training starts: creates the figures folder if needed, removes
     * the temporary files of an interrupted figure write (saying so), and writes (then deletes) a small file in it.
     */
    public static Path requireWritable() {
        return requireWritable(figuresDir());
    }

    static Path requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> removed = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path file : files) {
                    if (LEFTOVER.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                        Files.delete(file);
                        removed.add(file.getFileName().toString());
                    }
                }
            }
            if (!removed.isEmpty()) {
                removed.sort(null);
                System.out.println("figures: removed " + String.join(", ", removed) + " in " + dir
                        + ", left by an interrupted figure write");
            }
            Files.delete(createTemp(dir.resolve("write-check")));
            return dir;
        } catch (IOException e) {
            throw new UserError("figures folder " + dir + " cannot be written: " + cause(e, dir)
                    + "\n(choose another folder with -Ddlfs.figures=DIR)", e);
        }
    }

    /** Saves {@code figure} as {@code <figures>/<name>.png}; returns the absolute path. */
    public static Path save(Figure figure, String name) {
        return save(figure, figuresDir().resolve(name + ".png"));
    }

    /** Writes {@code figure} to {@code target} unless that file already shows its fingerprint; returns the path. */
    static Path save(Figure figure, Path target) {
        Path png = target.toAbsolutePath();
        String fingerprint = figure.fingerprint();
        if (shows(png, fingerprint)) {
            return png;
        }
        try {
            return write(png, Png.encode(figure.image(), fingerprint));
        } catch (IOException e) {                          // Png.encode: the JDK's PNG writer failed
            throw new UserError("could not write figure " + png + ": " + cause(e, png), e);
        }
    }

    /** Whether {@code png} is a complete, valid PNG showing {@code fingerprint}, neither cut short nor edited. */
    static boolean shows(Path png, String fingerprint) {
        try {
            return Files.isRegularFile(png) && Png.shows(Files.readAllBytes(png), fingerprint);
        } catch (IOException e) {
            return false;                                  // unreadable: drawn again, which says what is wrong
        }
    }

    /** Writes {@code bytes} to a temporary file beside {@code png}, then moves it into place; returns png. */
    public static Path write(Path png, byte[] bytes) {
        return write(png, bytes, Files::newOutputStream);
    }

    /** Writes {@code bytes} to a temporary file beside {@code png} through {@code open}, then moves it into place. */
    static Path write(Path png, byte[] bytes, Opener open) {
        try {
            Files.createDirectories(png.getParent());
            Path tmp = createTemp(png);
            try {
                try (OutputStream out = open.open(tmp)) {
                    out.write(bytes);
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

    /**
     * A new empty file {@code <target>.<random>.tmp} beside target, created plainly (not with
     * Files.createTempFile, which makes it 0600 whatever the umask), so the umask decides its permissions.
     */
    private static Path createTemp(Path target) throws IOException {
        String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);   // 64 random bits
        Path tmp = target.resolveSibling(target.getFileName() + "." + suffix + ".tmp");
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
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
    public static String cause(IOException e, Path subject) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
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
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT) + at;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
