package org.hcert.conformance.verdict;

import java.util.Objects;

/**
 * A resolved limit, as a profile gave it: value and unit as written there, how to compare, the
 * evidence label (C, C2, K, I, D) and where the number came from.
 *
 * @param name the limit's key in the standard profile, e.g. {@code stopTime}
 * @param value the limit in {@code unit}
 * @param unit the unit as written in the profile, e.g. {@code ms}
 * @param comparison how the measured value must relate to the limit
 * @param evidence the evidence label of the number: C, C2, K, I or D (see docs/catalogue.md)
 * @param source where the number comes from, e.g. {@code robot declaration declared.stopTime}
 */
public record Limit(String name, double value, String unit, Comparison comparison, String evidence, String source) {

    public Limit {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(comparison, "comparison must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(source, "source must not be null");
    }

    /** Say what the evidence label means, so a K or I number is never read as confirmed. */
    public String evidenceMeaning() {
        return switch (evidence) {
            case "C" -> "confirmed in the cited source";
            case "C2" -> "confirmed by a secondary source only";
            case "K" -> "from general knowledge of the standard, not re-checked";
            case "I" -> "hcert's proposed criterion, not a number from any standard";
            case "D" -> "the robot's declared value";
            default -> "unknown evidence label";
        };
    }

    @Override
    public String toString() {
        return "%s %s %s (%s: %s; %s)".formatted(
                comparison.symbol(), Units.format(value), unit, evidence, evidenceMeaning(), source);
    }
}
