package dlfs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.Pooling;
import dlfs.layers.Relu;
import dlfs.dataset.MnistSet;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.network.SimpleConvNet.ConvParam;
import dlfs.optimizer.Adam;
import dlfs.testing.GradientAssertions;
import dlfs.testing.RealMnist;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SimpleConvNet (book §7.5): backprop against numbers, the shapes of every step, save/load, the book's weights. */
class SimpleConvNetTest {
    @TempDir
    Path tmp;

    @Test
    void gradientMatchesNumericalGradientWithoutAndWithPadding() {
        // small networks, so that a seed can be found whose ReLU inputs are all at least 1e-3 away from 0 and whose
        // pooled windows have a maximum at least 1e-3 above the rest: the central difference with h = 1e-4 then
        // never straddles a kink, and backprop must match it to 1e-5 (the central difference's own error, h² times
        // the third derivative, reaches about 1e-6 here for b1, whose step moves 36 outputs per image at once)
        int[][] cases = {{1, 6, 6, 2, 3, 0, 1}, {2, 6, 6, 3, 3, 1, 1}};
        for (int[] c : cases) {
            SimpleConvNet net = null;
            Tensor4 x = null;
            for (int seed = 0; net == null || !smooth(net, x); seed++) {
                assertThat(seed).as("a seed with no kink near the data").isLessThan(200);
                Rng rng = new Rng(seed);
                net = new SimpleConvNet(new int[] {c[0], c[1], c[2]}, new ConvParam(c[3], c[4], c[5], c[6]), 5, 10,
                        0.3, rng);
                x = Tensor4.of(rng.rand(2, c[0] * c[1] * c[2]), c[0], c[1], c[2]);
            }
            int[] t = {1, 7};
            SimpleConvNet checked = net;
            Tensor4 images = x;
            Map<String, Matrix> numeric = checked.numericalGradient(images, t);
            Map<String, Matrix> grads = checked.gradient(images, t);
            assertThat(grads.keySet()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
            for (String key : grads.keySet()) {
                assertThat(GradientAssertions.maxRelativeError(grads.get(key), numeric.get(key)))
                        .as("case %s, %s", java.util.Arrays.toString(c), key).isLessThan(1e-5);
            }
        }
    }

    /** No ReLU input within 1e-3 of 0, and every pooled window's maximum, if positive, 1e-3 above the others. */
    private static boolean smooth(SimpleConvNet net, Tensor4 x) {
        Tensor4 conv = ((Convolution) net.layers.get("Conv1")).forward(x);
        for (double[] image : conv.data) {
            for (double v : image) {
                if (Math.abs(v) < 1e-3) {
                    return false;
                }
            }
        }
        for (int n = 0; n < conv.N; n++) {
            for (int ch = 0; ch < conv.C; ch++) {
                for (int h = 0; h + 1 < conv.H; h += 2) {
                    for (int w = 0; w + 1 < conv.W; w += 2) {
                        double[] window = {conv.get(n, ch, h, w), conv.get(n, ch, h, w + 1), conv.get(n, ch, h + 1, w),
                            conv.get(n, ch, h + 1, w + 1)};
                        java.util.Arrays.sort(window);
                        if (window[3] > 0 && window[3] - Math.max(window[2], 0) < 1e-3) {
                            return false;
                        }
                    }
                }
            }
        }
        net.predict(x);
        Matrix h = ((Affine) net.layers.get("Affine1")).forward(pooled(net, x).matrix());
        for (double[] row : h.data) {
            for (double v : row) {
                if (Math.abs(v) < 1e-3) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Pool1's output for x, computed by the network's own layers. */
    private static Tensor4 pooled(SimpleConvNet net, Tensor4 x) {
        Tensor4 conv = ((Convolution) net.layers.get("Conv1")).forward(x);
        Matrix relu = ((Relu) net.layers.get("Relu1")).forward(conv.matrix());
        return ((Pooling) net.layers.get("Pool1")).forward(Tensor4.of(relu, conv.C, conv.H, conv.W));
    }

    @Test
    void theShapesOfEveryStepAreTheBooks() {
        SimpleConvNet net = new SimpleConvNet(new Rng(0));
        assertThat(net.filters().shape()).isEqualTo("30x1x5x5");
        assertThat(net.params.get("W1").shape()).isEqualTo("30x25");            // W1.reshape(FN, -1), same numbers
        assertThat(net.params.get("W2").shape()).isEqualTo("4320x100");
        assertThat(net.params.get("W3").shape()).isEqualTo("100x10");
        Matrix y = net.predict(Tensor4.of(new Rng(1).rand(2, 784), 1, 28, 28));
        assertThat(y.shape()).isEqualTo("2x10");
        assertThat(net.layers.get("Conv1").toString())
                .isEqualTo("Conv1 W 30x1x5x5, b 1x30, stride 1, pad 0; last x 2x1x28x28, col 1152x25;"
                        + " no dx (first layer)");
        assertThat(net.layers.get("Relu1").toString()).startsWith("Relu1; last x 2x17280");    // (2, 30, 24, 24)
        assertThat(net.layers.get("Pool1").toString()).isEqualTo("Pool1 2x2, stride 2, pad 0; last x 2x30x24x24");
        assertThat(net.layers.get("Affine1").toString()).isEqualTo("Affine1 W 4320x100, b 1x100; last x 2x4320");
        assertThat(net.layers.get("Affine2").toString()).isEqualTo("Affine2 W 100x10, b 1x10; last x 2x100");
        assertThat(net).hasToString("SimpleConvNet (1, 28, 28) conv 30x5x5 - relu - pool 2x2 - affine 100 - relu"
                + " - affine 10");
    }

    @Test
    void anUpdateOfParamsW1MovesConv1sFilters() {
        SimpleConvNet net = new SimpleConvNet(new int[] {1, 10, 10}, new ConvParam(10, 3, 0, 1), 10, 10, 0.01,
                new Rng(0));
        double before = net.filters().get(0, 0, 0, 0);
        Matrix x = new Rng(2).rand(2, 100);
        new Adam(0.1).update(net.params(), net.gradient(x, new int[] {3, 4}));
        assertThat(net.filters().get(0, 0, 0, 0)).isEqualTo(net.params.get("W1").data[0][0]).isNotEqualTo(before);
    }

    @Test
    void saveParamsThenLoadParamsGivesTheSameNetwork() {
        Rng rng = new Rng(4);
        SimpleConvNet a = new SimpleConvNet(new int[] {1, 10, 10}, new ConvParam(10, 3, 0, 1), 10, 10, 0.1, rng);
        SimpleConvNet b = new SimpleConvNet(new int[] {1, 10, 10}, new ConvParam(10, 3, 0, 1), 10, 10, 0.1, rng);
        Tensor4 x = Tensor4.of(rng.rand(2, 100), 1, 10, 10);
        assertThat(b.predict(x).data).isNotEqualTo(a.predict(x).data);
        Path file = tmp.resolve("params.pkl");
        a.saveParams(file);
        b.loadParams(file);
        assertThat(b.predict(x).data).isDeepEqualTo(a.predict(x).data);
    }

    @Test
    void loadParamsNamesAKeyOrShapeThatDoesNotFit() {
        SimpleConvNet small = new SimpleConvNet(new int[] {1, 10, 10}, new ConvParam(10, 3, 0, 1), 10, 10, 0.1,
                new Rng(0));
        Path book = ProjectDir.resolve("book/ch07/params.pkl");
        assertThatThrownBy(() -> small.loadParams(book)).isInstanceOf(UserError.class)
                .hasMessage(book + ": 'W1' is (30, 1, 5, 5) but the network's is (10, 1, 3, 3)");
        assertThatThrownBy(() -> new SimpleConvNet(new int[] {1, 27, 27}, ConvParam.BOOK, 100, 10, 0.01, new Rng(0)))
                .hasMessageContaining("not an even whole size");
    }

    @Test
    @Tag("book")
    void theBooksLearnedParametersClassifyMnistAsNumpyDoes() {
        MnistSet test = RealMnist.load().test(), train = RealMnist.load().train();
        SimpleConvNet net = new SimpleConvNet(new Rng(0));
        net.loadParams(ProjectDir.resolve("book/ch07/params.pkl"));
        // printed by numpy after network.load_params("params.pkl"): accuracy(x_test[:1000]), accuracy(x_train[:1000]),
        // and predict(x_test[:3])[0]
        assertThat(net.accuracy(test.images(0, 1000), test.labels(0, 1000))).isEqualTo(0.99);
        assertThat(net.accuracy(train.images(0, 1000), train.labels(0, 1000))).isEqualTo(0.999);
        double[] numpy = {-9.52908997718287, -10.417572835041117, -8.078533515287852, -4.529725469887789,
            -22.763866704744068, -14.207598756763986, -42.16245915632673, 18.490323127393665, -12.657330647291355,
            -10.591462741383195};
        double[] y = net.predict(net.images(test.images(0, 3))).data[0];
        for (int k = 0; k < 10; k++) {
            assertThat(y[k]).as("class %d", k).isCloseTo(numpy[k], within(1e-12 * Math.abs(numpy[k])));
        }
    }

    @Test
    @Tag("book")
    void theFirstStepOfTrainConvnetGivesTheBooksFirstLoss() {
        // trainer.py's first train_step after np.random.seed(0): the script's first line, train loss:2.3002395252453582
        MnistSet train = RealMnist.load().train();
        Rng rng = new Rng(0);
        SimpleConvNet net = new SimpleConvNet(rng);
        int[] batchMask = rng.choice(train.size(), 100);
        Matrix xBatch = train.images(batchMask);
        int[] tBatch = train.labels(batchMask);
        new Adam(0.001).update(net.params(), net.gradient(xBatch, tBatch));
        assertThat(net.loss(xBatch, tBatch)).isCloseTo(2.3002395252453582, within(1e-15));
    }
}
