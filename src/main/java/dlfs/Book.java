package dlfs;

import dlfs.chapter5.Chapter5;
import dlfs.chapter6.Chapter6;
import dlfs.chapter7.Chapter7;
import dlfs.launch.Launcher;

/**
 * The book's table of contents and the default main of {@code mvn -q compile exec:java}: runs any script by its
 * name, the book's file name, a section or a chapter; without arguments, section 6.2 (initial weight values).
 * {@code -Dexec.args="--list"} lists them all, {@code -Dexec.args="NAME --help"} a script's options.
 */
public final class Book {
    /** The chapters in book order. */
    public static final Launcher LAUNCHER = new Launcher("6.2", Chapter5.CONTENTS, Chapter6.CONTENTS,
            Chapter7.CONTENTS);

    private Book() {
    }

    public static void main(String[] args) {
        LAUNCHER.main(args);
    }
}
