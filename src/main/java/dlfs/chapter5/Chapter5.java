package dlfs.chapter5;

import dlfs.launch.Chapter;

/**
 * Chapter 5, "backpropagation" (오차역전파법): its sections and, under each, the scripts of the book's {@code ch05/}
 * in book order. Its two library files are in the library packages: {@code layer_naive.py} is
 * {@link dlfs.layers.MulLayer} and {@link dlfs.layers.AddLayer}, {@code two_layer_net.py} is
 * {@link dlfs.network.TwoLayerNet}. {@code mvn -q compile exec:java -Dexec.args="5.4"} runs a section, {@code "5"}
 * the chapter.
 */
public final class Chapter5 {
    public static final Chapter CONTENTS = new Chapter("5", "backpropagation")
            .section("5.4", "implementing simple layers", BuyApple.SCRIPT, BuyAppleOrange.SCRIPT)
            .section("5.7", "implementing backpropagation", GradientCheck.SCRIPT, TrainNeuralnet.SCRIPT);

    private Chapter5() {
    }

    /** Runs the chapter, or what the arguments choose in it ({@code 5.7}, {@code TrainNeuralnet --seed 7}). */
    public static void main(String[] args) {
        new dlfs.launch.Launcher("5", CONTENTS).main(args);
    }
}
