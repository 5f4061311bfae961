package dlfs.window;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * Shows the latest image drawn off the event thread (a live chart, an explorer's figure), scaled down to fit the
 * component if it is smaller, never up. Only the event thread calls it.
 */
final class ImageView extends JComponent {
    private BufferedImage image;

    ImageView(int width, int height) {
        setPreferredSize(new Dimension(width, height));
        setOpaque(true);
    }

    void show(BufferedImage next) {
        image = next;
        repaint();
    }

    BufferedImage image() {
        return image;
    }

    @Override
    protected void paintComponent(Graphics g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (image == null) {
            return;
        }
        double scale = Math.min(1, Math.min((double) getWidth() / image.getWidth(),
                (double) getHeight() / image.getHeight()));
        int w = (int) Math.round(image.getWidth() * scale), h = (int) Math.round(image.getHeight() * scale);
        Graphics2D g2 = (Graphics2D) g;
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
    }
}
