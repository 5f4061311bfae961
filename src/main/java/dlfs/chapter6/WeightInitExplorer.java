package dlfs.chapter6;

import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.network.Activation;
import dlfs.network.WeightInit;
import dlfs.window.Controls;
import dlfs.window.Explorer;
import dlfs.plot.Figure;
import java.util.List;

/**
 * weight_init_activation_histogram.py with controls: the reader picks the activation, drags the initial weights'
 * standard deviation (or picks Xavier or He), the number of layers, the nodes per layer and the seed, and the
 * layers' histograms and their mean |dW| are drawn again at once. Beyond the book; §6.2.2-6.2.3, figures 6-10 to
 * 6-14, whose seven settings are buttons. For those settings (5 layers of 100 nodes, seed 0) the histograms are
 * exactly weight_init_activation_histogram.py's. The gradients come from one backward pass from a softmax-with-loss head
 * on random labels: the script's data has no labels, so this shows how the gradient's size changes from layer to
 * layer, not a training signal.
 */
public final class WeightInitExplorer {
    static final Script SCRIPT = new Script("WeightInitExplorer", null, WeightInitExplorer::run)
            .book("6.2.2-6.2.3", "6-10 to 6-14")
            .summary("A window where you change the activation, the initial weights (a standard deviation from 0.001"
                    + " to 10, Xavier, He), the layers and nodes, and see each layer's activation histogram and mean"
                    + " |dW| (one backward pass from a softmax-with-loss head on random labels) drawn again at once;"
                    + " buttons for the book's seven settings. Prints the numbers for the settings it starts with;"
                    + " --show opens the window; -Ddlfs.frames=DIR writes it as a PNG, also without a display.")
            .seed()
            .word("activation", "sigmoid", Activation::parse, "sigmoid, tanh or relu")
            .word("init", "std=1", WeightInitExplorer::parseInit, "a standard deviation from 0.001 to 10 (std=0.01),"
                    + " xavier or he")
            .number("layers", 5, 1, 10, "hidden_layer_size")
            .number("nodes", 100, 10, 500, "node_num: nodes in each layer, and the inputs' width")
            .flag("show", "open the explorer's window (without it, only the numbers for the settings given are"
                    + " printed, so that running section 6.2 or the whole chapter does not stop at a window)");

    /** The initial weights as the controls offer them: σ from the slider, Xavier or He. */
    enum Init {
        STD("σ (slider)"), XAVIER("Xavier"), HE("He");

        private final String label;

        Init(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the controls set; σ stays where the slider left it while Xavier or He is chosen. */
    record Settings(Activation activation, Init init, double std, int layers, int nodes, long seed) {
        WeightInit weightInit() {
            return switch (init) {
                case STD -> WeightInit.std(std);
                case XAVIER -> WeightInit.XAVIER;
                case HE -> WeightInit.HE;
            };
        }

        Settings with(Activation a) {
            return new Settings(a, init, std, layers, nodes, seed);
        }

        Settings with(Init i) {
            return new Settings(activation, i, std, layers, nodes, seed);
        }

        /** Moving the slider chooses σ. */
        Settings withStd(double s) {
            return new Settings(activation, Init.STD, s, layers, nodes, seed);
        }

        Settings withLayers(int l) {
            return new Settings(activation, init, std, l, nodes, seed);
        }

        Settings withNodes(long n) {
            return new Settings(activation, init, std, layers, (int) n, seed);
        }

        Settings withSeed(long s) {
            return new Settings(activation, init, std, layers, nodes, s);
        }

        /** One of the book's settings: its activation and weights, 5 layers of 100 nodes; the seed stays. */
        Settings book(ActivationHistograms.Setting s) {
            Init i = s.init() instanceof WeightInit.Xavier ? Init.XAVIER : s.init() instanceof WeightInit.He ? Init.HE
                    : Init.STD;
            return new Settings(s.activation(), i, i == Init.STD ? s.init().scale(100) : std, 5, 100, seed);
        }

        ActivationHistograms.Probe probe() {
            return ActivationHistograms.Probe.run(new ActivationHistograms.Setting(activation, weightInit()), layers,
                    nodes, seed);
        }
    }

    /** The book's figure for each of ActivationHistograms.SETTINGS, for the buttons. */
    private static final List<String> BOOK_FIGURES = List.of("6-10", "6-11", "6-13", "§6.2.2 tanh", "6-14 top",
            "6-14 middle", "6-14 bottom");

    private WeightInitExplorer() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Settings start = settings(options);

        ActivationHistograms.Probe probe = start.probe();             // the numbers behind the first picture
        for (int i = 0; i < probe.layers().size(); i++) {
            System.out.println(probe.layers().get(i).line(probe.setting().label(), i + 1));
        }
        System.out.println(probe.gradientLine());

        Explorer<Settings> explorer = new Explorer<>("WeightInitExplorer: initial weights and activations (§6.2)",
                start, WeightInitExplorer::figure, WeightInitExplorer::controls);
        if (options.flag("show") || Figures.framesWanted()) {
            Figures.explore(explorer);
        } else {
            System.err.println("WeightInitExplorer --show opens the window with its controls");
        }
    }

    /** The settings the options give. */
    private static Settings settings(Options options) {
        WeightInit init = WeightInit.parse(options.word("init"));
        Settings start = new Settings(Activation.parse(options.word("activation")), Init.STD, 1, options.number("layers"),
                options.number("nodes"), options.seed());
        return init instanceof WeightInit.Std s ? start.withStd(s.std())
                : start.with(init instanceof WeightInit.Xavier ? Init.XAVIER : Init.HE);
    }

    static Figure figure(Settings s) {
        return s.probe().figure();
    }

    /** What the window draws for the settings these options give ({@code "--activation", "relu"}), e.g. to time it. */
    public static Figure figure(String... args) {
        return figure(settings(SCRIPT.parse(args)));
    }

    /** The controls down the window's left side (on the event thread). */
    static void controls(Controls<Settings> c) {
        c.heading("Network");
        c.choice("activation", Activation.values(), Settings::activation, Settings::with);
        c.choice("initial weights", Init.values(), Settings::init, Settings::with);
        c.logSlider("σ", 0.001, 10, Settings::std, Settings::withStd);
        c.slider("layers", 1, 10, Settings::layers, Settings::withLayers);
        c.number("nodes per layer", 10, 500, 10, s -> (long) s.nodes(), Settings::withNodes);
        c.number("seed", 0, 4_294_967_295L, 1, Settings::seed, Settings::withSeed);
        c.heading("The book's settings");
        for (int i = 0; i < ActivationHistograms.SETTINGS.size(); i++) {
            ActivationHistograms.Setting book = ActivationHistograms.SETTINGS.get(i);
            c.button(BOOK_FIGURES.get(i) + ": " + book.label(), s -> s.book(book));
        }
    }

    /** --init: as WeightInit.parse, within what the σ slider covers. */
    private static void parseInit(String word) {
        WeightInit init = WeightInit.parse(word);
        if (init instanceof WeightInit.Zero || init instanceof WeightInit.Std s && !(s.std() >= 0.001 && s.std() <= 10)) {
            throw new IllegalArgumentException("give a standard deviation from 0.001 to 10 (the slider's range),"
                    + " xavier or he");
        }
    }
}
