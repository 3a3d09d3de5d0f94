package org.hcert.simulator;

import java.util.OptionalLong;

/**
 * The truth about the last stop, in simulator time (ns since the simulation began; add the robot
 * clock's epoch and offset to compare with log times).
 *
 * @param kind {@code estop}, {@code protective} or {@code stop}
 * @param category the category actually executed (after faults)
 * @param triggerNs when the stop was asserted
 * @param standstillNs since when the robot has been still (every |q̇| < 0.01 rad/s and base speed
 *     < 0.01 m/s), empty while it moves
 * @param driveOffNs when drive power was removed, empty while it is on
 * @param fallNs when the trunk tilt first exceeded 60°, empty without a fall
 */
public record StopTruth(String kind, StopCategory category, long triggerNs, OptionalLong standstillNs,
        OptionalLong driveOffNs, OptionalLong fallNs) {

    /** Time from the trigger to standstill, ms, or empty while the robot moves. */
    public OptionalLong stopTimeMs() {
        return standstillNs.isPresent() ? OptionalLong.of((standstillNs.getAsLong() - triggerNs) / 1_000_000L)
                : OptionalLong.empty();
    }

    StopTruth still(long nowNs, boolean still) {
        OptionalLong s = still ? (standstillNs.isPresent() ? standstillNs : OptionalLong.of(nowNs)) : OptionalLong.empty();
        return new StopTruth(kind, category, triggerNs, s, driveOffNs, fallNs);
    }

    StopTruth driveOff(long nowNs) {
        return driveOffNs.isPresent() ? this
                : new StopTruth(kind, category, triggerNs, standstillNs, OptionalLong.of(nowNs), fallNs);
    }

    StopTruth fell(long nowNs) {
        return fallNs.isPresent() ? this
                : new StopTruth(kind, category, triggerNs, standstillNs, driveOffNs, OptionalLong.of(nowNs));
    }
}
