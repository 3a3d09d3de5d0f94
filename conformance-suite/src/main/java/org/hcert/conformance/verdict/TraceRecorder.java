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
    /** The closed buckets: their first sample's time, smallest and largest value. */
    private long[] tNs = new long[16];
    private double[] min = new double[16];
    private double[] max = new double[16];
    private int closed;
    /** The open bucket, in fields (the array stores of every sample were most of a recorder's time); none while {@code inOpen} is 0. */
    private long openNs;
    private double openMin;
    private double openMax;
    private int inOpen;
    private int perBucket = 1;
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
        if (inOpen > 0 && inOpen < perBucket) {
            openMin = Math.min(openMin, value);
            openMax = Math.max(openMax, value);
            inOpen++;
            return;
        }
        if (inOpen > 0) {
            close();
        }
        openNs = atNs;
        openMin = value;
        openMax = value;
        inOpen = 1;
    }

    /** Move the open bucket into the arrays; when they are full, merge neighbours and double the samples per bucket. */
    private void close() {
        if (closed == tNs.length) {
            int grown = Math.min(MAX_POINTS, closed * 2);
            tNs = java.util.Arrays.copyOf(tNs, grown);
            min = java.util.Arrays.copyOf(min, grown);
            max = java.util.Arrays.copyOf(max, grown);
        }
        tNs[closed] = openNs;
        min[closed] = openMin;
        max[closed] = openMax;
        closed++;
        inOpen = 0;
        if (closed == MAX_POINTS) {
            int half = closed / 2;
            for (int i = 0; i < half; i++) {
                int a = 2 * i;
                tNs[i] = tNs[a];
                min[i] = Math.min(min[a], min[a + 1]);
                max[i] = Math.max(max[a], max[a + 1]);
            }
            closed = half;
            perBucket *= 2;
        }
    }

    /**
     * Take what {@code other} kept, as if its samples came now: each of its buckets' extremes at
     * the bucket's time. Its samples count as taken here.
     */
    public void absorb(TraceRecorder other) {
        long before = samples;
        for (Trace.Point p : other.points()) {
            add(p.tNs(), p.min());
            if (p.max() != p.min()) {
                add(p.tNs(), p.max());
            }
        }
        samples = before + other.samples;
    }

    private List<Trace.Point> points() {
        List<Trace.Point> out = new ArrayList<>(closed + 1);
        for (int i = 0; i < closed; i++) {
            out.add(new Trace.Point(tNs[i], min[i], max[i]));
        }
        if (inOpen > 0) {
            out.add(new Trace.Point(openNs, openMin, openMax));
        }
        return out;
    }

    /** The samples so far. */
    public Trace trace() {
        return new Trace(signal, unit, limitOn, points(), threshold, samples);
    }

    /** Whether no sample was taken. */
    public boolean isEmpty() {
        return samples == 0;
    }
}
