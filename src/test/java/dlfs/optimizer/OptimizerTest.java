package dlfs.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dlfs.matrix.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The update rules of book §6.1 on f(x, y) = x²/20 + y² from (−7, 2), where ∂f/∂x = x/10 and ∂f/∂y = 2y,
 * so the first gradient is (−0.7, 4). Expected values are worked out by hand below and agree with
 * src/test/resources/reference/optimizer_steps.py (the book's common/optimizer.py run with numpy).
 */
class OptimizerTest {
    /** params {"x", "y"} at (x, y), 1×1 each, as optimizer_compare_naive.py's dict. */
    private static Map<String, Matrix> at(double x, double y) {
        Map<String, Matrix> params = new LinkedHashMap<>();
        params.put("x", Matrix.row(x));
        params.put("y", Matrix.row(y));
        return params;
    }

    /** One update from the current params with the gradient of f there; returns params for chaining. */
    private static Map<String, Matrix> step(Optimizer optimizer, Map<String, Matrix> params) {
        double x = params.get("x").data[0][0], y = params.get("y").data[0][0];
        optimizer.update(params, at(x / 10.0, 2.0 * y));
        return params;
    }

    private static void assertAt(Map<String, Matrix> params, double x, double y, double tol) {
        assertThat(params.get("x").data[0][0]).as("x").isCloseTo(x, within(tol));
        assertThat(params.get("y").data[0][0]).as("y").isCloseTo(y, within(tol));
    }

    @Test
    void oneStepOfSgd() {
        // (−7, 2) − 0.95·(−0.7, 4) = (−7 + 0.665, 2 − 3.8)
        assertAt(step(new SGD(0.95), at(-7, 2)), -6.335, -1.8, 1e-12);
    }

    @Test
    void oneStepOfMomentum() {
        // v = 0.9·0 − 0.1·(−0.7, 4) = (0.07, −0.4); W + v
        assertAt(step(new Momentum(0.1), at(-7, 2)), -6.93, 1.6, 1e-12);
    }

    @Test
    void twoStepsOfNesterovMoveWithTheOldVelocity() {
        // step 1, v = 0: x = −7 + 0.81·0 − 1.9·0.1·(−0.7) = −6.867;  y = 2 − 1.9·0.1·4 = 1.24
        //         then v = 0.9·0 − 0.1·(−0.7, 4) = (0.07, −0.4)
        // step 2, g = (−0.6867, 2.48): x = −6.867 + 0.81·0.07 + 0.19·0.6867 = −6.867 + 0.0567 + 0.130473 = −6.679827
        //                              y = 1.24 − 0.81·0.4 − 0.19·2.48 = 1.24 − 0.324 − 0.4712 = 0.4448
        // (the older order, v first, would give (−6.8103, 0.916) after step 1)
        Nesterov nesterov = new Nesterov(0.1);
        Map<String, Matrix> params = step(nesterov, at(-7, 2));
        assertAt(params, -6.867, 1.24, 1e-12);
        assertAt(step(nesterov, params), -6.679827, 0.4448, 1e-12);
    }

    @Test
    void everyRuleGivesNumpysDoublesOnA4x16Parameter() throws IOException {
        // W0[k] = ((k·7919) mod 1013 − 506) / 7, gradient W/10, three updates; optimizer_steps.py wrote numpy's
        // results to optimizer_matrix_steps.txt. 64 different values make a rearranged expression show.
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", new SGD(0.95));
        optimizers.put("Momentum", new Momentum(0.1));
        optimizers.put("Nesterov", new Nesterov(0.1));
        optimizers.put("AdaGrad", new AdaGrad(1.5));
        optimizers.put("RMSprop", new RMSprop(0.1));
        optimizers.put("Adam", new Adam(0.3));
        Map<String, String[]> numpy = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/reference/optimizer_matrix_steps.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.trim().split(" ");
                numpy.put(words[0], Arrays.copyOfRange(words, 1, words.length));
            }
        }
        assertThat(numpy.keySet()).containsExactlyElementsOf(optimizers.keySet());
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            Matrix W = new Matrix(4, 16);
            for (int k = 0; k < 64; k++) {
                W.data[k / 16][k % 16] = ((k * 7919) % 1013 - 506) / 7.0;
            }
            Map<String, Matrix> params = new LinkedHashMap<>();
            params.put("W1", W);
            for (int step = 0; step < 3; step++) {
                Matrix dW = new Matrix(4, 16);
                for (int k = 0; k < 64; k++) {
                    dW.data[k / 16][k % 16] = W.data[k / 16][k % 16] / 10.0;    // params['W1'] / 10.0
                }
                e.getValue().update(params, Map.of("W1", dW));
            }
            for (int k = 0; k < 64; k++) {
                assertThat(W.data[k / 16][k % 16]).as("%s W[%d][%d]", e.getKey(), k / 16, k % 16)
                        .isEqualTo(Double.parseDouble(numpy.get(e.getKey())[k]));
            }
        }
    }

    @Test
    void theSecondUpdateUsesTheStateOfTheFirst() {
        // Momentum: from (−6.93, 1.6), g = (−0.693, 3.2); v = 0.9·(0.07, −0.4) − 0.1·g = (0.1323, −0.68)
        // → (−6.7977, 0.92); a fresh optimizer from the same point would give (−6.8607, 1.28)
        Momentum momentum = new Momentum(0.1);
        assertAt(step(momentum, step(momentum, at(-7, 2))), -6.7977, 0.92, 1e-12);
        assertAt(step(new Momentum(0.1), at(-6.93, 1.6)), -6.8607, 1.28, 1e-12);

        // AdaGrad: from (−5.5000002, 0.50000004), g ≈ (−0.55, 1.0); h = (0.49 + 0.3025, 16 + 1) ≈ (0.7925, 17)
        // x ≈ −5.5 + 1.5·0.55/√0.7925 = −5.5 + 0.926732 = −4.573268;  y ≈ 0.5 − 1.5·1/√17 = 0.5 − 0.363803 = 0.136197
        AdaGrad adaGrad = new AdaGrad(1.5);
        assertAt(step(adaGrad, step(adaGrad, at(-7, 2))), -4.573268, 0.136197, 1e-5);

        // RMSprop: from (−6.0000014, 1.00000025), g ≈ (−0.6, 2); h = 0.99·(0.0049, 0.16) + 0.01·(0.36, 4)
        // = (0.008451, 0.1984); x ≈ −6 + 0.1·0.6/√0.008451 = −6 + 0.652673 = −5.347327;
        // y ≈ 1 − 0.1·2/√0.1984 = 1 − 0.449013 = 0.550987
        RMSprop rmsprop = new RMSprop(0.1);
        assertAt(step(rmsprop, step(rmsprop, at(-7, 2))), -5.347327, 0.550987, 1e-5);

        // Adam: from (−6.7000014, 1.7000002), g = (−0.67, 3.4); m = 0.9·(−0.07, 0.4) + 0.1·g = (−0.13, 0.7)
        // v = 0.999·(0.00049, 0.016) + 0.001·(0.4489, 11.56) = (0.00093841, 0.027544)
        // lr_t = 0.3·√(1 − 0.999²)/(1 − 0.9²) = 0.3·0.0447102/0.19 = 0.0705951
        // x ≈ −6.7000014 + 0.0705951·0.13/0.0306335 = −6.400417; y ≈ 1.7000002 − 0.0705951·0.7/0.165964 = 1.402246
        Adam adam = new Adam(0.3);
        assertAt(step(adam, step(adam, at(-7, 2))), -6.400417, 1.402246, 1e-5);
        assertThat(adam.iter()).isEqualTo(2);
    }

    @Test
    void twoInstancesNeverShareState() {
        for (String name : new String[] {"momentum", "nesterov", "adagrad", "rmsprop", "adam"}) {
            Optimizer used = Optimizer.create(name, 0.1);
            step(used, at(-7, 2));
            step(used, at(-7, 2));
            Map<String, Matrix> fresh = step(Optimizer.create(name, 0.1), at(-7, 2));
            Map<String, Matrix> alone = step(Optimizer.create(name, 0.1), at(-7, 2));
            assertThat(fresh.get("x").data[0][0]).as(name).isEqualTo(alone.get("x").data[0][0]);
            assertThat(fresh.get("y").data[0][0]).as(name).isEqualTo(alone.get("y").data[0][0]);
        }
    }

    @Test
    void stateIsKeptPerParameterKey() {
        // Momentum keeps v["x"] and v["y"] apart: after one update of "x" alone, a first update of "y" with
        // the same gradient moves "y" exactly as a fresh optimizer's first step would.
        Momentum momentum = new Momentum(0.1);
        Map<String, Matrix> x = new LinkedHashMap<>();
        x.put("x", Matrix.row(1.0));
        momentum.update(x, Map.of("x", Matrix.row(1.0)));
        Map<String, Matrix> y = new LinkedHashMap<>();
        y.put("y", Matrix.row(1.0));
        momentum.update(y, Map.of("y", Matrix.row(1.0)));
        assertThat(y.get("y").data[0][0]).isCloseTo(0.9, within(1e-15));   // 1 − 0.1·1, no velocity carried over
        momentum.update(x, Map.of("x", Matrix.row(1.0)));
        assertThat(x.get("x").data[0][0]).isCloseTo(0.9 - 0.19, within(1e-15));   // v = 0.9·(−0.1) − 0.1
    }

    @Test
    void everyOptimizerUpdatesEveryElementOfAMatrixParameter() {
        for (String name : new String[] {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}) {
            Matrix W = Matrix.of(new double[][] {{1, -2, 3}, {0.5, 0, -1}});
            Matrix dW = Matrix.of(new double[][] {{0.1, -0.2, 0.3}, {1, 2, -3}});
            Map<String, Matrix> params = new LinkedHashMap<>();
            params.put("W1", W);
            Optimizer.create(name).update(params, Map.of("W1", dW));
            assertThat(params.get("W1")).as(name).isSameAs(W);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    double before = new double[][] {{1, -2, 3}, {0.5, 0, -1}}[i][j];
                    // every rule moves against the sign of the gradient on its first step
                    assertThat(Math.signum(W.data[i][j] - before)).as("%s W[%d][%d]", name, i, j)
                            .isEqualTo(-Math.signum(dW.data[i][j]));
                }
            }
        }
    }

    @Test
    void theBooksDefaults() {
        assertThat(new SGD().lr).isEqualTo(0.01);
        assertThat(new Momentum().lr).isEqualTo(0.01);
        assertThat(new Momentum().momentum).isEqualTo(0.9);
        assertThat(new Nesterov().lr).isEqualTo(0.01);
        assertThat(new Nesterov().momentum).isEqualTo(0.9);
        assertThat(new AdaGrad().lr).isEqualTo(0.01);
        assertThat(new RMSprop().lr).isEqualTo(0.01);
        assertThat(new RMSprop().decayRate).isEqualTo(0.99);
        assertThat(new Adam().lr).isEqualTo(0.001);
        assertThat(new Adam().beta1).isEqualTo(0.9);
        assertThat(new Adam().beta2).isEqualTo(0.999);
    }

    @Test
    void createByName() {
        assertThat(Optimizer.create("sgd", 0.5)).isInstanceOf(SGD.class).hasToString("SGD(lr=0.5)");
        assertThat(Optimizer.create("Momentum", 0.5)).isInstanceOf(Momentum.class);
        assertThat(Optimizer.create("nesterov", 0.5)).isInstanceOf(Nesterov.class);
        assertThat(Optimizer.create("AdaGrad", 0.5)).isInstanceOf(AdaGrad.class);
        assertThat(Optimizer.create("rmsprop", 0.5)).isInstanceOf(RMSprop.class);
        assertThat(Optimizer.create("rmsprpo", 0.5)).isInstanceOf(RMSprop.class);   // trainer.py's spelling
        assertThat(Optimizer.create("ADAM", 0.5)).isInstanceOf(Adam.class);
        assertThat(((Adam) Optimizer.create("adam")).lr).isEqualTo(0.001);
        assertThat(((SGD) Optimizer.create("sgd")).lr).isEqualTo(0.01);
        assertThat(Optimizer.create("sgd")).isNotSameAs(Optimizer.create("sgd"));
        assertThatThrownBy(() -> Optimizer.create("adadelta", 0.1))
                .hasMessage("Optimizer.create: no optimizer named 'adadelta' (choose from sgd, momentum, nesterov,"
                        + " adagrad, rmsprop, adam)");
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Adam(0)).hasMessage("Adam: lr=0.0 must be a finite number > 0");
        assertThatThrownBy(() -> new Momentum(0.1, 1.0)).hasMessage("Momentum: momentum=1.0 must be in [0, 1)");
        assertThatThrownBy(() -> new RMSprop(0.1, -0.5)).hasMessage("RMSprop: decayRate=-0.5 must be in [0, 1)");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, Double.NaN)).hasMessage("Adam: beta2=NaN must be in [0, 1)");
        assertThatThrownBy(() -> new AdaGrad(Double.POSITIVE_INFINITY))
                .hasMessage("AdaGrad: lr=Infinity must be a finite number > 0");
    }

    @Test
    void missingOrMisshapedGradientsAreRefused() {
        Map<String, Matrix> params = at(1, 2);
        assertThatThrownBy(() -> new AdaGrad().update(params, Map.of("x", Matrix.row(1.0))))
                .hasMessage("AdaGrad.update: no gradient for parameter 'y' (grads has [x])");
        Map<String, Matrix> W = new LinkedHashMap<>();
        W.put("W1", new Matrix(2, 3));
        assertThatThrownBy(() -> new Adam().update(W, Map.of("W1", new Matrix(3, 2))))
                .hasMessage("Adam.update: parameter 'W1' is 2x3 but its gradient is 3x2 (they must be equal)");
    }

    @Test
    void aParameterThatChangesShapeUnderTheSameKeyIsRefused() {
        Momentum momentum = new Momentum();
        Map<String, Matrix> W = new LinkedHashMap<>();
        W.put("W1", new Matrix(2, 3));
        momentum.update(W, Map.of("W1", new Matrix(2, 3)));
        W.put("W1", new Matrix(4, 3));
        assertThatThrownBy(() -> momentum.update(W, Map.of("W1", new Matrix(4, 3))))
                .hasMessage("Momentum.update: parameter 'W1' is 4x3 but was 2x3 when v was created"
                        + " (use a new optimizer for a new network)");
    }
}
