package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lowest windowed rate against its definition, counted window by window. */
class RateTrackTest {

    private static final long MS = 1_000_000L;

    /** Fewest messages of any window [s, s + W) wholly in the run: s at each message, at the run's start, and W before its end. */
    private static long[] reference(long[] times, long windowNs, long runStart, long runEnd) {
        long fewest = Long.MAX_VALUE;
        long at = 0;
        long[] starts = new long[times.length + 2];
        System.arraycopy(times, 0, starts, 0, times.length);
        starts[times.length] = runStart;
        starts[times.length + 1] = runEnd - windowNs;
        for (int k = 0; k < starts.length; k++) {
            long s = starts[k];
            if (s < runStart || s + windowNs > runEnd) {
                continue;
            }
            long n = Arrays.stream(times).filter(t -> t >= s && t < s + windowNs).count();
            if (n < fewest) {
                fewest = n;
                at = s;
            }
        }
        return new long[] {fewest, at};
    }

    @Test
    void aPeriodicStreamWithAPauseHasTheRateOfTheWindowAcrossThePause() {
        // 1 kHz for 5 s, silent from 2.0 to 2.5 s; windows of 1 s
        long[] times = java.util.stream.LongStream.range(0, 5000).filter(i -> i < 2000 || i >= 2500).map(i -> i * MS).toArray();
        RateTrack r = new RateTrack(1000 * MS);
        for (long t : times) {
            r.add(t, 0);
        }
        r.finish(0, 5000 * MS);
        assertThat(r.fewest()).isEqualTo(500);
        assertThat(r.lowestHz()).isEqualTo(500.0);
        assertThat(r.messages()).isEqualTo(4500);
    }

    @Test
    void randomStreamsAgreeWithTheDefinition() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(400);
            long windowNs = (1 + random.nextInt(200)) * MS;
            long[] times = new long[n];
            long t = random.nextInt(50) * MS;
            for (int i = 0; i < n; i++) {
                // mostly periodic, sometimes equal times, sometimes a long pause
                t += random.nextInt(10) == 0 ? random.nextInt(300) * MS : random.nextInt(3) * MS;
                times[i] = t;
            }
            long runStart = 0;
            long runEnd = t + random.nextInt(100) * MS;
            RateTrack r = new RateTrack(windowNs);
            for (long x : times) {
                r.add(x, runStart);
            }
            r.finish(runStart, runEnd);
            long[] expected = reference(times, windowNs, runStart, runEnd);
            if (expected[0] == Long.MAX_VALUE) {
                assertThat(r.measured()).as("trial %d: no whole window", trial).isFalse();
            } else {
                assertThat(r.fewest()).as("trial %d: fewest", trial).isEqualTo(expected[0]);
                assertThat(r.fewestAtNs()).as("trial %d: where", trial).isEqualTo(expected[1]);
            }
            assertThat(r.messages()).isEqualTo(n);
            assertThat(r.firstNs()).isEqualTo(times[0]);
            assertThat(r.lastNs()).isEqualTo(times[n - 1]);
        }
    }
}
