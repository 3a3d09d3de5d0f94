package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

/** The windowed RMS against a direct computation of every window, on irregular samples with gaps. */
class RmsTrackTest {

    private static final long MS = 1_000_000L;

    private record Sample(long tNs, double effortNm) {}

    /** The largest window energy and where it ends, computed window by window, and whether any window held a gap. */
    private record Reference(double maxEnergy, long maxEndNs, boolean anyGap) {}

    private static Reference direct(List<Sample> samples, long windowNs, long maxGapNs) {
        List<Sample> finite = samples.stream().filter(s -> Double.isFinite(s.effortNm())).toList();
        double best = Double.NaN;
        long bestEnd = 0;
        boolean anyGap = false;
        long first = finite.get(0).tNs();
        for (int k = 1; k < finite.size(); k++) {
            long end = finite.get(k).tNs();
            long start = end - windowNs;
            if (first > start) {
                continue;
            }
            double energy = 0;
            for (int i = 1; i <= k; i++) {
                Sample a = finite.get(i - 1);
                Sample b = finite.get(i);
                if (b.tNs() <= start) {
                    continue;
                }
                long dt = b.tNs() - a.tNs();
                if (dt > maxGapNs) {
                    anyGap = true;
                    continue;
                }
                double e = (a.effortNm() * a.effortNm() + b.effortNm() * b.effortNm()) / 2 * dt / 1e9;
                energy += a.tNs() < start ? e * (b.tNs() - start) / (double) dt : e;
            }
            if (Double.isNaN(best) || energy > best) {
                best = energy;
                bestEnd = end;
            }
        }
        return new Reference(best, bestEnd, anyGap);
    }

    private static List<Sample> irregular(long seed, int n, double gapChance, double nanChance) {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += random.nextDouble() < gapChance ? 30 * MS : (long) (MS * (0.5 + random.nextDouble()));
            double effort = random.nextDouble() < nanChance ? Double.NaN
                    : 20 * Math.sin(i / 300.0) + 5 * random.nextGaussian() + (i > n * 2 / 3 ? 8 : 0);
            out.add(new Sample(t, effort));
        }
        return out;
    }

    private static void assertMatches(List<Sample> samples, long windowNs, long maxGapNs) {
        RmsTrack track = new RmsTrack("j", windowNs, maxGapNs);
        samples.forEach(s -> track.add(s.tNs(), s.effortNm()));
        Reading r = track.reading(TimeWindow.of(samples.get(0).tNs(), samples.get(samples.size() - 1).tNs()));
        Reference ref = direct(samples, windowNs, maxGapNs);
        double rms = Math.sqrt(ref.maxEnergy() / (windowNs / 1e9));
        assertThat(r.valueSi().getAsDouble()).isCloseTo(rms, within(1e-9 * rms));
        assertThat(r.window().endNs()).isEqualTo(ref.maxEndNs());
        assertThat(r.bound()).isEqualTo(ref.anyGap() ? Bound.AT_LEAST : Bound.EXACT);
    }

    @Test
    void everyWindowOfIrregularSamplesIsJudgedExactly() {
        // 6,000 samples 0.5 to 1.5 ms apart, windows of 0.4 s (hundreds of segments, many blocks, rings that grow).
        for (long seed = 1; seed <= 5; seed++) {
            assertMatches(irregular(seed, 6000, 0, 0.01), 400 * MS, 10 * MS);
        }
    }

    @Test
    void aGapInsideAnyWindowIsFoundWhereverItFallsInABlock() {
        for (long seed = 11; seed <= 15; seed++) {
            assertMatches(irregular(seed, 6000, 0.0005, 0), 250 * MS, 10 * MS);
        }
    }

    @Test
    void aWindowShorterThanABlockIsCutExactly() {
        // 10 ms windows hold about ten segments: the oldest block is cut inside it at every sample.
        assertMatches(irregular(21, 3000, 0, 0), 10 * MS, 5 * MS);
    }
}
