package dlfs.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns the frames a live window or an explorer wrote with -Ddlfs.frames=DIR into an animated GIF that loops, with
 * the JDK's own GIF writer (no dependency): each frame shown {@code delayMs}, the last one three times as long,
 * every frame scaled to at most {@code maxWidth} pixels wide. The README's animations are made with it:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dlfs.bench.FramesToGif \
 *     -Dexec.args="/tmp/frames figures/weight_init_compare-live.gif 250 800"
 * </pre>
 */
public final class FramesToGif {
    private FramesToGif() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FramesToGif FRAMES_DIR OUT.gif [delayMs, default 250] [maxWidth, default 800]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]), gif = Path.of(args[1]);
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int maxWidth = args.length > 3 ? Integer.parseInt(args[3]) : 800;
        List<Path> frames;
        try (Stream<Path> files = Files.list(dir)) {
            frames = files.filter(p -> p.getFileName().toString().matches("frame-\\d{5}\\.png")).sorted().toList();
        }
        if (frames.isEmpty()) {
            System.err.println("no frame-NNNNN.png in " + dir);
            System.exit(2);
        }
        Path tmp = gif.resolveSibling(gif.getFileName() + ".tmp");
        write(frames, tmp, delayMs, maxWidth);
        Files.move(tmp, gif, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(gif + ": " + frames.size() + " frames, " + Files.size(gif) / 1024 + " KB");
    }

    private static void write(List<Path> frames, Path out, int delayMs, int maxWidth) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int k = 0; k < frames.size(); k++) {
                BufferedImage image = scaled(ImageIO.read(frames.get(k).toFile()), maxWidth);
                int delay = k == frames.size() - 1 ? 3 * delayMs : delayMs;
                IIOMetadata meta = metadata(writer, param, image, delay, k == 0);
                writer.writeToSequence(new IIOImage(image, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** GIF89a metadata: the frame's delay and, on the first frame, the NETSCAPE2.0 block that loops forever. */
    private static IIOMetadata metadata(ImageWriter writer, ImageWriteParam param, BufferedImage image, int delayMs,
                                        boolean first) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayMs / 10));      // hundredths of a second
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});                        // loop count 0: for ever
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        double scale = Math.min(1, (double) maxWidth / image.getWidth());
        int w = (int) Math.round(image.getWidth() * scale), h = (int) Math.round(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = out.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.drawImage(image, 0, 0, w, h, null);
        } finally {
            g2.dispose();
        }
        return out;
    }
}
