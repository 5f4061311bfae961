package dlfs.bench;

import dlfs.matrix.MatMul;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;

/**
 * Runs a few big products on two threads and returns from main: the JVM (and {@code mvn exec:java}) must end
 * right after the last line, not wait for MatMul's worker. MatMulTest starts it in a child JVM; by hand:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.ProductsThenExit}.
 */
public final class ProductsThenExit {
    public static void main(String[] args) {
        MatMul.setThreads(2);
        Rng rng = new Rng(5);
        Matrix x = rng.randn(256, 784), W = rng.randn(784, 100);
        double sum = 0;
        for (int i = 0; i < 20; i++) {
            sum += MatMul.dot(x, W).data[0][0];
        }
        System.out.println("products done, sum " + sum + "; main returns at " + System.currentTimeMillis());
    }
}
