package org.hcert.conformance.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for a misspelled name: the closest known name, when it is close. */
public final class Suggest {

    private Suggest() {}

    /** {@code " (did you mean stopTime?)"} when a known name is within a few edits of {@code name}, else empty. */
    public static String closest(String name, List<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 4))
                .map(k -> " (did you mean " + k + "?)")
                .orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
