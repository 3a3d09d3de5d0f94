package org.hcert.telemetry;

import java.time.Instant;

/**
 * A closed interval of log time, in nanoseconds since the Unix epoch.
 *
 * @param startNs first instant of the window
 * @param endNs last instant of the window, not before {@code startNs}
 */
public record TimeWindow(long startNs, long endNs) {

    public TimeWindow {
        if (endNs < startNs) {
            throw new IllegalArgumentException(
                    "time window ends (%d ns) before it starts (%d ns)".formatted(endNs, startNs));
        }
    }

    public static TimeWindow of(long startNs, long endNs) {
        return new TimeWindow(startNs, endNs);
    }

    public long durationNs() {
        return endNs - startNs;
    }

    public double durationS() {
        return durationNs() / 1e9;
    }

    public boolean contains(long tNs) {
        return tNs >= startNs && tNs <= endNs;
    }

    /** Render as ISO instants with nanoseconds, e.g. {@code [2026-01-01T00:00:01Z, …]}. */
    @Override
    public String toString() {
        return "[%s, %s] (%.3f s)".formatted(instant(startNs), instant(endNs), durationS());
    }

    static Instant instant(long epochNs) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L));
    }
}
