package org.hcert.simulator.demo;

/**
 * The robot's safety state over the timeline, in ms since the start: standing, then walking,
 * then stopped once drive power is removed; the e-stop is asserted from 5.000 s until its reset
 * at 9.000 s, and the drives stay off after the reset.
 */
record SafetyTimeline(long driveOffMs) {

    static final long WALK_START_MS = Timeline.millis(Timeline.WALK_START_S);
    static final long ESTOP_MS = Timeline.millis(Timeline.ESTOP_S);
    static final long RESET_MS = Timeline.millis(Timeline.RESET_S);

    String mode(long ms) {
        if (!driveEnabled(ms)) {
            return "stopped";
        }
        return ms < WALK_START_MS ? "standing" : "walking";
    }

    boolean estop(long ms) {
        return ms >= ESTOP_MS && ms < RESET_MS;
    }

    boolean driveEnabled(long ms) {
        return ms < driveOffMs;
    }
}
