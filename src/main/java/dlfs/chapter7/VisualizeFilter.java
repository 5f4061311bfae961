package dlfs.chapter7;

import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.matrix.Rng;
import dlfs.network.SimpleConvNet;
import dlfs.util.ProjectDir;
import java.awt.image.BufferedImage;

/**
 * The 30 filters (5×5) of SimpleConvNet's first layer before learning (random) and after (the book's learned
 * parameters, or those train_convnet.py saved). Book §7.6.1, figure 7-24; port of ch07/visualize_filter.py.
 */
public final class VisualizeFilter {
    static final Script SCRIPT = new Script("VisualizeFilter", "ch07/visualize_filter.py", VisualizeFilter::run)
            .book("7.6.1", "7-24")
            .page(Edition.KOREAN_FIRST, "254")
            .summary("Conv1's 30 filters as 5x5 grayscale pictures: at random initialisation, and as learned (the"
                    + " book's params.pkl, or with --params params.pkl the one train_convnet.py saved).")
            .figures("visualize_filter.png")
            .seed()
            .word("params", FilterShow.BOOK_PARAMS, FilterShow::checkParams, FilterShow.PARAMS_HELP)
            .show();

    private VisualizeFilter() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        Rng rng = new Rng(options.seed());                              // the script draws without a seed; we seed
        SimpleConvNet network = new SimpleConvNet(rng);
        // the weights after random initialisation
        BufferedImage before = FilterShow.filterShow("before learning (random, seed " + options.seed() + ")",
                network.filters(), 8, network.filters().N);

        // the learned weights
        network.loadParams(ProjectDir.resolve(options.word("params")));
        BufferedImage after = FilterShow.filterShow("after learning (" + options.word("params") + ")",
                network.filters(), 8, network.filters().N);

        Figures.save(options, "visualize_filter", FilterShow.beside(before, after));
    }
}
