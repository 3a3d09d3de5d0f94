package org.hcert.conformance.profile;

import org.hcert.conformance.verdict.Units;

/** A value with the unit it was written in, e.g. a declared stopping time of 600 ms. */
public record Quantity(double value, String unit) {

    /** The value in SI units (s, m, rad, m/s, …). */
    public double si() {
        return Units.toSi(value, unit);
    }

    @Override
    public String toString() {
        return Units.format(value) + " " + unit;
    }
}
