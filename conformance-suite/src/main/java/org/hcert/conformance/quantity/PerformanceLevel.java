package org.hcert.conformance.quantity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A performance level of ISO 13849-1, {@code a} (lowest) to {@code e} (highest). It is an ordinal:
 * levels are ordered, and that is all. hcert compares two levels by their rank (a = 1 … e = 5), held
 * as the value of a quantity in the unit {@link Unit#PERFORMANCE_LEVEL PL} so that a limit on a level
 * goes through the same comparison as every other limit; it never adds, scales or averages ranks, and
 * it writes a level as its letter. A profile writes a level as a letter: {@code {value: c, unit: PL}}.
 */
public enum PerformanceLevel {
    A(1), B(2), C(3), D(4), E(5);

    private final int rank;

    PerformanceLevel(int rank) {
        this.rank = rank;
    }

    /** The level written as {@code text} ({@code a} to {@code e}, either case), if it is one. */
    public static Optional<PerformanceLevel> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.letter().equals(t)).findFirst();
    }

    /** The level whose rank is {@code rank}, if it is a whole number from 1 to 5. */
    public static Optional<PerformanceLevel> ofRank(double rank) {
        return Arrays.stream(values()).filter(l -> l.rank() == rank).findFirst();
    }

    /** The level's rank, a = 1 … e = 5: only for comparing two levels. */
    public int rank() {
        return rank;
    }

    /** The level's letter, {@code a} to {@code e}. */
    public String letter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level as a quantity in the unit PL, for limits and readings. */
    public Quantity quantity() {
        return new Quantity(rank(), Unit.PERFORMANCE_LEVEL);
    }

    /** The next higher level, if any. */
    public Optional<PerformanceLevel> higher() {
        return ofRank(rank + 1);
    }

    @Override
    public String toString() {
        return "PL " + letter();
    }
}
