package dlfs.window;

import dlfs.plot.Figure;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The windows a run has open (figures, live training charts, explorers), so that a script can end as the book's
 * {@code plt.show()} does: only once the reader has closed them. A window counts as open from the moment it is
 * asked for (before the event thread has built it) until the reader closes it.
 */
public final class Windows {
    private static int open;

    private Windows() {
    }

    /** Whether windows can be shown here (false in a headless run: no display, or -Djava.awt.headless=true). */
    public static boolean canShow() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Opens {@code figure} in a window of its own (the book's {@code plt.show()}); returns at once. */
    public static void show(String title, Figure figure) {
        opening();
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title);
            track(frame, () -> { });
            frame.setContentPane(figure.component());
            frame.pack();
            frame.setLocationByPlatform(true);
            frame.setVisible(true);
        });
    }

    /** Counts a window the caller is about to build on the event thread; {@link #track} ends the count. */
    static synchronized void opening() {
        open++;
    }

    /** On the event thread: closing {@code frame} disposes it and ends the count taken by {@link #opening}. */
    static void track(JFrame frame, Runnable onClose) {
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                onClose.run();
                closed();
            }
        });
    }

    private static synchronized void closed() {
        open--;
        Windows.class.notifyAll();
    }

    /** How many windows are open. */
    public static synchronized int open() {
        return open;
    }

    /** Waits until the reader has closed every window (returns at once if none is open, or when interrupted). */
    public static synchronized void awaitClosed() {
        try {
            while (open > 0) {
                Windows.class.wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
