package org.hcert.adapters.wire;

import java.util.ArrayDeque;
import java.util.Optional;
import org.hcert.adapters.ClockOffset;

/**
 * Estimate the offset of the robot's clock from the harness's clock with NTP-style exchanges and
 * minimum-round-trip filtering.
 *
 * <p>One exchange: the harness sends a ping at t1 (harness clock), the robot receives it at t2 and
 * answers at t3 (robot clock), the harness receives the answer at t4. Then the offset is
 * θ = ((t2 − t1) + (t3 − t4)) / 2 and the round trip δ = (t4 − t1) − (t3 − t2). Whatever the
 * split of δ between the two directions, the true offset lies in θ ± δ/2. The estimate is the
 * exchange with the smallest δ among the last {@code window} exchanges, so queueing delays
 * do not bias it; its uncertainty is δ/2. Thread-safe.
 */
public final class ClockOffsetEstimator {

    private final int window;
    private final ArrayDeque<ClockOffset> recent = new ArrayDeque<>();
    private long exchanges;

    /** @param window how many recent exchanges to choose from, at least 1 */
    public ClockOffsetEstimator(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
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
        ClockOffset sample = new ClockOffset(offset, (roundTrip + 1) / 2, roundTrip, 1, t4);
        recent.addLast(sample);
        if (recent.size() > window) {
            recent.removeFirst();
        }
        return Optional.of(sample);
    }

    /** The current estimate: the minimum-round-trip exchange of the window, or empty before the first. */
    public synchronized Optional<ClockOffset> estimate() {
        ClockOffset best = null;
        for (ClockOffset s : recent) {
            if (best == null || s.roundTripNs() < best.roundTripNs()) {
                best = s;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new ClockOffset(best.offsetNs(), best.uncertaintyNs(), best.roundTripNs(), exchanges,
                best.measuredAtNs()));
    }
}
