package org.hcert.conformance.family;

import java.util.Arrays;

/**
 * Centred moving mean of a sampled vector signal, in one pass: each sample is replaced by the mean
 * of the samples within ±{@code halfWidthNs} of it, component by component. A sample is emitted
 * once a later sample beyond its half-width has arrived (or at {@link #flush}, with what has
 * arrived), so the output lags the input by at most one half-width and memory holds one window.
 *
 * <p>A centred mean leaves a signal that is linear over the window unchanged, so it does not
 * shift a threshold crossing of a steady deceleration; it divides uncorrelated noise by √n for n
 * samples in the window. With a half-width shorter than the sample period it emits every sample
 * unchanged. A NaN anywhere in the window makes that component NaN. With a half-width of 0 every
 * sample passes through at once.
 *
 * <p>It runs once per joint and sample of a 1 kHz recording, so it keeps its window in primitive
 * ring buffers and hands the sink one scratch array: no allocation per sample.
 */
final class CentredMean {

    /** Receives smoothed samples in time order; {@code mean} is valid only during the call. */
    interface Sink {
        void accept(long tNs, double[] mean);

        /**
         * Whether the sink wants the samples emitted now; while it does not, they are passed over
         * without computing their means (the window keeps every sample, so the means after it wants
         * them again are the same).
         */
        default boolean wants() {
            return true;
        }
    }

    private final long halfWidthNs;
    private final int width;
    private final Sink sink;
    private final double[] mean;
    /** The window: entries [0, emitted) were emitted and are still within reach of a pending one; the rest are pending. */
    private long[] times = new long[16];
    private double[] values;
    private int head;
    private int size;
    private int emitted;

    /**
     * @param halfWidthNs half the width of the window, ns
     * @param width the number of components of every sample
     */
    CentredMean(long halfWidthNs, int width, Sink sink) {
        if (halfWidthNs < 0) {
            throw new IllegalArgumentException("half-width must not be negative: " + halfWidthNs);
        }
        if (width < 1) {
            throw new IllegalArgumentException("a sample has at least one component, not " + width);
        }
        this.halfWidthNs = halfWidthNs;
        this.width = width;
        this.sink = sink;
        this.mean = new double[width];
        this.values = new double[times.length * width];
    }

    /** Add the sample at {@code tNs} (not earlier than the previous one); {@code v} is copied. */
    void add(long tNs, double... v) {
        if (v.length != width) {
            throw new IllegalArgumentException("a sample of %d components, not %d".formatted(v.length, width));
        }
        if (halfWidthNs == 0) {
            sink.accept(tNs, v);
            return;
        }
        int at = append(tNs); // first: it may replace the arrays
        System.arraycopy(v, 0, values, at * width, width);
        emitReady(tNs);
    }

    /** Add a sample of one component at {@code tNs} (not earlier than the previous one). */
    void add(long tNs, double v) {
        if (width != 1) {
            throw new IllegalArgumentException("a sample of 1 component, not " + width);
        }
        if (halfWidthNs == 0) {
            mean[0] = v;
            sink.accept(tNs, mean);
            return;
        }
        int at = append(tNs); // first: it may replace the arrays
        values[at] = v;
        emitReady(tNs);
    }

    /** Make room for a sample at {@code tNs}; its slot. */
    private int append(long tNs) {
        if (size == times.length) {
            grow();
        }
        int at = (head + size) & (times.length - 1);
        times[at] = tNs;
        size++;
        return at;
    }

    private void emitReady(long tNs) {
        while (emitted < size && tNs - times[index(emitted)] > halfWidthNs) {
            emitNext();
        }
    }

    /** Emit every pending sample with the samples that have arrived so far. */
    void flush() {
        while (emitted < size) {
            emitNext();
        }
    }

    private void emitNext() {
        long centre = times[index(emitted)];
        while (emitted > 0 && centre - times[head] > halfWidthNs) {
            head = (head + 1) & (times.length - 1);
            size--;
            emitted--;
        }
        if (!sink.wants()) {
            emitted++;
            return;
        }
        Arrays.fill(mean, 0);
        // the order of the sums of the first version (before, after, then the centre), so values do not move
        int n = 0;
        for (int k = 0; k < emitted; k++) {
            n += sum(k);
        }
        for (int k = emitted + 1; k < size && times[index(k)] - centre <= halfWidthNs; k++) {
            n += sum(k);
        }
        n += sum(emitted);
        for (int i = 0; i < width; i++) {
            mean[i] /= n;
        }
        emitted++;
        sink.accept(centre, mean);
    }

    private int sum(int k) {
        int at = index(k) * width;
        for (int i = 0; i < width; i++) {
            mean[i] += values[at + i];
        }
        return 1;
    }

    /** The slot of the {@code k}-th sample of the window; the buffers' length is a power of two. */
    private int index(int k) {
        return (head + k) & (times.length - 1);
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        double[] v = new double[t.length * width];
        for (int k = 0; k < size; k++) {
            t[k] = times[index(k)];
            System.arraycopy(values, index(k) * width, v, k * width, width);
        }
        times = t;
        values = v;
        head = 0;
    }
}
