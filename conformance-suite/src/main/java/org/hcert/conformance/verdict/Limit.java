package org.hcert.conformance.verdict;

import java.util.Objects;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;

/**
 * A resolved limit, as a profile gave it: value and unit as written there, how to compare, the
 * evidence label (C, C2, K, I, D) and where the number came from.
 *
 * @param name the limit's key in the standard profile, e.g. {@code stopTime}
 * @param quantity the limit's value in the unit the profile wrote it in
 * @param comparison how the measured value must relate to the limit
 * @param evidence the evidence label of the number: C, C2, K, I or D (see docs/catalogue.md)
 * @param source where the number comes from, e.g. {@code robot declaration declared.stopTime}
 */
public record Limit(String name, Quantity quantity, Comparison comparison, String evidence, String source) {

    public Limit {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(comparison, "comparison must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(source, "source must not be null");
    }

    /** The limit in its profile unit. */
    public double value() {
        return quantity.value();
    }

    /** The unit the profile wrote the limit in; measurements are reported in it too. */
    public Unit unit() {
        return quantity.unit();
    }

    /** The limit in the SI unit of its dimension. */
    public double valueSi() {
        return quantity.si();
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
        return "%s %s (%s: %s; %s)".formatted(comparison.symbol(), quantity, evidence, evidenceMeaning(), source);
    }
}
