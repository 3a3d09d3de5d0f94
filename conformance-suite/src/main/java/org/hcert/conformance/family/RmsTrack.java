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
 * <p>Samples are taken in batches: {@link #add} only notes the sample, and every {@value #BATCH}
 * samples (and before the reading) the batch is worked through in order. The arithmetic is the same,
 * sample by sample; what changes is the order of memory accesses. Taken one at a time, 40 joints'
 * samples touch 40 rings' oldest segments in turn, each a cache miss (a ring holds seconds of
 * segments); taken in batches, one ring's oldest segments are read one after the other.
 *
 * <p>A segment longer than {@code maxSampleGap} is unknown: it adds nothing to the integral, so a
 * window holding one gives only a lower bound on its RMS. Once any window had such a segment the
 * reading is a bound ({@link Bound#AT_LEAST}): it still proves a FAIL, never a PASS.
 */
final class RmsTrack {

    /** The energy of a segment that is a gap (longer than the largest gap allowed): it counts as none. */
    private static final double GAP = -1;
    /** How many samples are noted before they are worked through. */
    private static final int BATCH = 256;

    private final String subject;
    private final long windowNs;
    private final long maxGapNs;
    /**
     * The window's segments, oldest at {@code head}, by their ends and energies (a gap's is
     * {@link #GAP}); each starts where the one before it ends, the oldest at {@link #headStartNs}.
     * Both are kept side by side in one ring ({@code ring[2k]} the end, {@code ring[2k + 1]} the
     * energy's bits), whose number of segments is a power of two: with 40 joints at 1 kHz and a
     * window of seconds the rings do not fit in the caches, and every separate array would be one
     * more stream of misses per sample.
     */
    private long[] ring = new long[2 * 64];
    private long headStartNs;
    private int head;
    private int size;
    private double energy;
    private int gapsInWindow;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private double lastSquare;
    /** The largest energy of a whole window, N²·m²·s (its RMS is taken once, at the reading). */
    private double maxEnergy = Double.NaN;
    private long maxEndNs;
    private boolean anyGap;
    /** The samples noted and not yet worked through: {@code batch[2k]} the time, {@code batch[2k + 1]} the effort's bits. */
    private final long[] batch = new long[2 * BATCH];
    private int batched;

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
        batch[2 * batched] = tNs;
        batch[2 * batched + 1] = Double.doubleToRawLongBits(effortNm);
        if (++batched == BATCH) {
            drain();
        }
    }

    /** Work through the noted samples, in the order they were added. */
    private void drain() {
        for (int k = 0; k < batched; k++) {
            take(batch[2 * k], Double.longBitsToDouble(batch[2 * k + 1]));
        }
        batched = 0;
    }

    private void take(long tNs, double effortNm) {
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
        int mask = ring.length / 2 - 1;
        while (size > 0 && ring[2 * head] <= startNs) {
            double e = Double.longBitsToDouble(ring[2 * head + 1]);
            if (e == GAP) {
                gapsInWindow--;
            } else {
                energy -= e;
            }
            headStartNs = ring[2 * head];
            head = (head + 1) & mask;
            size--;
        }
        if (firstNs > startNs) {
            return;
        }
        anyGap |= gapsInWindow > 0;
        if (energy <= maxEnergy) {
            return; // the window's energy is at most the segments' whole energy: not a new largest (the usual case)
        }
        double headEnergy = size == 0 ? 0 : Double.longBitsToDouble(ring[2 * head + 1]);
        double cut = size == 0 || headStartNs >= startNs || headEnergy == GAP ? 0
                : headEnergy * (startNs - headStartNs) / (double) (ring[2 * head] - headStartNs);
        double windowEnergy = Math.max(0, energy - cut);
        if (Double.isNaN(maxEnergy) || windowEnergy > maxEnergy) {
            maxEnergy = windowEnergy;
            maxEndNs = endNs;
        }
    }

    private void append(long startNs, long endNs, double e, boolean gap) {
        if (size == 0) {
            headStartNs = startNs;
        }
        int segments = ring.length / 2;
        if (size == segments) {
            long[] grown = new long[2 * ring.length];
            for (int k = 0; k < size; k++) {
                int at = (head + k) & (segments - 1);
                grown[2 * k] = ring[2 * at];
                grown[2 * k + 1] = ring[2 * at + 1];
            }
            ring = grown;
            head = 0;
            segments *= 2;
        }
        int at = (head + size) & (segments - 1);
        ring[2 * at] = endNs;
        ring[2 * at + 1] = Double.doubleToRawLongBits(gap ? GAP : e);
        size++;
    }

    /** The reading: the largest windowed RMS, or none when no whole window was sampled. */
    Reading reading(TimeWindow all) {
        drain();
        if (Double.isNaN(maxEnergy)) {
            String why = lastNs == Long.MIN_VALUE ? "%s never reports an effort".formatted(subject)
                    : "%s's efforts span only %s, less than one window of %s".formatted(subject,
                            Times.ms(lastNs - firstNs), Times.ms(windowNs));
            return Reading.none(subject, all, List.of(why), "");
        }
        double maxRms = Math.sqrt(maxEnergy / (windowNs / 1e9));
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
