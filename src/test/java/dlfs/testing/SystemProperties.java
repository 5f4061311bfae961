package dlfs.testing;

/** For tests that set a system property ({@code dlfs.figures}, {@code dlfs.threads}, …) and must put it back. */
public final class SystemProperties {
    private SystemProperties() {
    }

    /** Gives {@code key} its earlier value again: sets it to {@code value}, or clears it if value is null. */
    public static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
