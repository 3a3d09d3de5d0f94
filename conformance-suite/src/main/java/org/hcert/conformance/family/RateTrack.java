package org.hcert.conformance.family;


/**
 * The lowest rate of one stream over sliding windows of a fixed length, in one pass: the fewest
 * messages any window held, divided by its length. The windows are those that start at each of the
 * stream's messages, the one that starts with the run and the one that ends with it, each lying wholly
 * inside the run (half-open: {@code [start, start + W)}). A window starting at a message of a
 * periodic stream holds exactly its rate × W messages however late each of the others comes within
 * its period, so jitter does not lower the rate; a stream that stops, starts late or pauses leaves a
 * window with fewer. Memory holds one window of message times, in primitive ring buffers (a 1 kHz
 * stream's 2 s window is 2,000 times, and a boxed one would allocate per message).
 */
final class RateTrack {

    private final long windowNs;
    /**
     * The message times of the last window, in one ring: element {@code i} (counted from the first
     * message) at {@code times[i & (times.length - 1)]}. Those from {@link #recentStart} on lie
     * within one window of the last message ({@code t ≥ last − W}), for the window that ends the
     * run; those from {@link #openStart} on start a window still open ({@code t + W > last}), a
     * suffix of the former.
     */
    private long[] times = new long[64];
    private long added;
    private long recentStart;
    private long openStart;
    /** The start of the last window judged, and the messages it held. */
    private long lastClosedNs = Long.MIN_VALUE;
    private long lastClosedCount;
    private long runStartNs = Long.MIN_VALUE;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private int startCount;
    private long fewest = Long.MAX_VALUE;
    private long fewestAtNs;

    RateTrack(long windowNs) {
        this.windowNs = windowNs;
    }

    /** Take a message at {@code tNs}; {@code runStartNs} is the start of the run it belongs to. */
    void add(long tNs, long runStartNs) {
        if (this.runStartNs == Long.MIN_VALUE) {
            this.runStartNs = runStartNs;
        }
        closeWindows(tNs);
        if (added - recentStart == times.length) {
            grow();
        }
        int mask = times.length - 1;
        times[(int) (added & mask)] = tNs;
        added++;
        while (times[(int) (recentStart & mask)] < tNs - windowNs) {
            recentStart++;
        }
        if (tNs < this.runStartNs + windowNs) {
            startCount++;
        }
        if (firstNs == Long.MIN_VALUE) {
            firstNs = tNs;
        }
        lastNs = tNs;
    }

    /**
     * Judge the windows that start at a message and end by {@code tNs}: each held the messages from
     * its start on, and those before it at the same instant (a window starting at the second of two
     * messages with one time holds both).
     */
    private void closeWindows(long tNs) {
        int mask = times.length - 1;
        while (openStart < added && times[(int) (openStart & mask)] + windowNs <= tNs) {
            long startNs = times[(int) (openStart & mask)];
            if (startNs != lastClosedNs) {
                lastClosedNs = startNs;
                lastClosedCount = added - openStart;
            }
            consider(lastClosedCount, startNs);
            openStart++;
        }
    }

    private void grow() {
        long[] grown = new long[times.length * 2];
        for (long i = recentStart; i < added; i++) {
            grown[(int) (i & (grown.length - 1))] = times[(int) (i & (times.length - 1))];
        }
        times = grown;
    }

    private void consider(long count, long startNs) {
        if (count < fewest) {
            fewest = count;
            fewestAtNs = startNs;
        }
    }

    /** Close the windows that end by {@code runEndNs}, the end of the run. */
    void finish(long runStartNs, long runEndNs) {
        long start = this.runStartNs == Long.MIN_VALUE ? runStartNs : this.runStartNs;
        closeWindows(runEndNs);
        if (start + windowNs <= runEndNs) {
            consider(startCount, start);
            long endStart = runEndNs - windowNs;
            long n = 0;
            for (long i = recentStart; i < added; i++) {
                long t = times[(int) (i & (times.length - 1))];
                if (t >= endStart && t < runEndNs) {
                    n++;
                }
            }
            consider(n, endStart);
        }
    }

    /** Whether any whole window was seen (the run lasted at least one window). */
    boolean measured() {
        return fewest != Long.MAX_VALUE;
    }

    /** The lowest rate over a window, Hz. */
    double lowestHz() {
        return fewest / (windowNs / 1e9);
    }

    long fewest() {
        return fewest;
    }

    long fewestAtNs() {
        return fewestAtNs;
    }

    long messages() {
        return added;
    }

    long firstNs() {
        return firstNs;
    }

    long lastNs() {
        return lastNs;
    }
}
