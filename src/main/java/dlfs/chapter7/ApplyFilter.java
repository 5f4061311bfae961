package dlfs.chapter7;

import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.layers.Convolution;
import dlfs.matrix.Matrix;
import dlfs.matrix.Rng;
import dlfs.matrix.Tensor4;
import dlfs.network.SimpleConvNet;
import dlfs.network.SimpleConvNet.ConvParam;
import dlfs.util.ProjectDir;
import dlfs.util.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The first 16 learned filters of SimpleConvNet's first layer, each applied alone (a Convolution with bias 0) to a
 * grayscale photo: some respond to vertical edges, some to horizontal ones. Book §7.6.1, figure 7-25; port of
 * ch07/apply_filter.py (the Korean repository's, with cactus_gray.png; the Japanese one filters lena_gray.png).
 */
public final class ApplyFilter {
    static final Script SCRIPT = new Script("ApplyFilter", "ch07/apply_filter.py", ApplyFilter::run)
            .book("7.6.1", "7-25")
            .summary("Conv1's first 16 learned filters (the book's params.pkl, or --params params.pkl after"
                    + " train_convnet.py) and what each makes of book/dataset/cactus_gray.png.")
            .figures("apply_filter.png")
            .word("params", FilterShow.BOOK_PARAMS, FilterShow::checkParams, FilterShow.PARAMS_HELP)
            .show();

    static final String IMAGE = "book/dataset/cactus_gray.png";

    private ApplyFilter() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        // the script builds a network only to load into it: its random initial weights are never used
        SimpleConvNet network = new SimpleConvNet(new int[] {1, 28, 28}, new ConvParam(30, 5, 0, 1), 100, 10, 0.01,
                new Rng(0));

        // the learned weights
        network.loadParams(ProjectDir.resolve(options.word("params")));
        Tensor4 W1 = network.filters();
        Tensor4 img = imread(ProjectDir.resolve(IMAGE));                 // img.reshape(1, 1, *img.shape)

        List<double[][]> filters = new ArrayList<>(), outs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Tensor4 w = new Tensor4(new double[][] {W1.data[i].clone()}, W1.C, W1.H, W1.W);   // (1, 1, 5, 5)
            Matrix b = new Matrix(1, 1);                                 // b = 0  # network.params['b1'][i]
            Convolution convLayer = new Convolution(w, b);
            Tensor4 out = convLayer.forward(img);                        // (1, 1, H − 4, W − 4)
            filters.add(FilterShow.channel(W1, i, 0));
            outs.add(halved(FilterShow.channel(out, 0, 0)));
        }
        String caption = "filters 1-16 of " + options.word("params") + ", each applied to " + IMAGE + " (half size)";
        Figures.save(options, "apply_filter", FilterShow.pairs(caption, filters, outs, 4, 8, 8));
    }

    /**
     * matplotlib's imread of an 8-bit grayscale PNG: each pixel v as the float32 v / 255, as a (1, 1, H, W) array.
     */
    static Tensor4 imread(Path png) {
        BufferedImage image;
        try {
            image = Files.isRegularFile(png) ? ImageIO.read(png.toFile()) : null;
        } catch (IOException e) {
            throw new UserError(png + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (image == null || image.getRaster().getNumBands() != 1) {
            throw new UserError(png + ": not found, or not a grayscale PNG");
        }
        Raster raster = image.getRaster();
        Tensor4 img = new Tensor4(1, 1, image.getHeight(), image.getWidth());
        for (int h = 0; h < img.H; h++) {
            for (int w = 0; w < img.W; w++) {
                img.data[0][img.index(0, h, w)] = (double) ((float) raster.getSample(w, h, 0) / 255f);
            }
        }
        return img;
    }

    /** The picture at half its size, each 2×2 block averaged (for the figure only). */
    private static double[][] halved(double[][] p) {
        double[][] half = new double[p.length / 2][p[0].length / 2];
        for (int r = 0; r < half.length; r++) {
            for (int c = 0; c < half[0].length; c++) {
                half[r][c] = (p[2 * r][2 * c] + p[2 * r][2 * c + 1] + p[2 * r + 1][2 * c] + p[2 * r + 1][2 * c + 1]) / 4;
            }
        }
        return half;
    }
}
