package org.hcert.simulator.demo;

import java.time.Instant;

/** The fixed 10 s script every demo recording follows. Times in s from the recording start. */
final class Timeline {

    /** Wall-clock time of t = 0: 2026-03-01T08:00:00Z, in ns since the Unix epoch. */
    static final long EPOCH_NS = Instant.parse("2026-03-01T08:00:00Z").getEpochSecond() * 1_000_000_000L;

    static final double START_EVENT_S = 0.2;
    static final double WALK_START_S = 1.0;
    static final double RAMP_S = 0.5;
    static final double ESTOP_S = 5.0;
    static final double RESET_S = 9.0;
    static final double END_S = 10.0;

    /** Walking speed, m/s. */
    static final double WALK_SPEED_M_S = 0.5;
    /** Cadence, steps/s; one stride (gait cycle) is two steps. */
    static final double CADENCE_STEPS_S = 1.8;
    /** Gait phase rate φ', rad/s. */
    static final double PHASE_RATE_RAD_S = StrictMath.PI * CADENCE_STEPS_S;
    /** Step length at walking speed, m. */
    static final double STEP_LENGTH_M = WALK_SPEED_M_S / CADENCE_STEPS_S;

    private Timeline() {}

    /** Convert ms since the start of the recording to log time in ns since the Unix epoch. */
    static long nanos(long ms) {
        return EPOCH_NS + ms * 1_000_000L;
    }

    /** Convert s since the start of the recording to whole ms, rounding to nearest. */
    static long millis(double seconds) {
        return StrictMath.round(seconds * 1000);
    }
}
