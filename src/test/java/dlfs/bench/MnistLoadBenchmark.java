package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: prints how long loading the four MNIST files takes (cold: SHA-256 checked; warm: remembered as
 * verified), the heap the loaded data occupies, and the cost of building a 100-image batch.
 * Run: {@code DLFS_MNIST_DIR=../shared/mnist mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dlfs.bench.MnistLoadBenchmark}
 */
public final class MnistLoadBenchmark {
    private MnistLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // a fresh verdict cache, so the first load checks the hashes; `--cache FILE` reuses one across runs
        boolean ownCache = !(args.length == 2 && args[0].equals("--cache"));
        Path cache = ownCache ? Files.createTempDirectory("mnist-bench").resolve("verified.properties") : Path.of(args[1]);
        System.setProperty("dlfs.mnist.cache", cache.toString());
        Path dir = Mnist.defaultDir();
        System.out.println("MNIST folder: " + dir.toAbsolutePath() + ", verdict cache: " + cache
                + (Files.exists(cache) ? " (exists)" : " (new)"));

        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        Mnist mnist = Mnist.load(dir);
        long cold = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        System.out.printf("load, first in this JVM:       %6.0f ms%n", cold / 1e6);
        System.out.printf("heap held by the loaded data:  %6.1f MB%n", (heapAfter - heapBefore) / 1e6);

        for (int run = 1; run <= 3; run++) {
            long t1 = System.nanoTime();
            Mnist again = Mnist.load(dir);
            long warm = System.nanoTime() - t1;
            System.out.printf("load, warm %d (cached verdict): %6.0f ms  (%d images)%n", run, warm / 1e6, again.train().size());
        }
        hashCost(dir);
        batches(mnist.train());
        if (ownCache) {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(cache.getParent());
        }
    }

    /** Time to gunzip each file, and to hash its content: what the verdict cache saves. */
    private static void hashCost(Path dir) throws Exception {
        String[] names = {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS};
        long read = 0, hash = 0;
        for (String name : names) {
            Path file = Files.exists(dir.resolve(name)) ? dir.resolve(name) : dir.resolve(name + ".gz");
            long t = System.nanoTime();
            byte[] content = file.toString().endsWith(".gz")
                    ? new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes()
                    : Files.readAllBytes(file);
            long t2 = System.nanoTime();
            java.security.MessageDigest.getInstance("SHA-256").digest(content);
            hash += System.nanoTime() - t2;
            read += t2 - t;
        }
        System.out.printf("of which: read+gunzip all four %6.0f ms, SHA-256 of all four %6.0f ms%n", read / 1e6, hash / 1e6);
    }

    private static void batches(MnistSet train) {
        Rng rng = new Rng(42);
        int iters = 2000;
        double sink = 0;
        for (int i = 0; i < 3000; i++) {   // warm-up: let C2 compile the row loop
            sink += train.images(train.randomBatch(rng, 100)).data[0][400];
        }
        long t = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            Matrix x = train.images(train.randomBatch(rng, 100));
            sink += x.data[99][400];
        }
        System.out.printf("random batch of 100 images:    %6.1f µs  (checksum %.3f)%n", (System.nanoTime() - t) / 1e3 / iters, sink);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
