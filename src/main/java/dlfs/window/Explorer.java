package dlfs.window;

import dlfs.plot.Figure;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * A window where the reader changes settings with controls and sees at once the figure drawn from them (as
 * TensorFlow Playground turns its settings into controls): controls on the left ({@link Controls}), the figure on
 * the right. Settings {@code S} are an immutable record; {@code draw} computes the figure for one of them.
 *
 * <p>A change on the event thread hands the new settings to a drawing thread, which computes and draws the figure
 * into an image and hands that back to the event thread; settings that change while one is drawn (a slider being
 * dragged) are drawn together, the latest only. With -Ddlfs.frames each drawn window is also written as a frame.
 * Without a display, {@link #render()} draws the whole window, controls included, into an image.
 */
public final class Explorer<S> {
    private final String title;
    private final Function<S, Figure> draw;
    private final Consumer<Controls<S>> addControls;
    private final boolean frames;
    private volatile S settings;
    private final Object lock = new Object();
    private S pending;                              // guarded by lock: the next settings to draw
    private Thread drawing;
    private Controls<S> controls;                   // the fields below: event thread only
    private ImageView view;
    private JLabel status;
    private JPanel content;
    private boolean fitted;

    /** An explorer starting at {@code initial}; {@code controls} adds its controls (on the event thread). */
    public Explorer(String title, S initial, Function<S, Figure> draw, Consumer<Controls<S>> controls) {
        this.title = title;
        this.settings = initial;
        this.draw = draw;
        this.addControls = controls;
        this.frames = Frames.wanted();
    }

    public S settings() {
        return settings;
    }

    /** Opens the window (with a display); it is drawn for the first settings at once. */
    public void open() {
        Windows.opening();
        drawing = new Thread(this::drawLoop, "dlfs-explorer " + title);
        drawing.setDaemon(true);
        drawing.start();
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title);
            frame.setContentPane(content());
            Windows.track(frame, drawing::interrupt);
            frame.pack();
            frame.setLocationByPlatform(true);
            frame.setVisible(true);
            request(settings);
        });
    }

    /** Builds the window's content: controls, figure, status line (event thread). */
    private JPanel content() {
        controls = new Controls<>(this);
        addControls.accept(controls);
        controls.close();
        controls.refresh(settings);
        view = new ImageView(900, 420);
        status = new JLabel(" ");
        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        content = new JPanel(new BorderLayout());
        content.add(controls.panel(), BorderLayout.WEST);
        content.add(view, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        return content;
    }

    /** From a control (event thread): new settings, the controls follow them, the figure is drawn again. */
    void update(UnaryOperator<S> change) {
        settings = change.apply(settings);
        controls.refresh(settings);
        request(settings);
    }

    private void request(S next) {
        synchronized (lock) {
            pending = next;
            lock.notifyAll();
        }
    }

    private void drawLoop() {
        try {
            while (true) {
                S next;
                synchronized (lock) {
                    while (pending == null) {
                        lock.wait();
                    }
                    next = pending;
                    pending = null;
                }
                drawOnce(next);
            }
        } catch (InterruptedException e) {
            // the window was closed, or exec:java ends leftover threads
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("explorer '" + title + "': the window failed", e.getCause());
        }
    }

    /** Draws the figure for {@code next} on this thread, shows it on the event thread, writes the frame. */
    private void drawOnce(S next) throws InterruptedException, InvocationTargetException {
        long start = System.nanoTime();
        BufferedImage image = null;
        String problem = null;
        try {
            image = draw.apply(next).image();
        } catch (RuntimeException e) {
            problem = "cannot draw these settings: " + e.getMessage();
        }
        String state = problem != null ? problem
                : String.format(Locale.ROOT, "redrawn in %.0f ms", (System.nanoTime() - start) / 1e6);
        BufferedImage shown = image;
        BufferedImage[] window = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            if (shown != null) {
                view.show(shown);
                fitWindowTo(shown);
            }
            status.setText(state);
            window[0] = frames ? paint(content) : null;
        });
        if (window[0] != null) {
            Frames.write(window[0]);
        }
    }

    /** The first picture, and one larger than the window, set the window's size (event thread). */
    private void fitWindowTo(BufferedImage image) {
        Dimension now = view.getPreferredSize();
        if (!fitted || image.getWidth() > now.width || image.getHeight() > now.height) {
            fitted = true;
            view.setPreferredSize(new Dimension(image.getWidth(), image.getHeight()));
            Window window = SwingUtilities.getWindowAncestor(content);
            if (window != null) {
                window.pack();
            }
        }
    }

    /** {@link #render(Object)} for the current settings. */
    public BufferedImage render() {
        return render(settings);
    }

    /**
     * The whole window for the settings {@code at} drawn into an image, without a display (the figure is computed
     * on the calling thread): what -Ddlfs.frames writes for a headless run.
     */
    public BufferedImage render(S at) {
        settings = at;
        BufferedImage figure = draw.apply(at).image();
        BufferedImage[] window = new BufferedImage[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                JPanel panel = content();
                view.show(figure);
                view.setPreferredSize(new Dimension(figure.getWidth(), figure.getHeight()));
                panel.setSize(panel.getPreferredSize());
                window[0] = paint(panel);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("explorer '" + title + "': interrupted while drawing", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("explorer '" + title + "': drawing the window failed", e.getCause());
        }
        return window[0];
    }

    /** {@code panel} as it looks now, laid out at its size (on the event thread). */
    private static BufferedImage paint(JPanel panel) {
        layOut(panel);
        BufferedImage image = new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            panel.printAll(g2);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Lays out {@code c} and everything in it, as a window would before it is shown. */
    private static void layOut(Component c) {
        if (c instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }
}
