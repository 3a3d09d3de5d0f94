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
    private final TimeQueue open = new TimeQueue();
    private final TimeQueue recent = new TimeQueue();
    private long runStartNs = Long.MIN_VALUE;
    private long messages;
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
        while (!open.isEmpty() && open.getFirst() + windowNs <= tNs) {
            consider(open.size(), open.removeFirst());
        }
        open.add(tNs);
        recent.add(tNs);
        while (recent.getFirst() < tNs - windowNs) {
            recent.removeFirst();
        }
        if (tNs < this.runStartNs + windowNs) {
            startCount++;
        }
        if (firstNs == Long.MIN_VALUE) {
            firstNs = tNs;
        }
        lastNs = tNs;
        messages++;
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
        while (!open.isEmpty() && open.getFirst() + windowNs <= runEndNs) {
            consider(open.size(), open.removeFirst());
        }
        if (start + windowNs <= runEndNs) {
            consider(startCount, start);
            long endStart = runEndNs - windowNs;
            consider(recent.count(endStart, runEndNs), endStart);
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
        return messages;
    }

    long firstNs() {
        return firstNs;
    }

    long lastNs() {
        return lastNs;
    }

    /** A queue of message times in a ring buffer whose length is a power of two. */
    private static final class TimeQueue {
        private long[] times = new long[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        long getFirst() {
            if (size == 0) {
                throw new java.util.NoSuchElementException("no message time");
            }
            return times[head];
        }

        long removeFirst() {
            long t = getFirst();
            head = (head + 1) & (times.length - 1);
            size--;
            return t;
        }

        void add(long t) {
            if (size == times.length) {
                long[] grown = new long[times.length * 2];
                for (int k = 0; k < size; k++) {
                    grown[k] = times[(head + k) & (times.length - 1)];
                }
                times = grown;
                head = 0;
            }
            times[(head + size) & (times.length - 1)] = t;
            size++;
        }

        /** How many times lie in [from, to). */
        long count(long from, long to) {
            long n = 0;
            for (int k = 0; k < size; k++) {
                long t = times[(head + k) & (times.length - 1)];
                if (t >= from && t < to) {
                    n++;
                }
            }
            return n;
        }
    }
}
