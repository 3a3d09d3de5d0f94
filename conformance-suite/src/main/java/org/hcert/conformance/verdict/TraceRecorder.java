package org.hcert.conformance.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a signal for its plot in bounded memory, however long the run: samples go into buckets of
 * equal sample count, and when the buckets are full, neighbours are merged (their extremes kept) and
 * the count per bucket doubles. A non-finite value is absent and not kept. Adding is constant time
 * amortised; the memory grows with the buckets used, so a recorder of a short stretch is small.
 */
public final class TraceRecorder {

    /** The most buckets kept; a plot is a few hundred pixels wide. */
    public static final int MAX_POINTS = 1024;

    private final String signal;
    private final String unit;
    private final Trace.LimitOn limitOn;
    private final Optional<Trace.Threshold> threshold;
    private long[] tNs = new long[16];
    private double[] min = new double[16];
    private double[] max = new double[16];
    private int points;
    private int perBucket = 1;
    private int inLast;
    private long samples;

    public TraceRecorder(String signal, String unit, Trace.LimitOn limitOn, Optional<Trace.Threshold> threshold) {
        this.signal = signal;
        this.unit = unit;
        this.limitOn = limitOn;
        this.threshold = threshold;
    }

    /** Take a sample (SI); NaN or infinite is absent. */
    public void add(long atNs, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        samples++;
        if (points > 0 && inLast < perBucket) {
            int i = points - 1;
            min[i] = Math.min(min[i], value);
            max[i] = Math.max(max[i], value);
            inLast++;
            return;
        }
        if (points == MAX_POINTS) {
            halve();
        } else if (points == tNs.length) {
            int grown = Math.min(MAX_POINTS, points * 2);
            tNs = java.util.Arrays.copyOf(tNs, grown);
            min = java.util.Arrays.copyOf(min, grown);
            max = java.util.Arrays.copyOf(max, grown);
        }
        tNs[points] = atNs;
        min[points] = value;
        max[points] = value;
        points++;
        inLast = 1;
    }

    private void halve() {
        int half = points / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            tNs[i] = tNs[a];
            min[i] = Math.min(min[a], min[a + 1]);
            max[i] = Math.max(max[a], max[a + 1]);
        }
        points = half;
        perBucket *= 2;
        inLast = perBucket;
    }

    /**
     * Take what {@code other} kept, as if its samples came now: each of its buckets' extremes at
     * the bucket's time. Its samples count as taken here.
     */
    public void absorb(TraceRecorder other) {
        long before = samples;
        for (int i = 0; i < other.points; i++) {
            add(other.tNs[i], other.min[i]);
            if (other.max[i] != other.min[i]) {
                add(other.tNs[i], other.max[i]);
            }
        }
        samples = before + other.samples;
    }

    /** The samples so far. */
    public Trace trace() {
        List<Trace.Point> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            out.add(new Trace.Point(tNs[i], min[i], max[i]));
        }
        return new Trace(signal, unit, limitOn, out, threshold, samples);
    }

    /** Whether no sample was taken. */
    public boolean isEmpty() {
        return samples == 0;
    }
}
