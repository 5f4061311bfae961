package dlfs.plot;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.swing.ImageIcon;
import javax.swing.JComponent;
import javax.swing.JLabel;

/**
 * Something {@link PngFiles} saves as a PNG (the book's {@code plt.savefig}): the image, and a description of what
 * it was drawn from, whose hash, the fingerprint, is stored in the PNG. A figure whose file already shows that
 * fingerprint is left alone, so a run on another JDK (whose fonts differ by a few pixels) does not rewrite the
 * committed figures, while new data or options do. The charts describe what their builder was given
 * ({@link Description}); {@link #of} saves an image drawn pixel by pixel.
 */
public interface Figure {
    /** The image as it is saved. */
    BufferedImage image();

    /** What the image was drawn from, as text; the same on every JDK and every run for the same input. */
    String describe();

    /** SHA-256 of {@link #describe()}: what {@link PngFiles} compares with the fingerprint in the PNG. */
    default String fingerprint() {
        return Png.sha256(describe().getBytes(StandardCharsets.UTF_8));
    }

    /** What --show puts in a window (the book's {@code plt.show()}). */
    default JComponent component() {
        return new JLabel(new ImageIcon(image()));
    }

    /** An image drawn pixel by pixel (the book's {@code plt.imshow}); its description is a hash of its pixels. */
    static Figure of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        ByteBuffer pixels = ByteBuffer.allocate(4 * w * h);
        pixels.asIntBuffer().put(image.getRGB(0, 0, w, h, null, 0, w));
        String text = "image " + w + "x" + h + "\npixels " + Png.sha256(pixels.array());
        return new Figure() {
            public BufferedImage image() {
                return image;
            }

            public String describe() {
                return text;
            }
        };
    }
}
