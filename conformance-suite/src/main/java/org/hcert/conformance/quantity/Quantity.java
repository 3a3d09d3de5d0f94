package org.hcert.conformance.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A value with the unit it was written in, e.g. a declared stopping time of 600 ms.
 *
 * @param value the number as written
 * @param unit its unit
 */
public record Quantity(double value, Unit unit) {

    public Quantity {
        Objects.requireNonNull(unit, "unit must not be null");
    }

    /** A quantity given in the SI unit of {@code dimension}, expressed in {@code unit}. */
    public static Quantity ofSi(double valueSi, Unit unit) {
        return new Quantity(unit.fromSi(valueSi), unit);
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    /** The value in the SI unit of its dimension (s, m, rad, m/s, …). */
    public double si() {
        return unit.toSi(value);
    }

    /** The value in {@code other}, which must have the same dimension. */
    public double in(Unit other) {
        if (other.dimension() != unit.dimension()) {
            throw new IllegalArgumentException("cannot express %s (%s) in %s (%s)".formatted(this,
                    unit.dimension().description(), other, other.dimension().description()));
        }
        return other.fromSi(si());
    }

    /** Format a number with up to six significant digits and no trailing zeros. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return unit.format(value);
    }
}
