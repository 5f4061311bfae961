package dlfs.dataset;

import static dlfs.dataset.IdxFiles.CONTENT;
import static dlfs.dataset.IdxFiles.ORIGINALS;
import static dlfs.dataset.IdxFiles.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding, reading and checking the four files in a folder, on small IDX contents; no mirrors, so no network. */
class MnistFileTest {
    private static final String ADVICE = ". It was left in place: replace it with a good copy (a clone of dlfs-java"
            + " has all four files in mnist/) or delete it to have it downloaded again.";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** Mnist.load from {@code dir} with no mirrors: a missing file fails at once. */
    private Mnist load(Map<String, Mnist.Original> originals) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return Mnist.load(dir, originals, new MnistDownload(List.of(), new Downloader(out, Duration.ofSeconds(10),
                Duration.ofSeconds(5))));
    }

    private Mnist load() {
        return load(ORIGINALS);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsGzippedAndRawFiles() throws IOException {
        IdxFiles.writeAllGz(dir);
        Files.delete(dir.resolve(Mnist.TEST_IMAGES + ".gz"));
        Files.write(dir.resolve(Mnist.TEST_IMAGES), CONTENT.get(Mnist.TEST_IMAGES));

        Mnist mnist = load();

        assertThat(mnist.train().size()).isEqualTo(6);
        assertThat(mnist.test().size()).isEqualTo(2);
        assertThat(mnist.train().labels(0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(mnist.test().images(1, 2).data[0][0]).isEqualTo((double) (7f / 255f));   // image 1, pixel 0: 1·7
        assertThat(console()).isEmpty();
    }

    @Test
    void rawFileIsPreferredOverGz() throws IOException {
        IdxFiles.writeAllRaw(dir);
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES + ".gz"), new byte[] {1, 2, 3});   // would fail if read
        assertThat(MnistFile.locate(dir, Mnist.TRAIN_IMAGES)).isEqualTo(dir.resolve(Mnist.TRAIN_IMAGES));
        assertThat(load().train().size()).isEqualTo(6);
    }

    /** The case a cache of verdicts keyed on size and modification time let through. */
    @Test
    void fileCorruptedInPlaceWithSizeAndTimeRestoredIsRejected() throws IOException {
        IdxFiles.writeAllGz(dir);
        assertThat(load().test().labels(0, 2)).containsExactly(0, 1);
        Path file = dir.resolve(Mnist.TEST_LABELS + ".gz");
        FileTime mtime = Files.getLastModifiedTime(file);
        byte[] changed = CONTENT.get(Mnist.TEST_LABELS).clone();
        changed[8] = 7;   // label 0 becomes 7: still a valid label
        byte[] gz = IdxFiles.gzip(changed);
        assertThat(gz).hasSize((int) Files.size(file));
        Files.write(file, gz);
        Files.setLastModifiedTime(file, mtime);

        assertThatThrownBy(this::load)
                .isInstanceOf(MnistException.class)
                .hasMessage(file + ": SHA-256 of the decompressed content is " + MnistFile.sha256Hex(changed)
                        + " but expected " + ORIGINALS.get(Mnist.TEST_LABELS).sha256()
                        + " (the file is corrupt or not the original MNIST file)" + ADVICE);
        assertThat(Files.readAllBytes(file)).isEqualTo(gz);   // reported, not deleted
    }

    /** A check that compared only some of the 64 hex digits (a prefix, say) would let these through. */
    @Test
    void aSha256ThatDiffersInAnyOneHexDigitIsRefused() {
        byte[] content = CONTENT.get(Mnist.TEST_LABELS);
        String sha = MnistFile.sha256Hex(content);
        assertThat(MnistFile.mismatch(sha, new Mnist.Original(content.length, sha))).isNull();
        for (int i = 0; i < 64; i++) {
            String other = sha.substring(0, i) + (sha.charAt(i) == '0' ? '1' : '0') + sha.substring(i + 1);
            assertThat(MnistFile.mismatch(sha, new Mnist.Original(content.length, other))).as("hex digit %d", i)
                    .isEqualTo("SHA-256 of the decompressed content is " + sha + " but expected " + other);
        }
    }

    @Test
    void aFileWhoseSha256DiffersFromTheExpectedOnlyInTheLastHexDigitIsNotLoaded() throws IOException {
        IdxFiles.writeAllGz(dir);
        String sha = ORIGINALS.get(Mnist.TRAIN_IMAGES).sha256();
        String expected = sha.substring(0, 63) + (sha.charAt(63) == 'f' ? 'e' : 'f');
        Map<String, Mnist.Original> originals = new LinkedHashMap<>(ORIGINALS);
        originals.put(Mnist.TRAIN_IMAGES, new Mnist.Original(CONTENT.get(Mnist.TRAIN_IMAGES).length, expected));

        assertThatThrownBy(() -> load(originals)).isInstanceOf(MnistException.class)
                .hasMessage(dir.resolve(Mnist.TRAIN_IMAGES + ".gz") + ": SHA-256 of the decompressed content is " + sha
                        + " but expected " + expected + " (the file is corrupt or not the original MNIST file)" + ADVICE);
    }

    @Test
    void truncatedFileIsReportedWithOffset() throws IOException {
        IdxFiles.writeAllRaw(dir);
        Path file = dir.resolve(Mnist.TRAIN_LABELS);
        Files.write(file, Arrays.copyOf(CONTENT.get(Mnist.TRAIN_LABELS), 11));

        assertThatThrownBy(this::load)
                .hasMessage(file + ": truncated data: 6 labels end at byte offset 14 but the file ends at byte offset 11"
                        + ADVICE);
        assertThat(Files.size(file)).isEqualTo(11);
    }

    @Test
    void brokenGzipIsReportedNotDeleted() throws IOException {
        IdxFiles.writeAllGz(dir);
        byte[] gz = IdxFiles.gzip(CONTENT.get(Mnist.TEST_LABELS));
        Path file = dir.resolve(Mnist.TEST_LABELS + ".gz");
        Files.write(file, Arrays.copyOf(gz, gz.length - 12));   // cut inside the compressed data

        assertThatThrownBy(this::load)
                .hasMessage(file + ": not a valid gzip file (damaged or cut short)" + ADVICE);
        assertThat(Files.size(file)).isEqualTo(gz.length - 12);
    }

    /**
     * A .gz that decompresses to 3 GiB (3072 gzip members of 1 MiB of zeros, 3 MB on disk): more than the heap
     * and than a Java array can hold, so reading it whole would fail. It is refused after size+1 bytes.
     */
    @Test
    void oversizedGzIsRejectedByNameWithoutReadingItAll() throws IOException {
        IdxFiles.writeAllGz(dir);
        Path file = dir.resolve(Mnist.TRAIN_LABELS + ".gz");
        byte[] member = IdxFiles.gzip(new byte[1 << 20]);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(IdxFiles.gzip(CONTENT.get(Mnist.TRAIN_LABELS)));
            for (int i = 0; i < 3072; i++) {
                out.write(member);
            }
        }

        assertThatThrownBy(this::load)
                .hasMessage(file + ": decompressed, it is longer than the 14 bytes of the original; reading stopped there"
                        + ADVICE);
    }

    @Test
    void oversizedRawFileIsRejectedByName() throws IOException {
        IdxFiles.writeAllRaw(dir);
        Path file = dir.resolve(Mnist.TEST_IMAGES);
        Files.write(file, new byte[100], StandardOpenOption.APPEND);

        assertThatThrownBy(this::load)
                .hasMessage(file + ": it is longer than the 34 bytes of the original; reading stopped there" + ADVICE);
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Map<String, Mnist.Original> originals = new LinkedHashMap<>(ORIGINALS);
        byte[] fiveLabels = IdxFiles.labels(5);
        originals.put(Mnist.TRAIN_LABELS, new Mnist.Original(fiveLabels.length, MnistFile.sha256Hex(fiveLabels)));
        IdxFiles.writeAllRaw(dir);
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), fiveLabels);

        assertThatThrownBy(() -> load(originals)).hasMessage(dir.resolve(Mnist.TRAIN_IMAGES) + " holds 6 images but "
                + dir.resolve(Mnist.TRAIN_LABELS) + " holds 5 labels (the counts at byte offset 4 of both files must agree)"
                + ADVICE);
    }

    @Test
    void readsGzipWithSeveralMembers() throws IOException {
        byte[] a = CONTENT.get(Mnist.TRAIN_IMAGES);
        byte[] b = CONTENT.get(Mnist.TEST_LABELS);
        Path file = dir.resolve("two-members.gz");
        Files.write(file, IdxFiles.gzip(a));
        Files.write(file, IdxFiles.gzip(b), StandardOpenOption.APPEND);

        byte[] both = MnistFile.read(file, true, a.length + b.length).bytes();

        assertThat(Arrays.copyOfRange(both, 0, a.length)).isEqualTo(a);
        assertThat(Arrays.copyOfRange(both, a.length, both.length)).isEqualTo(b);
    }

    /** The SHA-256 is computed on another thread while the file is read, chunk by chunk: it is that of the whole. */
    @Test
    void theSha256ComputedWhileReadingIsThatOfTheWholeContent() throws IOException {
        byte[] content = new byte[3 * (1 << 20) + 17];                 // three chunks and a bit
        new java.util.Random(5).nextBytes(content);
        Path raw = Files.write(dir.resolve("raw"), content);
        Path gz = Files.write(dir.resolve("raw.gz"), IdxFiles.gzip(content));
        for (Path file : List.of(raw, gz)) {
            MnistFile.Content read = MnistFile.read(file, file == gz, content.length);
            assertThat(read.bytes()).as(file.toString()).isEqualTo(content);
            assertThat(read.sha256()).as(file.toString()).isEqualTo(MnistFile.sha256Hex(content));
        }
        MnistFile.Content shorter = MnistFile.read(raw, false, content.length + 5L);   // a file shorter than expected
        assertThat(shorter.sha256()).isEqualTo(MnistFile.sha256Hex(content));
    }

    /** Only our own temp files (NAME.gz.PID-N.tmp, NAME one of the four) whose process has ended are removed. */
    @Test
    void staleTempFilesOfEndedDownloadsAreRemovedAndSaid() throws Exception {
        IdxFiles.writeAllGz(dir);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String stale = Mnist.TRAIN_IMAGES + ".gz." + ended.pid() + "-3.tmp";
        String running = Mnist.TRAIN_IMAGES + ".gz." + ProcessHandle.current().pid() + "-4.tmp";   // a download going on
        String notOurs = "notes.gz." + ended.pid() + "-3.tmp";
        for (String name : List.of(stale, running, notOurs, "other.tmp")) {
            Files.write(dir.resolve(name), new byte[4096]);
        }

        load();

        assertThat(console()).isEqualTo("MNIST: removed " + dir.resolve(stale).toAbsolutePath()
                + ", left behind by an interrupted download" + System.lineSeparator());
        assertThat(filesIn(dir)).contains(running, notOurs, "other.tmp").doesNotContain(stale);
    }

    @Test
    void missingFilesWithoutMirrorsNameTheFilesAndTheFolder() {
        Path missing = dir.resolve("nowhere").resolve("mnist");

        MnistDownload none = new MnistDownload(List.of(),
                new Downloader(new PrintStream(console, true, StandardCharsets.UTF_8), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThatThrownBy(() -> Mnist.load(missing, ORIGINALS, none))
                .isInstanceOf(MnistException.class).isInstanceOf(dlfs.util.UserError.class)
                .hasMessageStartingWith("MNIST: train-images-idx3-ubyte.gz is missing from " + missing.toAbsolutePath()
                        + " and could not be downloaded (no mirrors given):\n"
                        + "Copy these files (gzipped as named, or decompressed without .gz) into " + missing.toAbsolutePath()
                        + ":\n  train-images-idx3-ubyte.gz\n");   // the whole message: MnistDownloadTest.noNetwork…
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }
}
