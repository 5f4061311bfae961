package dlfs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with the tests' classpath, as a user's {@code java} or IDE run would: its own
 * working directory, system properties and exit status, stdout and stderr captured.
 */
public final class ChildJvm {
    /** What the child printed and how it ended. */
    public record Result(int exitCode, String out, String err, double seconds) {
    }

    private ChildJvm() {
    }

    /** Runs {@code mainClass args} in {@code workDir} with the given -D properties ("name=value"); at most 120 s. */
    public static Result run(Path workDir, List<String> properties, String mainClass, String... args) {
        return run(workDir, Map.of(), properties, mainClass, args);
    }

    /** As {@link #run(Path, List, String, String...)}, with {@code environment} added to this JVM's (e.g. LANG=C). */
    public static Result run(Path workDir, Map<String, String> environment, List<String> properties, String mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Djava.awt.headless=true");
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("child-out", ".txt"), err = Files.createTempFile("child-err", ".txt");
            try {
                long start = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process p = builder.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(mainClass + " did not end within 120 s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not start " + mainClass + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
