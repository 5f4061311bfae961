package dlfs.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches one {@code http}, {@code https} or {@code file} URL into a new file, following redirects itself (http to
 * https included, at most 5), printing progress and abandoning a source that makes no progress. Each failure is
 * an IOException worded here from what is known (URL, bytes expected and received), not by the JDK underneath,
 * so the messages are the same on every JDK.
 */
final class Downloader {
    static final int MAX_REDIRECTS = 5;
    /** No progress: less than 1 KiB within the stall window (at that rate the 9.7 MB of training images take 3 days). */
    static final long MIN_PROGRESS = 1024;

    final PrintStream out;
    private final Duration stall;      // how long a source may go without progress
    private final Duration progress;   // how often to print how far it got
    private HttpClient client;         // made on the first http(s) request

    Downloader(PrintStream out, Duration stall, Duration progress) {
        this.out = out;
        this.stall = stall;
        this.progress = progress;
    }

    /** A gzip of {@code size} bytes is at most this long: deflate adds 5 bytes per 64 KiB block, gzip a header and trailer. */
    static long maxGzipBytes(long size) {
        return size + size / 100 + 65536;
    }

    /** A response body or a local file, and its length (-1 if not announced). Closing {@code in} aborts a read. */
    private record Body(InputStream in, long length) {
    }

    /** Writes what {@code url} holds into {@code target} (a new file; its folder is created), at most {@code maxBytes}. */
    void fetch(String url, Path target, long maxBytes) throws IOException {
        Body body;
        try {
            body = open(URI.create(url), 0);
        } catch (IllegalArgumentException e) {   // from URI.create, URI.resolve, Path.of or HttpRequest
            throw new IOException("not a valid URL for downloading, or redirected to one");
        }
        try (InputStream in = body.in()) {
            Files.createDirectories(target.getParent());
            try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                copy(body, file, maxBytes);
            }
        }
    }

    /** Opens {@code uri}, reached after {@code redirects} redirects; a failure after a redirect names where it led. */
    private Body open(URI uri, int redirects) throws IOException {
        String via = redirects == 0 ? "" : "redirected to " + uri + ": ";
        if ("file".equals(uri.getScheme())) {
            Path path = Path.of(uri);
            if (!Files.isRegularFile(path)) {
                throw new IOException(via + "no such file " + path);
            }
            return new Body(Files.newInputStream(path), Files.size(path));
        }
        HttpResponse<InputStream> response = send(uri, via);
        int status = response.statusCode();
        if (status == 200) {
            return new Body(response.body(), response.headers().firstValueAsLong("Content-Length").orElse(-1));
        }
        response.body().close();
        String location = response.headers().firstValue("Location").orElse(null);
        if (status / 100 != 3 || location == null) {
            throw new IOException(via + "HTTP status " + status);
        }
        if (redirects == MAX_REDIRECTS) {
            throw new IOException("more than " + MAX_REDIRECTS + " redirects, the last to " + location);
        }
        URI next = uri.resolve(location);   // any scheme: HttpURLConnection would stop at http to https
        out.println("  redirected to " + next);
        return open(next, redirects + 1);
    }

    private HttpResponse<InputStream> send(URI uri, String via) throws IOException {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IOException(via + "not an http, https or file URL");
        }
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(stall)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        try {   // the request timeout covers the wait for the response headers
            return client.send(HttpRequest.newBuilder(uri).timeout(stall).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(via + "no answer from " + host + " within " + stall.toSeconds() + " s");
        } catch (IOException e) {
            String what = e instanceof ConnectException ? "cannot connect to " : "no response from ";
            throw new IOException(via + what + host + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(via + "interrupted while connecting to " + host);
        }
    }

    /** Copies the body while a watchdog prints progress and closes the body if it stalls; then checks the length. */
    private void copy(Body body, OutputStream file, long maxBytes) throws IOException {
        AtomicLong got = new AtomicLong();
        AtomicBoolean stalled = new AtomicBoolean();
        Thread watchdog = new Thread(() -> watch(body, got, stalled), "MNIST download watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        byte[] buffer = new byte[1 << 16];
        int n;
        try {
            while ((n = readOrFail(body.in(), buffer)) >= 0) {
                if (got.addAndGet(n) > maxBytes) {
                    throw new IOException("more than the " + maxBytes + " bytes a gzip of this file can take; abandoned");
                }
                file.write(buffer, 0, n);
            }
        } finally {
            watchdog.interrupt();
            try {
                watchdog.join();   // so its last progress line comes before ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long length = body.length();
        if (n == -1 && (length < 0 || got.get() == length)) {
            out.println(progressText(got.get(), length));
        } else if (stalled.get()) {
            throw new IOException("no progress for " + stall.toSeconds() + " s (less than " + MIN_PROGRESS + " bytes), "
                    + progressText(got.get(), length).strip() + "; abandoned");
        } else {
            throw new IOException("connection closed after " + got.get() + (length < 0 ? "" : " of " + length) + " bytes");
        }
    }

    /** The number of bytes read, -1 at the end, -2 if the read failed (JDKs word that differently: copy words it). */
    private static int readOrFail(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -2;
        }
    }

    /** Prints progress every {@code progress}; closes the body when less than MIN_PROGRESS bytes came within {@code stall}. */
    private void watch(Body body, AtomicLong got, AtomicBoolean stalled) {
        long windowStart = System.nanoTime();
        long windowBytes = 0;
        long printed = windowStart;
        try {
            while (true) {
                Thread.sleep(Math.max(1, Math.min(stall.toMillis(), progress.toMillis()) / 10));
                long now = System.nanoTime();
                if (now - printed >= progress.toNanos()) {
                    out.println(progressText(got.get(), body.length()));
                    printed = now;
                }
                if (got.get() - windowBytes >= MIN_PROGRESS) {
                    windowStart = now;
                    windowBytes = got.get();
                } else if (now - windowStart >= stall.toNanos()) {
                    stalled.set(true);
                    body.in().close();   // wakes the blocked read; copy then reports the stall
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // the download ended (or closing failed, and the read ends by the socket's own timeout)
        }
    }

    private static String progressText(long got, long length) {
        return length <= 0 ? "  " + got + " bytes" : "  " + got + " / " + length + " bytes (" + got * 100 / length + "%)";
    }
}
