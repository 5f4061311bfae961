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
        Path cache = Files.createTempDirectory("mnist-bench").resolve("verified.properties");
        System.setProperty("dlfs.mnist.cache", cache.toString());   // fresh: the first load checks the hashes
        Path dir = Mnist.defaultDir();
        System.out.println("MNIST folder: " + dir.toAbsolutePath());

        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        Mnist mnist = Mnist.load(dir);
        long cold = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        System.out.printf("load, cold (SHA-256 checked):  %6.0f ms%n", cold / 1e6);
        System.out.printf("heap held by the loaded data:  %6.1f MB%n", (heapAfter - heapBefore) / 1e6);

        for (int run = 1; run <= 3; run++) {
            long t1 = System.nanoTime();
            Mnist again = Mnist.load(dir);
            long warm = System.nanoTime() - t1;
            System.out.printf("load, warm %d (cached verdict): %6.0f ms  (%d images)%n", run, warm / 1e6, again.train().size());
        }
        batches(mnist.train());
        Files.deleteIfExists(cache);
        Files.deleteIfExists(cache.getParent());
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
