package dlfs.dataset;

import static dlfs.dataset.IdxFiles.CONTENT;
import static dlfs.dataset.IdxFiles.ORIGINALS;
import static dlfs.dataset.IdxFiles.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloading a missing file, against a local HTTP server on 127.0.0.1 (never the network). Mirror paths:
 * /ok/ serves the four small test files, /missing/ answers 404, /corrupt/ serves other content, /cut/ closes
 * the connection half-way through a file, /trickle/ sends one byte every 400 ms, /big/ sends more bytes than
 * a gzip of the file can take, /endless/ sends them without announcing a length, /redirect/ answers 302 to
 * /ok/ on a second server, /to-https/ answers 301 to https on a closed port, /loop/ redirects to itself.
 */
class MnistDownloadTest {
    private static final Duration STALL = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private Path dir;   // the MNIST folder; does not exist until a download writes into it
    private HttpServer server;
    private HttpServer other;
    private ExecutorService handlers;
    private String base;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void startServers() throws IOException {
        dir = tmp.resolve("mnist");
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", this::handle);
        other.setExecutor(handlers);
        other.start();
    }

    @AfterEach
    void stopServers() {
        server.stop(0);
        other.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String[] parts = path.split("/");   // "", mirror, file
        String mirror = parts.length == 3 ? parts[1] : "";
        String name = parts.length == 3 ? parts[2].replace(".gz", "") : "";
        byte[] gz = CONTENT.containsKey(name) ? IdxFiles.gzip(CONTENT.get(name)) : null;
        OutputStream body = exchange.getResponseBody();
        if (gz == null || mirror.equals("missing")) {
            exchange.sendResponseHeaders(404, -1);
        } else if (mirror.equals("corrupt")) {
            byte[] wrong = IdxFiles.gzip(IdxFiles.labels(3));
            exchange.sendResponseHeaders(200, wrong.length);
            body.write(wrong);
        } else if (mirror.equals("cut")) {
            exchange.sendResponseHeaders(200, gz.length);
            body.write(gz, 0, gz.length / 2);
            body.flush();
            throw new IOException("test: drop the connection mid-file");   // the server then closes the socket
        } else if (mirror.equals("trickle")) {
            exchange.sendResponseHeaders(200, gz.length);
            for (int i = 0; i < gz.length; i++) {
                body.write(gz[i]);
                body.flush();
                sleep(400);
            }
        } else if (mirror.equals("big")) {
            long length = Downloader.maxGzipBytes(CONTENT.get(name).length) + 1;
            exchange.sendResponseHeaders(200, length);
            body.write(new byte[(int) length]);
        } else if (mirror.equals("endless")) {
            exchange.sendResponseHeaders(200, 0);   // chunked: no length announced
            for (int i = 0; i < 100; i++) {
                body.write(new byte[8192]);
            }
        } else if (mirror.startsWith("redirect") || mirror.equals("to-https") || mirror.equals("loop")) {
            String target = mirror.equals("redirect") ? "http://127.0.0.1:" + other.getAddress().getPort() + "/ok/"
                    : mirror.equals("to-https") ? "https://127.0.0.1:" + closedPort() + "/mnist/" : "/loop/";
            exchange.getResponseHeaders().add("Location", target + name + ".gz");
            exchange.sendResponseHeaders(mirror.equals("to-https") ? 301 : 302, -1);
        } else {
            exchange.sendResponseHeaders(200, gz.length);
            body.write(gz);
        }
        exchange.close();
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IOException("test server stopped");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private MnistDownload mirrors(Duration progress, String... mirrors) {
        List<String> urls = new ArrayList<>();
        for (String m : mirrors) {
            urls.add(m.contains(":") ? m : base + "/" + m + "/");
        }
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return new MnistDownload(urls, new Downloader(out, STALL, progress));
    }

    /** Mnist.load from {@code dir} with these mirrors (paths on the local server, or URLs). */
    private Mnist load(String... mirrors) {
        return Mnist.load(dir, ORIGINALS, mirrors(Duration.ofSeconds(5), mirrors));
    }

    /** Downloads {@code name} into {@code dir} from these mirrors. */
    private void download(String name, String... mirrors) {
        download(Duration.ofSeconds(5), name, mirrors);
    }

    private void download(Duration progress, String name, String... mirrors) {
        mirrors(progress, mirrors).download(dir, name, ORIGINALS);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static String url(String mirrorUrl, String name) {
        return mirrorUrl + name + ".gz";
    }

    private String url(String name) {
        return base + "/" + name + ".gz";
    }

    @Test
    void downloadsMissingFilesWithProgressThenLoads() throws IOException {
        Mnist mnist = load("ok");

        assertThat(mnist.train().size()).isEqualTo(6);
        assertThat(mnist.test().labels(0, 2)).containsExactly(0, 1);
        assertThat(filesIn(dir)).containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        int gzLength = IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_IMAGES)).length;
        assertThat(console())
                .contains("MNIST: downloading " + url("ok/" + Mnist.TRAIN_IMAGES) + "\n"
                        + "  " + gzLength + " / " + gzLength + " bytes (100%)\n"
                        + "MNIST: saved " + dir.resolve("train-images-idx3-ubyte.gz").toAbsolutePath() + " (SHA-256 verified)\n")
                .doesNotContain("removed");
        assertThat(console().split("\n")).filteredOn(line -> line.contains("(100%)")).hasSize(4);   // one per file
    }

