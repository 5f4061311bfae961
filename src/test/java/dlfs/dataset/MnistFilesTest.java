package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding, checking and downloading the four files, on small IDX contents. Downloads go against a local HTTP
 * server on 127.0.0.1. Mirror paths: /ok/ serves the four small test files,
 * /missing/ answers 404, /corrupt/ serves other content, /cut/ closes the connection half-way through a file.
 */
class MnistFilesTest {
    /** Small IDX contents standing in for the four MNIST files, and their SHA-256. */
    private static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();
    private static final Map<String, String> SHA256 = new LinkedHashMap<>();

    static {
        CONTENT.put(Mnist.TRAIN_IMAGES, IdxFiles.images(6, 3, 3));
        CONTENT.put(Mnist.TRAIN_LABELS, IdxFiles.labels(6));
        CONTENT.put(Mnist.TEST_IMAGES, IdxFiles.images(2, 3, 3));
        CONTENT.put(Mnist.TEST_LABELS, IdxFiles.labels(2));
        CONTENT.forEach((name, bytes) -> SHA256.put(name, MnistFiles.sha256Hex(bytes)));
    }

    @TempDir
    Path dir;
    @TempDir
    Path cacheDir;

    private HttpServer server;
    private String base;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String[] parts = path.split("/");   // "", mirror, file
        String name = parts.length == 3 ? parts[2].replace(".gz", "") : "";
        byte[] gz = CONTENT.containsKey(name) ? IdxFiles.gzip(CONTENT.get(name)) : null;
        String mirror = parts.length == 3 ? parts[1] : "";
        if (gz == null || mirror.equals("missing")) {
            exchange.sendResponseHeaders(404, -1);
        } else if (mirror.equals("corrupt")) {
            byte[] other = IdxFiles.gzip(IdxFiles.labels(3));
            exchange.sendResponseHeaders(200, other.length);
            exchange.getResponseBody().write(other);
        } else if (mirror.equals("cut")) {
            exchange.sendResponseHeaders(200, gz.length);
            OutputStream body = exchange.getResponseBody();
            body.write(gz, 0, gz.length / 2);
            body.flush();
            throw new IOException("test: drop the connection mid-file");   // the server then closes the socket
        } else {
            exchange.sendResponseHeaders(200, gz.length);
            exchange.getResponseBody().write(gz);
        }
        exchange.close();
    }

    private MnistFiles files(String... mirrors) {
        List<String> urls = new ArrayList<>();
        for (String m : mirrors) {
            urls.add(m.startsWith("http") ? m : base + "/" + m + "/");
        }
        return new MnistFiles(dir, urls, SHA256, new PrintStream(console, true, StandardCharsets.UTF_8),
                new VerifiedFiles(cacheDir.resolve("verified.properties")));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsMissingFilesWithProgressThenLoads() throws IOException {
        Mnist mnist = files("ok").load();

        assertThat(mnist.train().size()).isEqualTo(6);
        assertThat(mnist.test().size()).isEqualTo(2);
        assertThat(mnist.train().labels(0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(filesIn(dir)).containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        int gzLength = IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_IMAGES)).length;
        assertThat(console())
                .contains("MNIST: downloading " + base + "/ok/train-images-idx3-ubyte.gz")
                .contains(gzLength + " / " + gzLength + " bytes (100%)")
                .contains("MNIST: saved " + dir.resolve("train-images-idx3-ubyte.gz").toAbsolutePath() + " (SHA-256 verified)");
        assertThat(console().split("\n")).filteredOn(line -> line.contains("(100%)")).hasSize(4);   // one per file
    }

    @Test
    void downloadsOnlyWhatIsMissing() throws IOException {
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), CONTENT.get(Mnist.TRAIN_IMAGES));   // raw, not gzipped
        Files.write(dir.resolve(Mnist.TEST_LABELS + ".gz"), IdxFiles.gzip(CONTENT.get(Mnist.TEST_LABELS)));

        Mnist mnist = files("ok").load();

        assertThat(mnist.train().size()).isEqualTo(6);
        assertThat(requests).containsExactly("/ok/train-labels-idx1-ubyte.gz", "/ok/t10k-images-idx3-ubyte.gz");
    }

    @Test
    void firstMirror404FallsThroughToSecond() throws IOException {
        files("missing", "ok").download(Mnist.TRAIN_LABELS, List.of(Mnist.TRAIN_LABELS));

        assertThat(requests).containsExactly("/missing/train-labels-idx1-ubyte.gz", "/ok/train-labels-idx1-ubyte.gz");
        assertThat(filesIn(dir)).containsExactly("train-labels-idx1-ubyte.gz");
    }

    @Test
    void wrongChecksumIsRejectedAndLeavesNothing() throws IOException {
        assertThatThrownBy(() -> files("corrupt").download(Mnist.TRAIN_LABELS, List.of(Mnist.TRAIN_LABELS)))
                .isInstanceOf(MnistException.class)
                .hasMessageContaining(base + "/corrupt/train-labels-idx1-ubyte.gz: IOException: SHA-256 of the decompressed content is "
                        + MnistFiles.sha256Hex(IdxFiles.labels(3)) + " but expected " + SHA256.get(Mnist.TRAIN_LABELS));
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void corruptFirstMirrorFallsThroughToSecond() throws IOException {
        files("corrupt", "ok").download(Mnist.TRAIN_LABELS, List.of(Mnist.TRAIN_LABELS));

        assertThat(filesIn(dir)).containsExactly("train-labels-idx1-ubyte.gz");
        assertThat(MnistFiles.read(dir.resolve("train-labels-idx1-ubyte.gz"))).isEqualTo(CONTENT.get(Mnist.TRAIN_LABELS));
    }

    @Test
    void connectionClosedMidFileLeavesNothing() throws IOException {
        int gzLength = IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_IMAGES)).length;
        assertThatThrownBy(() -> files("cut").download(Mnist.TRAIN_IMAGES, List.of(Mnist.TRAIN_IMAGES)))
                .isInstanceOf(MnistException.class)
                .hasMessageContaining(base + "/cut/train-images-idx3-ubyte.gz: IOException: connection closed after "
                        + gzLength / 2 + " of " + gzLength + " bytes\n");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void everyMirrorFailingGivesTheOfflineMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closedPort + "/mnist/";

        assertThatThrownBy(() -> files("missing", refused).load())
                .isInstanceOf(MnistException.class)
                .hasMessageStartingWith("MNIST: could not download train-images-idx3-ubyte.gz from any mirror:\n"
                        + "  " + base + "/missing/train-images-idx3-ubyte.gz: IOException: HTTP 404 Not Found\n"
                        + "  " + refused + "train-images-idx3-ubyte.gz: ConnectException: ")
                .hasMessageEndingWith("To work offline, put these files (gzipped as named, or decompressed without .gz) into "
                        + dir.toAbsolutePath() + ":\n"
                        + "  train-images-idx3-ubyte.gz\n"
                        + "  train-labels-idx1-ubyte.gz\n"
                        + "  t10k-images-idx3-ubyte.gz\n"
                        + "  t10k-labels-idx1-ubyte.gz\n"
                        + "or point -Ddlfs.mnist.dir=DIR or the environment variable DLFS_MNIST_DIR at a folder that holds them.");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void corruptUserFileIsReportedNotDeleted() throws IOException {
        writeAllRaw();
        byte[] changed = CONTENT.get(Mnist.TEST_IMAGES).clone();
        changed[20]++;
        Path file = dir.resolve(Mnist.TEST_IMAGES);
        Files.write(file, changed);

        assertThatThrownBy(() -> files("ok").load())
                .isInstanceOf(MnistException.class)
                .hasMessage(file + ": SHA-256 of the decompressed content is " + MnistFiles.sha256Hex(changed)
                        + " but expected " + SHA256.get(Mnist.TEST_IMAGES) + " (the file is corrupt or not the original"
                        + " MNIST file). It was left in place: replace it with a good copy of t10k-images-idx3-ubyte or"
                        + " t10k-images-idx3-ubyte.gz, or delete it to have it downloaded again.");
        assertThat(Files.readAllBytes(file)).isEqualTo(changed);
        assertThat(requests).isEmpty();
    }

    @Test
    void truncatedUserFileIsReportedWithOffset() throws IOException {
        writeAllRaw();
        Path file = dir.resolve(Mnist.TRAIN_LABELS);
        Files.write(file, java.util.Arrays.copyOf(CONTENT.get(Mnist.TRAIN_LABELS), 11));

        assertThatThrownBy(() -> files("ok").load())
                .hasMessage(file + ": truncated data: 6 labels end at byte offset 14 but the file ends at byte offset 11."
                        + " It was left in place: replace it with a good copy of train-labels-idx1-ubyte or"
                        + " train-labels-idx1-ubyte.gz, or delete it to have it downloaded again.");
        assertThat(Files.size(file)).isEqualTo(11);
    }

    @Test
    void verifiedFileIsRememberedBySizeAndModificationTime() throws IOException {
        writeAllRaw();
        files().load();   // checks the hashes and remembers the files
        Path file = dir.resolve(Mnist.TEST_IMAGES);
        var mtime = Files.getLastModifiedTime(file);
        byte[] changed = CONTENT.get(Mnist.TEST_IMAGES).clone();
        changed[20]++;
        Files.write(file, changed);
        Files.setLastModifiedTime(file, mtime);

        // same size and time: taken as verified without hashing, so the changed pixel comes through
        assertThat(files().load().test().pixel(0, 1, 1)).isEqualTo(changed[20] & 0xFF);

        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(mtime.toMillis() + 2000));
        assertThatThrownBy(() -> files().load()).hasMessageContaining(file + ": SHA-256 of the decompressed content is");
    }

    @Test
    void unwritableCacheIsNotAnError() throws IOException {
        writeAllRaw();
        Path blocker = cacheDir.resolve("a-file");
        Files.write(blocker, new byte[1]);
        VerifiedFiles cache = new VerifiedFiles(blocker.resolve("sub").resolve("verified.properties"));
        MnistFiles files = new MnistFiles(dir, List.of(), SHA256, new PrintStream(console, true, StandardCharsets.UTF_8), cache);

        assertThat(files.load().train().size()).isEqualTo(6);
        assertThat(cache.isVerified(dir.resolve(Mnist.TRAIN_IMAGES), SHA256.get(Mnist.TRAIN_IMAGES))).isTrue();   // in memory
    }

    @Test
    void unwritableFolderIsReportedWithoutTryingMirrors() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.write(blocker, new byte[1]);
        MnistFiles files = new MnistFiles(blocker, List.of(base + "/ok/"), SHA256,
                new PrintStream(console, true, StandardCharsets.UTF_8), new VerifiedFiles(null));

        assertThatThrownBy(files::load)
                .hasMessageStartingWith("MNIST: could not download train-images-idx3-ubyte.gz from any mirror:\n"
                        + "  cannot write into the folder " + blocker.toAbsolutePath() + ": FileAlreadyExistsException: ");
        assertThat(requests).isEmpty();
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>(SHA256);
        byte[] fiveLabels = IdxFiles.labels(5);
        hashes.put(Mnist.TRAIN_LABELS, MnistFiles.sha256Hex(fiveLabels));
        writeAllRaw();
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), fiveLabels);
        MnistFiles files = new MnistFiles(dir, List.of(), hashes, new PrintStream(console, true, StandardCharsets.UTF_8),
                new VerifiedFiles(null));

        assertThatThrownBy(files::load).hasMessage(dir.resolve(Mnist.TRAIN_IMAGES) + " holds 6 images but "
                + dir.resolve(Mnist.TRAIN_LABELS) + " holds 5 labels (the counts at byte offset 4 of both files must agree)");
    }

    @Test
    void brokenGzipIsReportedNotDeleted() throws IOException {
        writeAllRaw();
        Files.delete(dir.resolve(Mnist.TEST_LABELS));
        byte[] gz = IdxFiles.gzip(CONTENT.get(Mnist.TEST_LABELS));
        Path file = dir.resolve(Mnist.TEST_LABELS + ".gz");
        Files.write(file, java.util.Arrays.copyOf(gz, gz.length - 12));   // cut inside the compressed data

        assertThatThrownBy(() -> files("ok").load())
                .hasMessage(file + ": cannot be read (java.io.EOFException: Unexpected end of ZLIB input stream)."
                        + " It was left in place: replace it with a good copy of t10k-labels-idx1-ubyte or"
                        + " t10k-labels-idx1-ubyte.gz, or delete it to have it downloaded again.");
        assertThat(Files.size(file)).isEqualTo(gz.length - 12);
        assertThat(requests).isEmpty();
    }

    @Test
    void rawFileIsPreferredOverGz() throws IOException {
        writeAllRaw();
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES + ".gz"), new byte[] {1, 2, 3});   // would fail if read
        assertThat(files().locate(Mnist.TRAIN_IMAGES)).isEqualTo(dir.resolve(Mnist.TRAIN_IMAGES));
        assertThat(files().load().train().size()).isEqualTo(6);
    }

    private void writeAllRaw() throws IOException {
        for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
