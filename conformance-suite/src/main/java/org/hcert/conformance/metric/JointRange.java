package org.hcert.conformance.metric;

/**
 * The range one joint covered over a recording, against its declared limits.
 *
 * @param name the joint name as in the robot profile
 * @param lowerRad declared lower soft limit, rad
 * @param upperRad declared upper soft limit, rad
 * @param samples number of finite position samples
 * @param minRad the lowest position seen, rad (NaN when no sample)
 * @param minAtNs when it was seen
 * @param maxRad the highest position seen, rad (NaN when no sample)
 * @param maxAtNs when it was seen
 */
public record JointRange(
        String name, double lowerRad, double upperRad, long samples, double minRad, long minAtNs, double maxRad,
        long maxAtNs) {

    /** How far the joint went beyond its limits, rad; negative means it stayed inside by that margin. */
    public double worstOverrunRad() {
        return Math.max(lowerRad - minRad, maxRad - upperRad);
    }

    /** Whether the worst overrun is on the upper side. */
    public boolean worstIsUpper() {
        return maxRad - upperRad >= lowerRad - minRad;
    }

    /** When the worst approach to (or overrun of) a limit happened. */
    public long worstAtNs() {
        return worstIsUpper() ? maxAtNs : minAtNs;
    }
}
