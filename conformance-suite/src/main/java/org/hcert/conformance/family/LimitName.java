package org.hcert.conformance.family;

import java.util.Objects;
import org.hcert.conformance.quantity.Dimension;

/**
 * A limit a family judges against: its name in the standard profile, its dimension, and the
 * quantity it bounds, in words for the report.
 *
 * @param name the key under {@code limits:}, e.g. {@code stopTime}
 * @param dimension the physical dimension the limit's unit must have
 * @param quantity what is measured, e.g. {@code stop time}
 * @param required whether every clause of the family must give it
 */
public record LimitName(String name, Dimension dimension, String quantity, boolean required) {

    public LimitName {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(quantity, "quantity must not be null");
    }

    public static LimitName required(String name, Dimension dimension, String quantity) {
        return new LimitName(name, dimension, quantity, true);
    }

    public static LimitName optional(String name, Dimension dimension, String quantity) {
        return new LimitName(name, dimension, quantity, false);
    }
}
