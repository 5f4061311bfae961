package dlfs.bench;

import dlfs.dataset.Mnist;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * Not a test: prints how long loading the four MNIST files takes (each load gunzips, parses and checks the
 * SHA-256 of all four), how much of that is the SHA-256, the heap the loaded data occupies, and the cost of
 * building a 100-image batch.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.MnistLoadBenchmark}
 */
public final class MnistLoadBenchmark {
    private MnistLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Mnist.defaultDir();
        System.out.println("MNIST folder: " + dir.toAbsolutePath());
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        Mnist mnist = Mnist.load(dir);
        System.out.printf("load 1, new JVM:                %6.0f ms%n", (System.nanoTime() - t0) / 1e6);
        System.out.printf("heap held by the loaded data:   %6.1f MB%n", (usedHeap() - heapBefore) / 1e6);
        for (int run = 2; run <= 4; run++) {
            long t1 = System.nanoTime();
            Mnist again = Mnist.load(dir);
            System.out.printf("load %d, same JVM:               %6.0f ms  (%d images)%n", run, (System.nanoTime() - t1) / 1e6,
                    again.train().size());
        }
        hashCost(dir);
        batches(mnist.train());
    }

    /** Time to gunzip the four files, and to hash their content: the part of a load the SHA-256 takes. */
    private static void hashCost(Path dir) throws Exception {
        String[] names = {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS};
        long read = 0;
        long hash = 0;
        for (String name : names) {
            long t = System.nanoTime();
            byte[] content;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")))) {
                content = in.readAllBytes();
            }
            long t2 = System.nanoTime();
            MessageDigest.getInstance("SHA-256").digest(content);
            hash += System.nanoTime() - t2;
            read += t2 - t;
        }
        System.out.printf("separately: gunzip all four    %6.0f ms, SHA-256 of all four %4.0f ms%n", read / 1e6, hash / 1e6);
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
        System.out.printf("random batch of 100 images:     %6.1f µs  (checksum %.3f)%n", (System.nanoTime() - t) / 1e3 / iters, sink);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
