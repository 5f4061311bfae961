package dlfs.plot;

import java.awt.Color;

/**
 * What a figure was given, written line by line as {@code key value value …}: texts in quotes, doubles as their
 * 64 bits in hex (exact, and the same text on every JDK), colours as {@code #aarrggbb}. A figure's fingerprint is
 * the SHA-256 of this text ({@link Figure#fingerprint()}).
 */
final class Description {
    private final StringBuilder text = new StringBuilder();

    /** Starts with what every chart shares: the {@link Style#VERSION} its drawing code is at. */
    Description() {
        put("style", Style.VERSION);
    }

    Description put(String key, Object... values) {
        text.append(key);
        for (Object v : values) {
            text.append(' ');
            if (v instanceof Double d) {
                text.append(Long.toHexString(Double.doubleToLongBits(d)));
            } else if (v instanceof double[] a) {
                for (double x : a) {
                    text.append(Long.toHexString(Double.doubleToLongBits(x))).append(',');
                }
            } else if (v instanceof Color c) {
                text.append(String.format("#%08x", c.getRGB()));
            } else if (v instanceof String s) {
                text.append('\'').append(s).append('\'');
            } else {
                text.append(v);
            }
        }
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
