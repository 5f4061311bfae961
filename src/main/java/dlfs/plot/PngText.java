package dlfs.plot;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A PNG with one text entry (a tEXt chunk: keyword and Latin-1 text, PNG specification §11.3.4.3): written
 * through ImageIO's PNG metadata, read back by walking the chunks up to the image data, so reading never decodes
 * pixels.
 */
final class PngText {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngText() {
    }

    /** Encodes {@code image} as PNG into {@code out} with the text entry keyword = value. */
    static void write(BufferedImage image, String keyword, String value, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {   // no cache file in java.io.tmpdir
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("value", value);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(text);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The text stored under {@code keyword} before the image data, or null if none, no file or not a PNG. */
    static String read(Path png, String keyword) {
        if (!Files.isRegularFile(png)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(png)) {
            return read(new DataInputStream(in), keyword);
        } catch (IOException e) {
            return null;                                   // unreadable: treated as "no fingerprint", so rewritten
        }
    }

    private static String read(DataInputStream in, String keyword) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            return null;
        }
        byte[] prefix = (keyword + "\0").getBytes(StandardCharsets.ISO_8859_1);
        while (true) {
            int length = in.readInt();                     // chunk: length, type, data, CRC
            String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
            if (length < 0 || type.equals("IDAT") || type.equals("IEND")) {
                return null;
            }
            if (type.equals("tEXt") && length <= 1 << 16) {
                byte[] data = new byte[length];
                in.readFully(data);
                if (data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix)) {
                    return new String(data, prefix.length, data.length - prefix.length, StandardCharsets.ISO_8859_1);
                }
            } else {
                skip(in, length);
            }
            skip(in, 4);                                   // CRC
        }
    }

    private static void skip(DataInputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                throw new EOFException();
            }
            n -= skipped;
        }
    }
}
