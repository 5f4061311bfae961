package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.util.Py;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** Three classes, each a Gaussian blob around its own centre in 8 dimensions. */
    private static Matrix blobs(Rng rng, int n, int[] t) {
        Matrix x = rng.randn(n, 8);
        for (int i = 0; i < n; i++) {
            t[i] = i % 3;
            x.data[i][t[i]] += 2.5;
        }
        return x;
    }

    private static Trainer trainer(int trainSize, int epochs, int batchSize, ByteArrayOutputStream buffer) {
        Rng rng = new Rng(31);
        int[] tTrain = new int[trainSize], tTest = new int[90];
        Matrix xTrain = blobs(rng, trainSize, tTrain), xTest = blobs(rng, 90, tTest);
        MultiLayerNet net = new MultiLayerNet(8, new int[] {16, 16}, 3, rng);
        return new Trainer(net, xTrain, tTrain, xTest, tTest, rng).epochs(epochs).miniBatchSize(batchSize)
                .optimizer("SGD", Map.of("lr", 0.1)).printTo(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** Records, for every accuracy and loss call, which data it saw and after how many gradient() calls. */
    private static final class RecordingNet extends MultiLayerNet {
        final List<String> calls = new ArrayList<>();
        Matrix xTrain, xTest;
        int gradients;

        RecordingNet(Rng rng) {
            super(8, new int[] {16}, 3, rng);
        }

        @Override
        public Map<String, Matrix> gradient(Matrix x, int[] t) {
            gradients++;
            return super.gradient(x, t);
        }

        @Override
        public double loss(Matrix x, int[] t, boolean trainFlg) {
            if (!trainFlg) {                                   // gradient() runs its own training-mode loss
                calls.add("loss(test mode)@" + gradients);
            }
            return super.loss(x, t, trainFlg);
        }

        @Override
        public double accuracy(Matrix x, int[] t) {
            calls.add((x == xTrain ? "train" : x == xTest ? "test" : x.rows + " rows") + "@" + gradients);
            return super.accuracy(x, t);
        }
    }

    @Test
    void evaluatesTrainThenTestDataAfterTheUpdateOfIterationsZeroAndEveryIterPerEpoch() {
        Rng rng = new Rng(31);
        int[] tTrain = new int[250], tTest = new int[90];
        Matrix xTrain = blobs(rng, 250, tTrain), xTest = blobs(rng, 90, tTest);
        RecordingNet net = new RecordingNet(rng);
        net.xTrain = xTrain;
        net.xTest = xTest;
        // iter_per_epoch = 250/100 = 2.5 and max_iter = int(2 · 2.5) = 5: of the iterations 0..4 only 0 has
        // i % 2.5 == 0, so the book evaluates once (after the first update), then prints the final test accuracy
        new Trainer(net, xTrain, tTrain, xTest, tTest, rng).epochs(2).miniBatchSize(100).verbose(false).train();
        List<String> evaluations = new ArrayList<>(), losses = new ArrayList<>();
        for (String call : net.calls) {
            (call.startsWith("loss") ? losses : evaluations).add(call);
        }
        assertThat(evaluations).containsExactly("train@1", "test@1", "test@5");
        assertThat(losses).containsExactly("loss(test mode)@1", "loss(test mode)@2", "loss(test mode)@3",
                "loss(test mode)@4", "loss(test mode)@5");
    }

    @Test
    void evaluatesOncePerEpochWhenTheBatchesDivideTheData() {
        Rng rng = new Rng(31);
        int[] tTrain = new int[300], tTest = new int[90];
        Matrix xTrain = blobs(rng, 300, tTrain), xTest = blobs(rng, 90, tTest);
        RecordingNet net = new RecordingNet(rng);
        net.xTrain = xTrain;
        net.xTest = xTest;
        new Trainer(net, xTrain, tTrain, xTest, tTest, rng).epochs(3).miniBatchSize(100).verbose(false).train();
        net.calls.removeIf(call -> call.startsWith("loss"));
        assertThat(net.calls).containsExactly("train@1", "test@1", "train@4", "test@4", "train@7", "test@7",
                "test@9");
    }

    @Test
    void iterationsPerEpochIsTrainSizeOverBatchSizeButAtLeastOne() {
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        assertThat(trainer(300, 5, 100, ignored).iterPerEpoch()).isEqualTo(3.0);
        assertThat(trainer(250, 4, 100, ignored).iterPerEpoch()).isEqualTo(2.5);
        assertThat(trainer(250, 4, 100, ignored).maxIter()).isEqualTo(10);
        assertThat(trainer(50, 5, 100, ignored).iterPerEpoch()).isEqualTo(1.0);
    }

    @Test
    void recordsOneLossPerStepAndBothAccuraciesPerEpoch() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Trainer trainer = trainer(300, 5, 100, buffer);
        double finalAcc = trainer.train();
        assertThat(trainer.trainLossList).hasSize(15);
        assertThat(trainer.currentEpoch()).isEqualTo(5);
        assertThat(trainer.trainAccList).hasSize(5);
        assertThat(trainer.testAccList).hasSize(5);
        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(15 + 5 + 2);                // a loss per step, an epoch line each, the final two
        assertThat(lines[0]).isEqualTo("train loss:" + Py.str(trainer.trainLossList.get(0)));   // as Python's str()
        assertThat(lines[1]).isEqualTo("=== epoch:1, train acc:" + Py.str(trainer.trainAccList.get(0))
                + ", test acc:" + Py.str(trainer.testAccList.get(0)) + " ===");
        assertThat(lines[lines.length - 2]).isEqualTo("=============== Final Test Accuracy ===============");
        assertThat(lines[lines.length - 1]).isEqualTo("test acc:" + Py.str(finalAcc));
    }

    @Test
    void aSmallSeededRunLearnsAndIsRepeatable() {
        Trainer trainer = trainer(300, 10, 30, new ByteArrayOutputStream()).verbose(false);
        double acc = trainer.train();
        assertThat(trainer.trainAccList.get(0)).isLessThan(0.8);
        // the blobs overlap: the best possible accuracy is 0.931 (P(x_t > both other x_k), x_t ~ N(2.5, 1)), and 90
        // test samples scatter it by about ±0.03; chance is 1/3
        assertThat(acc).isGreaterThanOrEqualTo(0.85);
        assertThat(trainer.trainLossList.get(trainer.trainLossList.size() - 1))
                .isLessThan(trainer.trainLossList.get(0) / 3);
        Trainer again = trainer(300, 10, 30, new ByteArrayOutputStream()).verbose(false);
        again.train();
        assertThat(again.trainLossList).isEqualTo(trainer.trainLossList);
    }

    @Test
    void quietRunPrintsNothingAndSampleEvaluationUsesTheFirstRows() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Trainer trainer = trainer(300, 2, 100, buffer).verbose(false).evaluateSampleNumPerEpoch(7);
        trainer.train();
        assertThat(buffer.size()).isZero();
        for (double acc : trainer.trainAccList) {
            assertThat(Math.round(acc * 7 * 1e9) % 1_000_000_000L).as("a multiple of 1/7").isZero();
        }
    }

    @Test
    void optimizerByNameWithItsLearningRate() {
        assertThat(Trainer.newOptimizer("Adam", Map.of("lr", 0.002))).isInstanceOf(dlfs.optimizer.Adam.class);
        assertThat(((dlfs.optimizer.SGD) Trainer.newOptimizer("sgd", Map.of("lr", 0.3))).lr).isEqualTo(0.3);
        assertThatThrownBy(() -> Trainer.newOptimizer("sgd", Map.of("momentum", 0.9)))
                .hasMessageContaining("optimizer parameter 'momentum' is not supported");
    }

    @Test
    void progressLinePerEpochForLongQuietRuns() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        trainer(300, 3, 100, new ByteArrayOutputStream()).verbose(false)
                .progress(new PrintStream(progress, true, StandardCharsets.UTF_8)).train();
        String[] lines = progress.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).startsWith("epoch 3/3, train acc ");
    }

    @Test
    void unknownOptimizerIsRejectedWithTheAllowedNames() {
        assertThatThrownBy(() -> trainer(30, 1, 10, new ByteArrayOutputStream()).optimizer("rmsprop2", Map.of()))
                .hasMessageContaining("no optimizer named 'rmsprop2'").hasMessageContaining("adam");
    }

    @Test
    void aDivergedRunSaysSoUnderItsFinalAccuracy() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Trainer trainer = trainer(90, 1, 30, buffer).optimizer("sgd", Map.of("lr", 1e300));
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            trainer.train();
        } finally {
            System.setErr(err);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("test acc:");
        assertThat(lines.get(lines.size() - 1)).matches("\\(the training diverged at iteration \\d+: every"
                + " prediction is NaN, taken as class 0, so this is the share of label 0, not a result\\)");
        ByteArrayOutputStream healthy = new ByteArrayOutputStream();
        trainer(90, 1, 30, healthy).train();
        assertThat(healthy.toString(StandardCharsets.UTF_8)).doesNotContain("diverged");
    }

    @Test
    void listenersAreToldWhatTheListsRecordAndChangeNothing() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(), heard = new ByteArrayOutputStream();
        Trainer without = trainer(300, 3, 100, plain);
        without.train();
        List<Double> losses = new ArrayList<>(), trainAccs = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        Trainer with = trainer(300, 3, 100, heard).onStep((iter, loss) -> {
            assertThat(iter).isEqualTo(losses.size());
            losses.add(loss);
        }).onEpoch((epoch, trainAcc, testAcc) -> {
            epochs.add(epoch);
            trainAccs.add(trainAcc);
        });
        with.train();
        assertThat(heard.toString(StandardCharsets.UTF_8)).isEqualTo(plain.toString(StandardCharsets.UTF_8));
        assertThat(losses).isEqualTo(with.trainLossList).isEqualTo(without.trainLossList);
        assertThat(trainAccs).isEqualTo(with.trainAccList);
        assertThat(epochs).containsExactly(0, 1, 2);
    }
}
