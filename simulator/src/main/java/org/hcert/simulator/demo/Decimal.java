package org.hcert.simulator.demo;

/**
 * Format numbers with a fixed count of decimals, independent of locale and platform: the value is
 * scaled and rounded with IEEE arithmetic (half up), then printed digit by digit. Negative zero
 * prints as zero.
 */
final class Decimal {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private Decimal() {}

    /**
     * Format {@code value} with {@code decimals} digits after the point (0 to 7).
     *
     * @throws IllegalArgumentException if value is not finite or too large for the precision
     */
    static String fixed(double value, int decimals) {
        long scale = POWERS[decimals];
        double scaled = value * scale;
        if (!Double.isFinite(scaled) || Math.abs(scaled) > 1e17) {
            throw new IllegalArgumentException("cannot format %s with %d decimals".formatted(value, decimals));
        }
        long n = StrictMath.round(scaled);
        StringBuilder sb = new StringBuilder(24);
        if (n < 0) {
            sb.append('-');
        }
        long abs = Math.abs(n);
        sb.append(abs / scale);
        if (decimals > 0) {
            String frac = Long.toString(abs % scale);
            sb.append('.').append("0".repeat(decimals - frac.length())).append(frac);
        }
        return sb.toString();
    }
}
