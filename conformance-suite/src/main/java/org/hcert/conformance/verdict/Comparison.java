package org.hcert.conformance.verdict;

import java.util.Arrays;
import java.util.Optional;

/** How a measured value must relate to its limit. */
public enum Comparison {
    /** The measured value must not exceed the limit. */
    AT_MOST("≤", "at-most"),
    /** The measured value must not fall below the limit. */
    AT_LEAST("≥", "at-least"),
    /** The measured value must be less than the limit (the upper edge of a band that belongs to the next band). */
    BELOW("<", "below"),
    /** The measured value must be greater than the limit. */
    ABOVE(">", "above");

    private final String symbol;
    private final String key;

    Comparison(String symbol, String key) {
        this.symbol = symbol;
        this.key = key;
    }

    public String symbol() {
        return symbol;
    }

    /** The comparison as profiles and certificates write it: {@code at-most}, {@code at-least}, {@code below}, {@code above}. */
    public String key() {
        return key;
    }

    /** The comparison a profile writes as {@code key}, if hcert knows it. */
    public static Optional<Comparison> parse(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** Whether the limit bounds the value from above ({@code at-most}, {@code below}). */
    public boolean upper() {
        return this == AT_MOST || this == BELOW;
    }

    /**
     * Two values this close, relative to the larger, are the same value: a value written in one unit
     * and converted to SI and back may differ from itself in its last bits ({@value}).
     */
    public static final double SAME_VALUE = 1e-12;

    /**
     * Whether {@code measured} satisfies the comparison with {@code limit}; NaN never does. A value
     * within {@link #SAME_VALUE} of the limit is the limit: within at-most and at-least, outside below
     * and above.
     */
    public boolean withinLimit(double measured, double limit) {
        if (Double.isNaN(measured) || Double.isNaN(limit)) {
            return false;
        }
        boolean same = Math.abs(measured - limit) <= SAME_VALUE * Math.max(Math.abs(measured), Math.abs(limit));
        return switch (this) {
            case AT_MOST -> measured <= limit || same;
            case AT_LEAST -> measured >= limit || same;
            case BELOW -> measured < limit && !same;
            case ABOVE -> measured > limit && !same;
        };
    }
}
