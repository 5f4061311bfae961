package dlfs.testing;

import dlfs.launch.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Runs a main with -Ddlfs.frames=DIR (its live windows drawn into frames, headless) and reads the frames back. */
public final class LiveFrames {
    private LiveFrames() {
    }

    /** What {@code script} prints when run with {@code args} and -Ddlfs.frames={@code frames}, figures to a temp folder. */
    public static String run(Script script, Path figures, Path frames, String... args) {
        String old = System.getProperty("dlfs.frames");
        try {
            System.setProperty("dlfs.frames", frames.toString());
            return Console.run(script, figures, args);
        } finally {
            SystemProperties.restore("dlfs.frames", old);
        }
    }

    /** The SHA-256 of each different frame-NNNNN.png in {@code frames}. */
    public static Set<String> distinct(Path frames) throws IOException, NoSuchAlgorithmException {
        List<Path> files;
        try (Stream<Path> list = Files.list(frames)) {
            files = list.filter(p -> p.getFileName().toString().matches("frame-\\d{5}\\.png")).toList();
        }
        Set<String> distinct = new HashSet<>();
        for (Path f : files) {
            distinct.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
        }
        return distinct;
    }
}
