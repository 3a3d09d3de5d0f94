package org.hcert.conformance.verdict;

/**
 * How a measured value relates to the true one. Most values are exact; some are only bounds, e.g. a
 * robot still moving when its window ended stopped no sooner than the window's length.
 */
public enum Bound {
    /** The value is the true value, as far as the samples tell. */
    EXACT("", ""),
    /** The true value is this or more. */
    AT_LEAST("at least ", "≥ "),
    /** The true value is this or less. */
    AT_MOST("at most ", "≤ ");

    private final String words;
    private final String symbol;

    Bound(String words, String symbol) {
        this.words = words;
        this.symbol = symbol;
    }

    /** A prefix for the value in sentences: {@code at least }, or nothing. */
    public String words() {
        return words;
    }

    /** A prefix for the value in short forms: {@code ≥ }, or nothing. */
    public String symbol() {
        return symbol;
    }
}
