package dlfs.launch;

import java.util.Collection;
import java.util.Locale;

/** The known name closest to a mistyped one, for "did you mean" hints (edit distance, ignoring case). */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidate nearest to {@code typed}, or null if none is within a third of its length (at least 2 edits). */
    static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Math.max(2, typed.length() / 3) + 1;
        for (String c : candidates) {
            int d = distance(typed.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
