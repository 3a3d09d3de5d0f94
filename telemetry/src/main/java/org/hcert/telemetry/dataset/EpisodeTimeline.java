package org.hcert.telemetry.dataset;

/**
 * Lays the episodes of a data set end to end on one time line. Each episode keeps its own times;
 * an episode whose times start at or before the end of the previous one (most start at 0) is moved
 * to begin one frame period after it. Episodes whose times already follow each other stay as they are.
 */
final class EpisodeTimeline {

    private long lastNs = Long.MIN_VALUE;

    /**
     * The offset to add to the times of the next episode, whose first frame is at {@code firstNs}
     * and whose frames come every {@code periodNs} (at least 1 ns).
     */
    long next(long firstNs, long periodNs) {
        if (lastNs == Long.MIN_VALUE || firstNs > lastNs) {
            return 0;
        }
        return Math.addExact(lastNs, Math.max(1, periodNs)) - firstNs;
    }

    /** Note the (shifted) time of a frame just given out. */
    void frame(long ns) {
        lastNs = Math.max(lastNs, ns);
    }
}
