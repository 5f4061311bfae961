package dlfs.chapter7;

import dlfs.matrix.Tensor4;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's {@code filter_show}, which visualize_filter.py and apply_filter.py both define: grayscale pictures
 * in a grid, each drawn as {@code plt.imshow(…, cmap=plt.cm.gray_r, interpolation='nearest')} draws it, scaled to
 * its own smallest (white) and largest (black) value, one square of {@code scale} pixels per value.
 */
final class FilterShow {
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final int CAPTION_HEIGHT = 26;

    /** The --params default of the two visualizing scripts: the book's learned parameters. */
    static final String BOOK_PARAMS = "book/ch07/params.pkl";
    static final String PARAMS_HELP = "the parameters to load (load_params), relative to the project folder: the"
            + " book's learned ones, or params.pkl after train_convnet.py";

    private FilterShow() {
    }

    static void checkParams(String file) {
        if (!file.endsWith(".pkl")) {
            throw new IllegalArgumentException("give a file name ending in .pkl");
        }
    }

    /** filter_show(filters, nx, show_num): channel 0 of the first showNum filters, in rows of nx. */
    static BufferedImage filterShow(String caption, Tensor4 filters, int nx, int showNum) {
        List<double[][]> pictures = new ArrayList<>();
        for (int i = 0; i < showNum; i++) {
            pictures.add(channel(filters, i, 0));                       // filters[i, 0]
        }
        return grid(caption, pictures, nx, 10, 6);
    }

    /** filters[i, c] as rows of values. */
    static double[][] channel(Tensor4 filters, int i, int c) {
        double[][] picture = new double[filters.H][filters.W];
        for (int h = 0; h < filters.H; h++) {
            for (int w = 0; w < filters.W; w++) {
                picture[h][w] = filters.data[i][filters.index(c, h, w)];
            }
        }
        return picture;
    }

    /** The pictures (each [row][column]) in rows of nx, {@code margin} pixels apart, with a caption above. */
    static BufferedImage grid(String caption, List<double[][]> pictures, int nx, int scale, int margin) {
        int h = pictures.get(0).length * scale, w = pictures.get(0)[0].length * scale;
        int ny = (pictures.size() + nx - 1) / nx;                       // int(np.ceil(FN / nx))
        BufferedImage image = canvas(caption, nx * (w + margin) + margin, CAPTION_HEIGHT + ny * (h + margin) + margin);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < pictures.size(); i++) {
            framed(g, pictures.get(i), margin + (i % nx) * (w + margin), CAPTION_HEIGHT + margin + (i / nx) * (h + margin),
                    scale);
        }
        g.dispose();
        return image;
    }

    /**
     * Each filter (scaled up {@code filterScale} times) beside the picture it gave (at 1 pixel per value), in rows of
     * nx pairs, with a caption above: the two windows of apply_filter.py as one figure, each filter by its output.
     */
    static BufferedImage pairs(String caption, List<double[][]> filters, List<double[][]> pictures, int nx,
                               int filterScale, int margin) {
        int fw = filters.get(0)[0].length * filterScale, fh = filters.get(0).length * filterScale;
        int w = fw + margin / 2 + pictures.get(0)[0].length, h = Math.max(fh, pictures.get(0).length);
        int ny = (pictures.size() + nx - 1) / nx;
        BufferedImage image = canvas(caption, nx * (w + margin) + margin, CAPTION_HEIGHT + ny * (h + margin) + margin);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < pictures.size(); i++) {
            int x0 = margin + (i % nx) * (w + margin), y0 = CAPTION_HEIGHT + margin + (i / nx) * (h + margin);
            framed(g, filters.get(i), x0, y0, filterScale);
            framed(g, pictures.get(i), x0 + fw + margin / 2, y0, 1);
        }
        g.dispose();
        return image;
    }

    /** A white canvas with the caption at its top left. */
    private static BufferedImage canvas(String caption, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(CAPTION);
        g.drawString(caption, 6, CAPTION_HEIGHT - 8);
        g.dispose();
        return image;
    }

    /** A picture drawn by {@link #draw} inside a light gray frame (the axes' frame). */
    private static void framed(Graphics2D g, double[][] picture, int x0, int y0, int scale) {
        draw(g, picture, x0, y0, scale);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x0 - 1, y0 - 1, picture[0].length * scale + 1, picture.length * scale + 1);
    }

    /** Pictures side by side (the two windows of visualize_filter.py as one figure, as the book's figure 7-24). */
    static BufferedImage beside(BufferedImage left, BufferedImage right) {
        BufferedImage image = new BufferedImage(left.getWidth() + right.getWidth(),
                Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        return image;
    }

    /** imshow with gray_r: the smallest value white, the largest black (all white if every value is the same). */
    private static void draw(Graphics2D g, double[][] picture, int x0, int y0, int scale) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : picture) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (int r = 0; r < picture.length; r++) {
            for (int c = 0; c < picture[r].length; c++) {
                double level = max > min ? (picture[r][c] - min) / (max - min) : 0;
                int gray = (int) Math.round(255 * (1 - level));
                g.setColor(new Color(gray, gray, gray));
                g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
            }
        }
    }
}
