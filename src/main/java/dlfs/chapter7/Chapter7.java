package dlfs.chapter7;

import dlfs.launch.Chapter;

/**
 * Chapter 7, "convolutional neural networks" (합성곱 신경망): its sections and, under each, the scripts of the
 * book's {@code ch07/} in book order. {@code mvn -q compile exec:java -Dexec.args="7.6"} runs a section, {@code "7"}
 * the chapter.
 */
public final class Chapter7 {
    public static final Chapter CONTENTS = new Chapter("7", "convolutional neural networks")
            .section("7.5", "implementing a CNN", GradientCheck.SCRIPT, TrainConvnet.SCRIPT)
            .section("7.6", "visualizing a CNN", VisualizeFilter.SCRIPT, ApplyFilter.SCRIPT);

    private Chapter7() {
    }

    /** Runs the chapter, or what the arguments choose in it ({@code 7.6}, {@code TrainConvnet --epochs 1}). */
    public static void main(String[] args) {
        new dlfs.launch.Launcher("7", CONTENTS).main(args);
    }
}
