package dlfs.window;

import dlfs.plot.Figure;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;

/**
 * The window of a {@link LiveChart}: the latest picture of the chart, a Pause/Resume button and a status line;
 * at the end the finished figure itself, as --show opens it (a JFreeChart panel: zoom with the mouse, right-click
 * for its menu). Its Swing parts are built and changed on the event thread only; the training thread reads the
 * pause flag and, while the reader has paused, waits in {@link #awaitResume()}.
 */
final class LiveWindow {
    private volatile boolean paused;
    private volatile boolean closed;
    private JFrame frame;               // the fields below: event thread only
    private ImageView view;
    private JToggleButton pause;
    private JLabel status;
    private boolean packed;

    /** Asks the event thread to open the window; returns at once. */
    LiveWindow(String title, int width, int height) {
        Windows.opening();
        SwingUtilities.invokeLater(() -> build(title, width, height));
    }

    private void build(String title, int width, int height) {
        frame = new JFrame(title);
        view = new ImageView(width, height);
        pause = new JToggleButton("Pause");
        pause.setToolTipText("the training waits at its next report until you resume");
        pause.addActionListener(e -> {
            setPaused(pause.isSelected());
            pause.setText(pause.isSelected() ? "Resume" : "Pause");
            status.setText(pause.isSelected() ? "paused: the training waits at its next report" : "training");
        });
        status = new JLabel("training");
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT));
        bar.add(pause);
        bar.add(status);
        frame.add(view, BorderLayout.CENTER);
        frame.add(bar, BorderLayout.SOUTH);
        Windows.track(frame, () -> {
            closed = true;                              // the training goes on without its window
            setPaused(false);
        });
        frame.pack();
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
    }

    /** Shows the next picture (from the drawing thread). */
    void show(BufferedImage image, String state) {
        SwingUtilities.invokeLater(() -> {
            view.show(image);
            if (!paused) {
                status.setText(state);
            }
            if (!packed) {                               // the first picture sets the window's size
                packed = true;
                view.setPreferredSize(new Dimension(image.getWidth(), image.getHeight()));
                frame.pack();
            }
        });
    }

    /** Replaces the picture by the finished figure, which the reader can zoom, and says where it was saved. */
    void finish(Figure figure, String state) {
        SwingUtilities.invokeLater(() -> {
            if (closed) {
                return;
            }
            JComponent done = figure.component();
            frame.remove(view);
            frame.add(done, BorderLayout.CENTER);
            pause.setEnabled(false);
            status.setText(state);
            frame.pack();
        });
    }

    boolean paused() {
        return paused;
    }

    boolean closed() {
        return closed;
    }

    /** On the training thread: waits while the reader has paused (returns at once when the window is closed). */
    synchronized void awaitResume() {
        try {
            while (paused && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void setPaused(boolean on) {
        paused = on;
        notifyAll();
    }
}
