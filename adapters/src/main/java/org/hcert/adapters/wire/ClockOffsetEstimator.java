package org.hcert.adapters.wire;

import java.util.Optional;
import org.hcert.adapters.ClockOffset;
import org.jspecify.annotations.Nullable;

/**
 * Estimate the offset of the robot's clock from the harness's clock with NTP-style exchanges and
 * minimum-uncertainty filtering.
 *
 * <p>One exchange: the harness sends a ping at t1 (harness clock), the robot receives it at t2 and
 * answers at t3 (robot clock), the harness receives the answer at t4. Then the offset is
 * θ = ((t2 − t1) + (t3 − t4)) / 2 and the round trip δ = (t4 − t1) − (t3 − t2). Whatever the
 * split of δ between the two directions, the true offset lay in θ ± δ/2 when it was measured; since
 * the two clocks may drift apart by at most {@code maxDriftPpm}, an exchange measured Δt ago bounds
 * the offset now within δ/2 + Δt · drift. The estimate is the exchange with the smallest such bound:
 * a burst of slow exchanges (a loaded harness or network, whose θ may be off by up to δ/2) does not
 * move it, and a drifting clock is followed as fast exchanges come. Thread-safe.
 */
public final class ClockOffsetEstimator {

    private final int maxDriftPpm;
    private @Nullable ClockOffset held;
    private long latestNs = Long.MIN_VALUE;
    private long exchanges;

    /** @param maxDriftPpm how fast the two clocks may drift apart, parts per million, at least 1 */
    public ClockOffsetEstimator(int maxDriftPpm) {
        if (maxDriftPpm < 1) {
            throw new IllegalArgumentException("maxDriftPpm must be at least 1, got " + maxDriftPpm);
        }
        this.maxDriftPpm = maxDriftPpm;
    }

    /**
     * Add one exchange; times in nanoseconds.
     *
     * @return the exchange as an offset sample, or empty when its times are not causal (t4 &lt; t1
     *     or t3 &lt; t2), which the robot's clock must never produce
     */
    public synchronized Optional<ClockOffset> add(long t1, long t2, long t3, long t4) {
        long roundTrip = (t4 - t1) - (t3 - t2);
        if (t4 < t1 || t3 < t2 || roundTrip < 0) {
            return Optional.empty();
        }
        long offset = Math.floorDiv((t2 - t1) + (t3 - t4), 2);
        exchanges++;
        latestNs = Math.max(latestNs, t4);
        ClockOffset sample = new ClockOffset(offset, (roundTrip + 1) / 2, roundTrip, 1, t4);
        ClockOffset h = held;
        if (h == null || sample.uncertaintyNs() <= aged(h, t4)) {
            held = sample;
        }
        return Optional.of(sample);
    }

    /** The current estimate, its uncertainty grown by the drift since it was measured; empty before the first exchange. */
    public synchronized Optional<ClockOffset> estimate() {
        ClockOffset h = held;
        if (h == null) {
            return Optional.empty();
        }
        return Optional.of(new ClockOffset(h.offsetNs(), aged(h, latestNs), h.roundTripNs(), exchanges, h.measuredAtNs()));
    }

    /** An exchange's bound on the offset at {@code nowNs}: its half round trip plus the drift since. */
    private long aged(ClockOffset s, long nowNs) {
        return s.uncertaintyNs() + Math.max(0, nowNs - s.measuredAtNs()) / 1_000_000 * maxDriftPpm;
    }
}
