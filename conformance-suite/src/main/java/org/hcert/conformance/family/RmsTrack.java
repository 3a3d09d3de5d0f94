package org.hcert.conformance.family;

import java.util.List;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.TimeWindow;

/**
 * The largest root mean square of one joint's effort over any window of a given length ending at one
 * of its samples, in one pass: τ² is integrated by the trapezoid rule between consecutive samples,
 * and the window slides sample by sample (a segment cut by the window's start counts in proportion).
 * Memory holds one window of segments, in primitive ring buffers (a 1 kHz joint's 5 s window is
 * 5,000 segments, and there is one per joint).
 *
 * <p>A segment longer than {@code maxSampleGap} is unknown: it adds nothing to the integral, so a
 * window holding one gives only a lower bound on its RMS. Once any window had such a segment the
 * reading is a bound ({@link Bound#AT_LEAST}): it still proves a FAIL, never a PASS.
 */
final class RmsTrack {

    private final String subject;
    private final long windowNs;
    private final long maxGapNs;
    /** The window's segments, oldest at {@code head}; the buffers' length is a power of two. */
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private double[] energies = new double[64];
    private boolean[] gaps = new boolean[64];
    private int head;
    private int size;
    private double energy;
    private int gapsInWindow;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private double lastSquare;
    private double maxRms = Double.NaN;
    private long maxEndNs;
    private boolean anyGap;

    RmsTrack(String subject, long windowNs, long maxGapNs) {
        this.subject = subject;
        this.windowNs = windowNs;
        this.maxGapNs = maxGapNs;
    }

    /** Take the effort at {@code tNs}, N·m; NaN is absent (the interval around it is unknown). */
    void add(long tNs, double effortNm) {
        if (!Double.isFinite(effortNm)) {
            return;
        }
        double square = effortNm * effortNm;
        if (lastNs == Long.MIN_VALUE) {
            firstNs = tNs;
        } else if (tNs > lastNs) {
            long dt = tNs - lastNs;
            boolean gap = dt > maxGapNs;
            double e = gap ? 0 : (lastSquare + square) / 2 * dt / 1e9;
            append(lastNs, tNs, e, gap);
            energy += e;
            gapsInWindow += gap ? 1 : 0;
            slide(tNs);
        }
        lastNs = tNs;
        lastSquare = square;
    }

    private void slide(long endNs) {
        long startNs = endNs - windowNs;
        while (size > 0 && ends[head] <= startNs) {
            energy -= energies[head];
            gapsInWindow -= gaps[head] ? 1 : 0;
            head = (head + 1) & (ends.length - 1);
            size--;
        }
        if (firstNs > startNs) {
            return;
        }
        double cut = size == 0 || starts[head] >= startNs ? 0
                : energies[head] * (startNs - starts[head]) / (double) (ends[head] - starts[head]);
        double rms = Math.sqrt(Math.max(0, (energy - cut) / (windowNs / 1e9)));
        anyGap |= gapsInWindow > 0;
        if (Double.isNaN(maxRms) || rms > maxRms) {
            maxRms = rms;
            maxEndNs = endNs;
        }
    }

    private void append(long startNs, long endNs, double e, boolean gap) {
        if (size == ends.length) {
            int n = ends.length * 2;
            long[] s = new long[n];
            long[] en = new long[n];
            double[] es = new double[n];
            boolean[] g = new boolean[n];
            for (int k = 0; k < size; k++) {
                int at = (head + k) & (ends.length - 1);
                s[k] = starts[at];
                en[k] = ends[at];
                es[k] = energies[at];
                g[k] = gaps[at];
            }
            starts = s;
            ends = en;
            energies = es;
            gaps = g;
            head = 0;
        }
        int at = (head + size) & (ends.length - 1);
        starts[at] = startNs;
        ends[at] = endNs;
        energies[at] = e;
        gaps[at] = gap;
        size++;
    }

    /** The reading: the largest windowed RMS, or none when no whole window was sampled. */
    Reading reading(TimeWindow all) {
        if (Double.isNaN(maxRms)) {
            String why = lastNs == Long.MIN_VALUE ? "%s never reports an effort".formatted(subject)
                    : "%s's efforts span only %s, less than one window of %s".formatted(subject,
                            Times.ms(lastNs - firstNs), Times.ms(windowNs));
            return Reading.none(subject, all, List.of(why), "");
        }
        List<String> gaps = new java.util.ArrayList<>();
        if (anyGap) {
            gaps.add("%s's efforts have gaps longer than %s inside a window, counted as no effort".formatted(subject,
                    Times.ms(maxGapNs)));
        }
        long unseen = Math.max(firstNs - all.startNs(), all.endNs() - lastNs);
        if (unseen > maxGapNs) {
            gaps.add("%s's efforts are missing for %s at the start or the end of the run".formatted(subject, Times.ms(unseen)));
        }
        return new Reading(subject, TimeWindow.of(maxEndNs - windowNs, maxEndNs), java.util.OptionalDouble.of(maxRms),
                gaps.isEmpty() ? Bound.EXACT : Bound.AT_LEAST, gaps, "%s: largest RMS effort %s N·m over the %s window ending at %s"
                        .formatted(subject, Quantity.format(maxRms), Times.ms(windowNs), TimeWindow.of(maxEndNs, maxEndNs)));
    }
}
