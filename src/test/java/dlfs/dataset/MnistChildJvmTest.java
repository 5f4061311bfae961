package dlfs.dataset;

import static dlfs.dataset.IdxFiles.ORIGINALS;
import static dlfs.dataset.IdxFiles.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dlfs.util.ProjectDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LoadMnistMain} in a child JVM with the test classpath (surefire passes it in
 * {@code surefire.test.class.path}; an IDE in {@code java.class.path}): from another working directory, and
 * killed in the middle of a download from a local server that sends one byte and then nothing.
 */
class MnistChildJvmTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService handlers;
    private String stalled;   // a mirror URL whose files never finish

    @BeforeEach
    void startServer() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream body = exchange.getResponseBody();
            body.write(0x1f);
            body.flush();
            try {
                Thread.sleep(60_000);   // until the test stops the server
            } catch (InterruptedException e) {
                exchange.close();
            }
        });
        server.setExecutor(handlers);
        server.start();
        stalled = "http://127.0.0.1:" + server.getAddress().getPort() + "/stalled/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private Process start(Path workingDir, String... properties) throws IOException {
        return start(workingDir, Map.of(), properties);
    }

    private Process start(Path workingDir, Map<String, String> environment, String... properties) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath));
        command.addAll(List.of(properties));
        command.add(LoadMnistMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-output.txt").toFile());   // a file: destroy() closes the pipes
        builder.environment().remove("DLFS_MNIST_DIR");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private String finish(Process child) throws Exception {
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return Files.readString(tmp.resolve("child-output.txt"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void fromAnotherWorkingDirectoryTheProjectsMnistIsFoundAndNoFolderIsLeft() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));

        Process child = start(elsewhere, "-Ddlfs.mnist.mirrors=http://127.0.0.1:" + closedPort() + "/");   // never the network
        String output = finish(child);

        assertThat(output).isEqualTo("loaded " + ProjectDir.root().resolve("mnist") + ": Mnist train=MnistSet 60000"
                + " images of 28x28, test=MnistSet 10000 images of 28x28" + System.lineSeparator());
        assertThat(child.exitValue()).isZero();
        assertThat(filesIn(elsewhere)).isEmpty();   // no mnist/ made in the working directory
    }

    /**
     * Under LANG=C the JVM encodes file names in ASCII, so a folder name with ï cannot become a path: one line
     * naming the setting, exit status 2, no stack trace. The name goes in an argument file, as the UTF-8 bytes a
     * shell would pass, whatever the encoding of the JVM running this test.
     */
    @Test
    void aNonAsciiMnistDirUnderLangCIsOneLineAndExitStatus2() throws Exception {
        Path arguments = tmp.resolve("arguments.txt");
        Files.write(arguments, ("-Ddlfs.mnist.dir=" + tmp.resolve("mnïst")).getBytes(StandardCharsets.UTF_8));

        Process child = start(tmp, Map.of("LANG", "C", "LC_ALL", "C"), "@" + arguments);
        String output = finish(child);

        assertThat(output).matches("-Ddlfs\\.mnist\\.dir=" + Pattern.quote(tmp.toString()) + "/mn\\S+st is not a folder"
                + " name this system can use \\(Malformed input or input contains unmappable characters in the file name"
                + " encoding ANSI_X3\\.4-1968; use a UTF-8 locale such as LANG=C\\.UTF-8, or a folder whose name is plain"
                + " ASCII\\)\\R");
        assertThat(child.exitValue()).isEqualTo(2);
    }

    /** SIGTERM runs the JVM's exit hooks: the temporary file and the folder made for it go. */
    @Test
    void downloadStoppedBySigtermLeavesNothing() throws Exception {
        Path dir = tmp.resolve("mnist");
        Process child = start(tmp, "-Ddlfs.mnist.dir=" + dir, "-Ddlfs.mnist.mirrors=" + stalled);
        waitForTempFile(dir, child);

        child.destroy();   // SIGTERM, as Ctrl-C or kill would send
        String output = finish(child);

        assertThat(output).startsWith("MNIST: downloading " + stalled + "train-images-idx3-ubyte.gz");
        assertThat(dir).doesNotExist();
    }

    /** kill -9 runs nothing: the temporary file stays until the next run, which removes it and says so. */
    @Test
    void downloadKilledHardIsCleanedUpByTheNextRun() throws Exception {
        Path dir = tmp.resolve("mnist");
        Process child = start(tmp, "-Ddlfs.mnist.dir=" + dir, "-Ddlfs.mnist.mirrors=" + stalled);
        Path temp = waitForTempFile(dir, child);

        child.destroyForcibly();   // SIGKILL
        finish(child);
        assertThat(temp).exists();

        IdxFiles.writeAllGz(dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        Mnist.load(dir, ORIGINALS, new MnistDownload(List.of(), new Downloader(out, Duration.ofSeconds(1), Duration.ofSeconds(1))));

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("MNIST: removed " + temp.toAbsolutePath()
                + ", left behind by an interrupted download" + System.lineSeparator());
        assertThat(filesIn(dir)).noneMatch(name -> name.endsWith(".tmp"));
    }

    private static Path waitForTempFile(Path dir, Process child) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(dir)) {
                for (String name : filesIn(dir)) {
                    if (name.endsWith(".tmp")) {
                        return dir.resolve(name);
                    }
                }
            }
            assertThat(child.isAlive()).as("child JVM still downloading").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no temporary file appeared in " + dir + " within 30 s");
    }
}
