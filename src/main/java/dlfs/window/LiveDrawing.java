package dlfs.window;

import dlfs.plot.Figure;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The drawing side of a {@link LiveChart}: a thread of its own that, when the chart has changed, draws it into an
 * image and hands that to the window and, with -Ddlfs.frames, to {@link Frames}. The training thread never waits
 * for it. Redraws are throttled: at most {@link #MAX_PER_SECOND} a second, and after each one the thread waits
 * {@link #BUDGET} times as long as the redraw took (at most {@link #MAX_WAIT_MS}), so drawing keeps to about a
 * twenty-fifth of one core whatever the chart costs; changes in between are drawn together.
 */
final class LiveDrawing {
    static final int MAX_PER_SECOND = 10;
    static final int BUDGET = 25;
    static final long MAX_WAIT_MS = 2000;
    private static final long TICK_MS = 20;

    /** What to draw next: the figure and a status line, or null when nothing has changed since the last call. */
    record Picture(Figure figure, String state) {
    }

    private final String title;
    private final Supplier<Picture> next;
    private final LiveWindow window;        // null: frames only
    private final boolean frames;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean stopped;
    private long redraws;                   // written by the drawing thread; read after it has ended
    private long redrawNanos;
    private RuntimeException failure;

    LiveDrawing(String title, int width, int height, Supplier<Picture> next, boolean window, boolean frames) {
        this.title = title;
        this.next = next;
        this.window = window ? new LiveWindow(title, width, height) : null;
        this.frames = frames;
        this.thread = new Thread(this::run, "dlfs-live " + title);
        thread.setDaemon(true);             // never keeps the JVM alive; ends when interrupted
        thread.start();
    }

    private void run() {
        long notBefore = 0;
        try {
            while (!stopped) {
                if (System.nanoTime() >= notBefore && !closedWithoutFrames()) {
                    Picture p = next.get();
                    if (p != null) {
                        long start = System.nanoTime();
                        draw(p.figure().image(), p.state());
                        long took = System.nanoTime() - start;
                        redraws++;
                        redrawNanos += took;
                        notBefore = start + Math.min(MAX_WAIT_MS * 1_000_000L,
                                Math.max(1_000_000_000L / MAX_PER_SECOND, BUDGET * took));
                    }
                }
                synchronized (wake) {
                    if (!stopped) {
                        wake.wait(TICK_MS);
                    }
                }
            }
        } catch (InterruptedException e) {
            // exec:java ends leftover threads this way; nothing is half-written (frames go through a temp file)
        } catch (RuntimeException e) {
            failure = e;
            System.err.println("live window '" + title + "': drawing stopped: " + e.getMessage());
        }
    }

    private boolean closedWithoutFrames() {
        return !frames && window != null && window.closed();
    }

    private void draw(BufferedImage image, String state) {
        if (frames) {
            Frames.write(image);
        }
        if (window != null) {
            window.show(image, state);
        }
    }

    /** On the training thread, at each report: waits while the reader has paused the window. */
    void pauseCheck() {
        if (window != null && window.paused()) {
            window.awaitResume();
        }
    }

    /**
     * Stops the drawing thread (waiting for a redraw under way), writes the finished figure as the last frame and
     * shows it in the window, where the reader can zoom it; a null figure only stops the drawing.
     */
    void finish(Figure figure, String state) {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (figure == null) {
            return;                                      // the script ended without saving this figure
        }
        if (frames && failure == null) {
            long start = System.nanoTime();
            Frames.write(figure.image());
            redrawNanos += System.nanoTime() - start;
            redraws++;
        }
        if (window != null) {
            window.finish(figure, state);
        }
    }

    /** e.g. "12 redraws, 0.84 s on the drawing thread". */
    String cost() {
        return String.format(Locale.ROOT, "%d redraws, %.3f s on the drawing thread", redraws, redrawNanos / 1e9);
    }
}