    @Test
    void downloadsOnlyWhatIsMissing() throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), CONTENT.get(Mnist.TRAIN_IMAGES));   // raw, not gzipped
        Files.write(dir.resolve(Mnist.TEST_LABELS + ".gz"), IdxFiles.gzip(CONTENT.get(Mnist.TEST_LABELS)));

        assertThat(load("ok").train().size()).isEqualTo(6);

        assertThat(requests).containsExactly("/ok/train-labels-idx1-ubyte.gz", "/ok/t10k-images-idx3-ubyte.gz");
    }

    @Test
    void failingMirrorsAreReportedAsTheyFailAndTheNextIsTried() throws IOException {
        download(Mnist.TRAIN_LABELS, "missing", "corrupt", "ok");

        assertThat(requests).containsExactly("/missing/train-labels-idx1-ubyte.gz", "/corrupt/train-labels-idx1-ubyte.gz",
                "/ok/train-labels-idx1-ubyte.gz");
        assertThat(console())
                .contains("MNIST: " + url("missing/" + Mnist.TRAIN_LABELS) + ": HTTP status 404; trying the next mirror\n")
                .contains("MNIST: " + url("corrupt/" + Mnist.TRAIN_LABELS) + ": SHA-256 of the decompressed content is "
                        + MnistFile.sha256Hex(IdxFiles.labels(3)) + " but expected "
                        + ORIGINALS.get(Mnist.TRAIN_LABELS).sha256() + "; trying the next mirror\n");
        assertThat(filesIn(dir)).containsExactly("train-labels-idx1-ubyte.gz");
        assertThat(MnistFile.read(dir.resolve("train-labels-idx1-ubyte.gz"), true, 100).bytes())
                .isEqualTo(CONTENT.get(Mnist.TRAIN_LABELS));
    }

    @Test
    void wrongChecksumLeavesNeitherFileNorFolder() {
        assertThatThrownBy(() -> download(Mnist.TRAIN_LABELS, "corrupt"))
                .isInstanceOf(MnistException.class)
                .hasMessageContaining("\n  " + url("corrupt/" + Mnist.TRAIN_LABELS) + ": SHA-256 of the decompressed content is "
                        + MnistFile.sha256Hex(IdxFiles.labels(3)) + " but expected " + ORIGINALS.get(Mnist.TRAIN_LABELS).sha256() + "\n");
        assertThat(dir).doesNotExist();   // it was created for the download, and removed with it
    }

    /** The JDK reports a cut-off body in its own words (17: an early end; 25: "Premature EOF"); the message is ours on both. */
    @Test
    void connectionClosedMidFileLeavesNothing() {
        int gzLength = IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_IMAGES)).length;

        assertThatThrownBy(() -> download(Mnist.TRAIN_IMAGES, "cut"))
                .hasMessageContaining("\n  " + url("cut/" + Mnist.TRAIN_IMAGES) + ": connection closed after "
                        + gzLength / 2 + " of " + gzLength + " bytes\n");
        assertThat(dir).doesNotExist();
    }

    @Test
    void noNetworkGivesOneMessageNamingTheFourFilesTheFolderAndTheMirrorsTried() throws IOException {
        String refused = "http://127.0.0.1:" + closedPort() + "/mnist/";

        assertThatThrownBy(() -> load("missing", refused))
                .isInstanceOf(MnistException.class)
                .hasMessage("MNIST: train-images-idx3-ubyte.gz is missing from " + dir.toAbsolutePath()
                        + " and could not be downloaded:\n"
                        + "  " + url("missing/" + Mnist.TRAIN_IMAGES) + ": HTTP status 404\n"
                        + "  " + url(refused, Mnist.TRAIN_IMAGES) + ": cannot connect to 127.0.0.1:"
                        + refused.split("[:/]")[4] + " (ConnectException)\n"
                        + "Copy these files (gzipped as named, or decompressed without .gz) into " + dir.toAbsolutePath() + ":\n"
                        + "  train-images-idx3-ubyte.gz\n"
                        + "  train-labels-idx1-ubyte.gz\n"
                        + "  t10k-images-idx3-ubyte.gz\n"
                        + "  t10k-labels-idx1-ubyte.gz\n"
                        + "A clone of dlfs-java has all four in its mnist/ folder; -Ddlfs.mnist.dir=DIR or the environment"
                        + " variable DLFS_MNIST_DIR makes the loader read them from DIR.");
        assertThat(dir).doesNotExist();
    }

    /** One byte every 400 ms: less than 1 KiB in the 2 s window, so abandoned after about 2 s, with progress meanwhile. */
    @Test
    void mirrorWithoutProgressIsAbandonedForTheNext() throws IOException {
        long start = System.nanoTime();
        download(Duration.ofMillis(500), Mnist.TRAIN_IMAGES, "trickle", "ok");
        double seconds = (System.nanoTime() - start) / 1e9;

        int gzLength = IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_IMAGES)).length;   // the trickle would take 0.4 s per byte
        assertThat(seconds).isBetween(2.0, 6.0);
        assertThat(console()).containsPattern("MNIST: " + url("trickle/" + Mnist.TRAIN_IMAGES) + ": no progress for 2 s"
                + " \\(less than 1024 bytes\\), [1-9] / " + gzLength + " bytes \\(\\d+%\\); abandoned; trying the next mirror\n");
        assertThat(console().split("\n")).filteredOn(line -> line.matches("  \\d / " + gzLength + " bytes \\(\\d%\\)"))
                .hasSizeGreaterThanOrEqualTo(2);   // progress every 500 ms while it trickled
        assertThat(filesIn(dir)).containsExactly("train-images-idx3-ubyte.gz");
    }

    @Test
    void fileMirrorWorks() throws IOException {
        Path source = Files.createDirectory(tmp.resolve("source"));
        IdxFiles.writeAllGz(source);
        String fileUrl = source.toUri().toString();   // file:///…/source/

        Mnist mnist = load(base + "/missing/", fileUrl);

        assertThat(mnist.train().labels(0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(console()).contains("MNIST: downloading " + url(fileUrl, Mnist.TRAIN_IMAGES));
        Files.delete(dir.resolve(Mnist.TEST_LABELS + ".gz"));
        Files.delete(source.resolve(Mnist.TEST_LABELS + ".gz"));
        assertThatThrownBy(() -> load(fileUrl))
                .hasMessageContaining("  " + url(fileUrl, Mnist.TEST_LABELS) + ": no such file "
                        + source.resolve(Mnist.TEST_LABELS + ".gz") + "\n");
    }

    @Test
    void redirectToAnotherServerIsFollowed() throws IOException {
        download(Mnist.TEST_LABELS, "redirect");

        String target = "http://127.0.0.1:" + other.getAddress().getPort() + "/ok/t10k-labels-idx1-ubyte.gz";
        assertThat(console()).contains("  redirected to " + target + "\n");
        assertThat(requests).containsExactly("/redirect/t10k-labels-idx1-ubyte.gz", "/ok/t10k-labels-idx1-ubyte.gz");
        assertThat(filesIn(dir)).containsExactly("t10k-labels-idx1-ubyte.gz");
    }

    /** HttpURLConnection stops at a redirect from http to https; we follow it, and a failure there names it. */
    @Test
    void redirectToHttpsIsFollowedAndAFailureThereNamesIt() {
        assertThatThrownBy(() -> download(Mnist.TEST_LABELS, "to-https"))
                .hasMessageMatching("(?s).*\n  " + url("to-https/" + Mnist.TEST_LABELS) + ": redirected to "
                        + "https://127\\.0\\.0\\.1:(\\d+)/mnist/t10k-labels-idx1-ubyte\\.gz: cannot connect to 127\\.0\\.0\\.1:\\1 .*");
    }

    @Test
    void redirectsAreBounded() {
        assertThatThrownBy(() -> download(Mnist.TEST_LABELS, "loop"))
                .hasMessageContaining("  " + url("loop/" + Mnist.TEST_LABELS) + ": more than 5 redirects, the last to "
                        + "/loop/t10k-labels-idx1-ubyte.gz\n");
        assertThat(requests).hasSize(6);
    }

    @Test
    void oversizedDownloadIsRejectedByNameAndLeavesNothing() {
        long max = Downloader.maxGzipBytes(CONTENT.get(Mnist.TEST_LABELS).length);

        assertThatThrownBy(() -> download(Mnist.TEST_LABELS, "big", "endless"))
                .hasMessageContaining("  " + url("big/" + Mnist.TEST_LABELS) + ": more than the " + max
                        + " bytes a gzip of this file can take; abandoned\n"
                        + "  " + url("endless/" + Mnist.TEST_LABELS) + ": more than the " + max
                        + " bytes a gzip of this file can take; abandoned\n");
        assertThat(dir).doesNotExist();
    }

    @Test
    void unwritableFolderIsReportedWithoutTryingMirrors() throws IOException {
        Path blocker = Files.write(tmp.resolve("not-a-folder"), new byte[1]);
        dir = blocker.resolve("mnist");

        assertThatThrownBy(() -> load("ok"))
                .hasMessageStartingWith("MNIST: train-images-idx3-ubyte.gz is missing from " + dir.toAbsolutePath()
                        + " and could not be downloaded:\n  cannot write into " + dir.toAbsolutePath() + " ("
                        + blocker.toAbsolutePath() + " is not a writable folder)\n");
        assertThat(requests).isEmpty();
    }
}
