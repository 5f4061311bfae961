package dlfs.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Figures of different sizes drawn next to each other, left to right, top-aligned on white: e.g. a row of
 * histograms beside a chart of the same layers' gradients. Each keeps its own size (a {@link ChartGrid} makes
 * all its panels the same size).
 */
public final class SideBySide implements Figure {
    private final List<Figure> figures;

    public SideBySide(Figure... figures) {
        if (figures.length == 0) {
            throw new IllegalArgumentException("SideBySide: no figures given");
        }
        this.figures = List.of(figures);
    }

    @Override
    public BufferedImage image() {
        List<BufferedImage> images = figures.stream().map(Figure::image).toList();
        int width = 0, height = 0;
        for (BufferedImage i : images) {
            width += i.getWidth();
            height = Math.max(height, i.getHeight());
        }
        BufferedImage row = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = row.createGraphics();
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage i : images) {
            g2.drawImage(i, x, 0, null);
            x += i.getWidth();
        }
        g2.dispose();
        return row;
    }

    @Override
    public String describe() {
        StringBuilder d = new StringBuilder("SideBySide " + figures.size() + "\n");
        for (Figure f : figures) {
            d.append(f.describe());
        }
        return d.toString();
    }
}
