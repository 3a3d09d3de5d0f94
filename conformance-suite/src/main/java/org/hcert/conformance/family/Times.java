package org.hcert.conformance.family;

import org.hcert.conformance.quantity.Quantity;

/** Durations for messages. */
final class Times {

    private Times() {}

    /** {@code ns} in milliseconds with up to six significant digits: {@code 12.5 ms}. */
    static String ms(long ns) {
        return Quantity.format(ns / 1e6) + " ms";
    }

    /** {@code ns} since the Unix epoch as an ISO instant: {@code 2026-03-01T08:00:00.001Z}. */
    static String instant(long ns) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }

    /** {@code s} seconds in milliseconds: {@code 600 ms}. */
    static String ms(double s) {
        return Quantity.format(s * 1e3) + " ms";
    }
}
