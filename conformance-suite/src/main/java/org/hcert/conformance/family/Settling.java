package org.hcert.conformance.family;

/**
 * Track when a sampled signal settles for good: the first sample after the last one that was
 * "moving". Memory is constant, so a window of any length is evaluated in one pass.
 */
final class Settling {

    private long samples;
    private long unknownSamples;
    private long firstNs = Long.MIN_VALUE;
    private long previousNs = Long.MIN_VALUE;
    private long maxGapNs;
    private long settledSinceNs = Long.MIN_VALUE;
    private boolean lastMoving = true;
    private boolean lastKnown = true;

    /**
     * Add one sample.
     *
     * @param startNs start of the window, for the gap before the first sample
     * @param moving whether the signal is above its standstill tolerance
     * @param known false when the value is missing (NaN); counted, and treated as moving
     */
    void add(long startNs, long tNs, boolean moving, boolean known) {
        maxGapNs = Math.max(maxGapNs, tNs - (previousNs == Long.MIN_VALUE ? startNs : previousNs));
        previousNs = tNs;
        if (firstNs == Long.MIN_VALUE) {
            firstNs = tNs;
        }
        samples++;
        if (!known) {
            unknownSamples++;
        }
        boolean nowMoving = moving || !known;
        if (nowMoving) {
            settledSinceNs = Long.MIN_VALUE;
        } else if (lastMoving || settledSinceNs == Long.MIN_VALUE) {
            settledSinceNs = tNs;
        }
        lastMoving = nowMoving;
        lastKnown = known;
    }

    /** Whether the last sample was seen moving (not merely unknown). */
    boolean lastSeenMoving() {
        return samples > 0 && lastMoving && lastKnown;
    }

    /** Whether the last sample had no usable value. */
    boolean lastUnknown() {
        return samples > 0 && !lastKnown;
    }

    long samples() {
        return samples;
    }

    long unknownSamples() {
        return unknownSamples;
    }

    long maxGapNs() {
        return maxGapNs;
    }

    long lastNs() {
        return previousNs;
    }

    /** The instant the signal settled for good, or {@code Long.MIN_VALUE} if it is still moving. */
    long settledSinceNs() {
        return settledSinceNs;
    }
}
