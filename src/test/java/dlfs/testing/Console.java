package dlfs.testing;

import dlfs.launch.Script;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs an experiment main silently: captures what it prints and sends its figures to a given folder. What it
 * prints on System.err (e.g. the divergence warning of BatchNormTestMulti's largest weight scales) is dropped.
 */
public final class Console {
    private Console() {
    }

    /** Runs a script's body with the given options, checked as its main checks them; returns what it printed. */
    public static String run(Script script, Path figures, String... args) {
        return run(() -> script.run(script.parse(args)), figures);
    }

    /** Runs {@code main} with System.out and System.err captured and -Ddlfs.figures=figures; returns System.out. */
    public static String run(Runnable main, Path figures) {
        PrintStream out = System.out, err = System.err;
        String oldFigures = System.getProperty("dlfs.figures");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setProperty("dlfs.figures", figures.toString());
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            main.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            SystemProperties.restore("dlfs.figures", oldFigures);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
