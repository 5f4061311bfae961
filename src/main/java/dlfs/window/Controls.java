package dlfs.window;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;

/**
 * The controls down the left side of an {@link Explorer}, each bound to one part of its settings {@code S} (an
 * immutable record): {@code get} reads that part, {@code set} returns new settings with it changed. A control
 * the reader moves changes the settings; settings changed otherwise (a preset button) move every control.
 *
 * <pre>
 * c.choice("activation", Activation.values(), Setting::activation, Setting::withActivation);
 * c.logSlider("σ", 0.001, 10, Setting::std, Setting::withStd);
 * c.button("figure 6-10: sigmoid, σ = 1", s -&gt; s.withActivation(SIGMOID).withStd(1));
 * </pre>
 */
public final class Controls<S> {
    private static final int LOG_STEPS = 100;         // slider positions per decade of a log slider

    private final Explorer<S> explorer;
    private final JPanel panel = new JPanel(new GridBagLayout());
    private final List<Consumer<S>> refreshers = new ArrayList<>();
    private boolean refreshing;                         // true while the controls follow new settings
    private int row;

    Controls(Explorer<S> explorer) {
        this.explorer = explorer;
    }

    /** The explorer's settings now. */
    public S settings() {
        return explorer.settings();
    }

    JPanel panel() {
        return panel;
    }

    /** A heading above the next controls. */
    public void heading(String text) {
        JLabel label = new JLabel(text);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        add(label, 10);
    }

    /** A drop-down list of {@code values}. */
    public <T> void choice(String label, T[] values, Function<S, T> get, BiFunction<S, T, S> set) {
        JComboBox<T> box = new JComboBox<>(values);
        box.addActionListener(e -> change(s -> set.apply(s, box.getItemAt(box.getSelectedIndex()))));
        labelled(label, box);
        refreshers.add(s -> box.setSelectedItem(get.apply(s)));
    }

    /** A slider over [lo, hi] on a log scale (100 positions per decade), showing its value. */
    public void logSlider(String label, double lo, double hi, Function<S, Double> get, BiFunction<S, Double, S> set) {
        double from = Math.log10(lo);
        JSlider slider = new JSlider(0, (int) Math.round((Math.log10(hi) - from) * LOG_STEPS));
        JLabel value = new JLabel();
        slider.addChangeListener(e -> {
            double v = Math.pow(10, from + slider.getValue() / (double) LOG_STEPS);
            value.setText(label + " = " + String.format(Locale.ROOT, "%.3g", v));
            change(s -> set.apply(s, v));
        });
        add(value, 6);
        add(slider, 0);
        refreshers.add(s -> {
            double v = get.apply(s);
            slider.setValue((int) Math.round((Math.log10(v) - from) * LOG_STEPS));
            value.setText(label + " = " + String.format(Locale.ROOT, "%.3g", v));
        });
    }

    /** A slider over the whole numbers [min, max], showing its value. */
    public void slider(String label, int min, int max, Function<S, Integer> get, BiFunction<S, Integer, S> set) {
        JSlider slider = new JSlider(min, max);
        JLabel value = new JLabel();
        slider.addChangeListener(e -> {
            value.setText(label + ": " + slider.getValue());
            change(s -> set.apply(s, slider.getValue()));
        });
        add(value, 6);
        add(slider, 0);
        refreshers.add(s -> {
            slider.setValue(get.apply(s));
            value.setText(label + ": " + get.apply(s));
        });
    }

    /** A field for a whole number in [min, max], with arrows that step by {@code step}. */
    public void number(String label, long min, long max, long step, Function<S, Long> get,
                       BiFunction<S, Long, S> set) {
        JSpinner spinner = new JSpinner(new SpinnerNumberModel(Long.valueOf(min), Long.valueOf(min),
                Long.valueOf(max), Long.valueOf(step)));
        spinner.addChangeListener(e -> change(s -> set.apply(s, ((Number) spinner.getValue()).longValue())));
        labelled(label, spinner);
        refreshers.add(s -> spinner.setValue(get.apply(s)));
    }

    /** A button that changes the settings at once (e.g. to one of the book's settings). */
    public void button(String label, UnaryOperator<S> apply) {
        JButton button = new JButton(label);
        button.addActionListener(e -> change(apply));
        add(button, 2);
    }

    /**
     * A Play/Stop button: while on, applies {@code step} every {@code periodMs} milliseconds until {@code atEnd}
     * holds (pressed at the end, it starts again from {@code restart}).
     */
    public void play(String label, int periodMs, UnaryOperator<S> step, Predicate<S> atEnd, UnaryOperator<S> restart) {
        JToggleButton play = new JToggleButton(label);
        Timer timer = new Timer(periodMs, null);
        timer.addActionListener(e -> {
            if (atEnd.test(explorer.settings())) {
                timer.stop();
                play.setSelected(false);
            } else {
                change(step);
            }
        });
        play.addActionListener(e -> {
            if (play.isSelected()) {
                if (atEnd.test(explorer.settings())) {
                    change(restart);
                }
                timer.start();
            } else {
                timer.stop();
            }
        });
        add(play, 2);
    }

    private void labelled(String label, JComponent control) {
        add(new JLabel(label), 6);
        add(control, 0);
    }

    private void add(JComponent c, int space) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = row++;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.NORTHWEST;
        at.insets = new Insets(space, 8, 0, 8);
        at.weightx = 1;
        panel.add(c, at);
    }

    /** Ends the column: the space below the last control stays empty. */
    void close() {
        GridBagConstraints at = new GridBagConstraints();
        at.gridy = row++;
        at.weighty = 1;
        panel.add(new JLabel(), at);
    }

    private void change(UnaryOperator<S> change) {
        if (!refreshing) {
            explorer.update(change);
        }
    }

    /** Moves every control to {@code settings} without counting that as a change. */
    void refresh(S settings) {
        refreshing = true;
        try {
            for (Consumer<S> r : refreshers) {
                r.accept(settings);
            }
        } finally {
            refreshing = false;
        }
    }
}
