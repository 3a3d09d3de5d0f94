package org.hcert.conformance.family;

import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;

/**
 * A parameter of how a family gathers evidence (a window, a tolerance, a smoothing width): its
 * name, dimension, the values that make sense, and a default when the profile may leave it out.
 *
 * @param name the key under {@code parameters:}, e.g. {@code maxSampleGap}
 * @param dimension the physical dimension the parameter's unit must have
 * @param range which values are possible
 * @param fallback the value when the profile does not give it; empty when the profile must
 * @param meaning what it does, in a phrase
 */
public record ParameterName(String name, Dimension dimension, Range range, Optional<Quantity> fallback, String meaning) {

    /** Which values of a parameter are possible; every value must also be finite. */
    public enum Range {
        /** Greater than zero (a window, a gap). */
        POSITIVE("greater than zero"),
        /** Zero or more (a tolerance, a smoothing width). */
        NON_NEGATIVE("zero or more");

        private final String words;

        Range(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean admits(double value) {
            return Double.isFinite(value) && (this == POSITIVE ? value > 0 : value >= 0);
        }
    }

    public ParameterName {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(range, "range must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        Objects.requireNonNull(meaning, "meaning must not be null");
    }

    public static ParameterName required(String name, Dimension dimension, Range range, String meaning) {
        return new ParameterName(name, dimension, range, Optional.empty(), meaning);
    }

    public static ParameterName optional(String name, Dimension dimension, Range range, Quantity fallback, String meaning) {
        return new ParameterName(name, dimension, range, Optional.of(fallback), meaning);
    }
}
