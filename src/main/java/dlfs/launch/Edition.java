package dlfs.launch;

/**
 * The three editions a reader may hold, each with the repository of its scripts. Section and figure numbers are
 * the same in all three; what differs is which script draws a figure (the 2025 remaster split three scripts and
 * added five) and which pages a repository lists: only the Korean repository's ch06/README.md lists pages, those
 * of the Korean first edition; no repository lists the Japanese edition's or the remaster's pages.
 */
public enum Edition {
    JAPANESE("Japanese edition", "oreilly-japan/deep-learning-from-scratch"),
    KOREAN_FIRST("Korean first edition", "WegraLee/deep-learning-from-scratch before 2025"),
    KOREAN_REMASTER("Korean remaster (2025)", "WegraLee/deep-learning-from-scratch");

    private final String title;
    private final String repository;

    Edition(String title, String repository) {
        this.title = title;
        this.repository = repository;
    }

    /** "Korean first edition". */
    public String title() {
        return title;
    }

    /** "oreilly-japan/deep-learning-from-scratch": the GitHub repository of the edition's scripts. */
    public String repository() {
        return repository;
    }
}
