package dlfs.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG bytes that carry a figure's fingerprint in a text chunk (PNG specification §5.3 chunk layout, §11.3.4.3
 * tEXt): keyword {@code dlfs-fingerprint}, text "FINGERPRINT IMAGEHASH", where IMAGEHASH is the SHA-256 of every
 * other chunk (type and data, in order). A file shows its fingerprint only if it is complete and valid (the
 * signature, IHDR first, every CRC right, IEND last and nothing after it) and the image hash still matches, so a
 * file cut short, with pixels edited, or with the chunk copied into another image is drawn again.
 */
final class Png {
    private static final String KEYWORD = "dlfs-fingerprint";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR_END = SIGNATURE.length + 12 + 13;   // an IHDR chunk always holds 13 bytes

    private Png() {
    }

    /** {@code image} as PNG with the fingerprint chunk right after IHDR. */
    static byte[] encode(BufferedImage image, String fingerprint) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(plain)) {   // no cache file in java.io.tmpdir
            ImageIO.write(image, "png", stream);
        }
        byte[] png = plain.toByteArray();
        Chunks chunks = read(png);
        if (chunks == null) {
            throw new IOException("the JDK's PNG writer made an invalid PNG");
        }
        byte[] text = (KEYWORD + "\0" + fingerprint + " " + chunks.imageHash()).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + text.length).put(png, 0, IHDR_END)
                .putInt(text.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(text);
        CRC32 crc = new CRC32();
        crc.update(out.array(), IHDR_END + 4, 4 + text.length);
        return out.putInt((int) crc.getValue()).put(png, IHDR_END, png.length - IHDR_END).array();
    }

    /** Whether {@code png} is a complete, valid PNG that shows {@code fingerprint} and whose image hash matches. */
    static boolean shows(byte[] png, String fingerprint) {
        Chunks chunks = read(png);
        return chunks != null && (fingerprint + " " + chunks.imageHash()).equals(chunks.text());
    }

    /** What reading a PNG found: the fingerprint chunk's text (null if none) and the hash of the other chunks. */
    private record Chunks(String text, String imageHash) {
    }

    /** The chunks of {@code png}, or null if it is not a complete, valid PNG. */
    private static Chunks read(byte[] png) {
        if (png.length < IHDR_END || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(png);
        byte[] prefix = (KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1);
        MessageDigest others = digest();
        String text = null;
        for (int at = SIGNATURE.length; at + 12 <= png.length; ) {      // chunk: length, type, data, CRC
            int length = in.getInt(at);
            if (length < 0 || length > png.length - at - 12) {
                return null;
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + length);
            if ((int) crc.getValue() != in.getInt(at + 8 + length) || (at == SIGNATURE.length) != type.equals("IHDR")) {
                return null;
            }
            if (type.equals("tEXt") && length >= prefix.length
                    && Arrays.equals(png, at + 8, at + 8 + prefix.length, prefix, 0, prefix.length)) {
                if (text != null) {
                    return null;                                        // a second fingerprint: not ours
                }
                text = new String(png, at + 8 + prefix.length, length - prefix.length, StandardCharsets.ISO_8859_1);
            } else {
                others.update(png, at + 4, 4 + length);
            }
            at += 12 + length;
            if (type.equals("IEND")) {
                return at == png.length ? new Chunks(text, hex(others.digest())) : null;
            }
        }
        return null;                                                    // no IEND: cut short
    }

    static String sha256(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);   // every JDK must have it
        }
    }

    private static String hex(byte[] hash) {
        return "sha256:" + HexFormat.of().formatHex(hash);      // lower-case hex digits
    }
}
