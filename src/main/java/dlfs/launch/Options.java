package dlfs.launch;

import java.util.Map;

/** The options a script was run with, checked: each declared option's value, or its default if not given. */
public final class Options {
    private final Script script;
    private final Map<String, Object> given;

    Options(Script script, Map<String, Object> given) {
        this.script = script;
        this.given = given;
    }

    private Object get(String name) {
        Script.Option o = script.option(name);
        if (o == null) {
            throw new IllegalStateException(script.name() + " reads --" + name + " but does not declare it");
        }
        return given.getOrDefault(name, o.defaultValue());
    }

    /** The name of the script these options are for. */
    String scriptName() {
        return script.name();
    }

    /** {@code --seed}: the book's {@code np.random.seed(N)}. */
    public long seed() {
        return (Long) get("seed");
    }

    public int number(String name) {
        return Math.toIntExact((Long) get(name));
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    /** The word given for {@code --name}, or its default (null if none). */
    public String word(String name) {
        return (String) get(name);
    }

    /**
     * The figure's file name (without .png): {@code base} with the defaults, else {@code base} followed by each
     * option that differs from its default, e.g. {@code weight_init_compare-seed7-iterations300}, so a run with
     * other options never overwrites the figure made with the book's settings.
     */
    public String figureName(String base) {
        StringBuilder name = new StringBuilder(base);
        for (String option : script.figureNameOptions()) {
            Object v = given.get(option);
            if (v != null && !v.equals(script.option(option).defaultValue())) {
                name.append('-').append(option).append(shorten(v.toString().replaceAll("[^A-Za-z0-9.]", "")));
            }
        }
        return name.toString();
    }

    /** A value as a message or file name shows it: at most 40 characters, the rest cut off with "…". */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    @Override
    public String toString() {
        return script.name() + " " + given;
    }
}
