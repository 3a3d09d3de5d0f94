package org.hcert.conformance.verdict;

/** How a measured value must relate to its limit. */
public enum Comparison {
    /** The measured value must not exceed the limit. */
    AT_MOST("≤"),
    /** The measured value must not fall below the limit. */
    AT_LEAST("≥");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured} satisfies the comparison with {@code limit}; NaN never does. */
    public boolean withinLimit(double measured, double limit) {
        if (Double.isNaN(measured) || Double.isNaN(limit)) {
            return false;
        }
        return this == AT_MOST ? measured <= limit : measured >= limit;
    }
}
