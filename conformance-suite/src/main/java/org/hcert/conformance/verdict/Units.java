package org.hcert.conformance.verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * The units profiles may use, each with its factor to the SI unit hcert computes in.
 *
 * <p>Temperatures stay in °C (a derived SI unit with an offset, never scaled here).
 */
public final class Units {

    private static final Map<String, Double> TO_SI = Map.ofEntries(
            Map.entry("s", 1.0), Map.entry("ms", 1e-3),
            Map.entry("m", 1.0), Map.entry("mm", 1e-3), Map.entry("cm", 1e-2),
            Map.entry("rad", 1.0), Map.entry("deg", Math.PI / 180),
            Map.entry("rad/s", 1.0), Map.entry("deg/s", Math.PI / 180),
            Map.entry("m/s", 1.0), Map.entry("mm/s", 1e-3),
            Map.entry("N", 1.0), Map.entry("N·m", 1.0), Map.entry("Nm", 1.0),
            Map.entry("ratio", 1.0), Map.entry("%", 1e-2),
            Map.entry("degC", 1.0), Map.entry("V", 1.0), Map.entry("A", 1.0), Map.entry("Hz", 1.0));

    private Units() {}

    /** The factor that converts a value in {@code unit} to SI, or empty for an unknown unit. */
    public static Optional<Double> toSiFactor(String unit) {
        return Optional.ofNullable(TO_SI.get(unit));
    }

    /** Whether hcert knows {@code unit}. */
    public static boolean isKnown(String unit) {
        return TO_SI.containsKey(unit);
    }

    /** Convert {@code valueSi} into {@code unit}. */
    public static double fromSi(double valueSi, String unit) {
        Double f = TO_SI.get(unit);
        if (f == null) {
            throw new IllegalArgumentException("unknown unit " + unit);
        }
        return valueSi / f;
    }

    /** Convert {@code value} in {@code unit} into SI. */
    public static double toSi(double value, String unit) {
        return value * TO_SI.getOrDefault(unit, Double.NaN);
    }

    /** Format a number with up to six significant digits and no trailing zeros. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
