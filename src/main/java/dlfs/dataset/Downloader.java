package dlfs.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Fetches one URL into a file, printing progress (bytes and percent) every 10%. Any failure is an IOException saying why. */
final class Downloader {
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final PrintStream out;

    Downloader(PrintStream out) {
        this.out = out;
    }

    /** Writes the body of {@code url} to the new file {@code target}; throws unless it arrived complete. */
    void fetch(String url, Path target) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        http.setInstanceFollowRedirects(true);
        try {
            int status = http.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
            }
            long length = http.getContentLengthLong();   // -1 if the server does not say
            try (InputStream in = http.getInputStream(); OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long got = copy(in, file, length);
                if (length >= 0 && got != length) {
                    throw new IOException("connection closed after " + got + " of " + length + " bytes");
                }
            }
        } finally {
            http.disconnect();
        }
    }

    private long copy(InputStream in, OutputStream file, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long got = 0;
        int nextTenth = 1;   // next progress line at nextTenth·10 %
        long nextUnknown = 1 << 20;
        int n;
        while ((n = in.read(buffer)) > 0) {
            file.write(buffer, 0, n);
            got += n;
            if (length > 0) {
                if (got * 10 >= length * nextTenth) {   // one line per tenth crossed, even if a read crosses several
                    out.println("  " + got + " / " + length + " bytes (" + (got * 100 / length) + "%)");
                    nextTenth = (int) (got * 10 / length) + 1;
                }
            } else if (got >= nextUnknown) {
                out.println("  " + got + " bytes");
                nextUnknown += 1 << 20;
            }
        }
        return got;
    }
}
