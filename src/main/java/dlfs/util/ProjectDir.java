package dlfs.util;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The project's root folder, the one holding {@code pom.xml}, {@code mnist/} and {@code figures/}, found from
 * where this class was loaded ({@code target/classes} under the root), so an IDE run whose working directory
 * is elsewhere still reads the project's MNIST and writes the project's figures. Falls back to the working
 * directory when the classes do not sit inside the project (e.g. copied into a jar elsewhere).
 */
public final class ProjectDir {
    private static Path root;

    private ProjectDir() {
    }

    /** The project root, as an absolute path. */
    public static synchronized Path root() {
        if (root == null) {
            Path found = findFrom(classLocation());
            root = found != null ? found : Paths.get("").toAbsolutePath();
        }
        return root;
    }

    /** A path under the project root, e.g. {@code resolve("mnist")}. */
    public static Path resolve(String name) {
        return root().resolve(name);
    }

    /** The nearest folder at or above {@code start} that holds this project's pom.xml, or null. */
    static Path findFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isThisProject(pom)) {
                return dir;
            }
        }
        return null;
    }

    private static boolean isThisProject(Path pom) {
        try {
            return Files.readString(pom).contains("<artifactId>dlfs-java</artifactId>");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path classLocation() {
        try {
            java.security.CodeSource source = ProjectDir.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Paths.get(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
