package org.hcert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

    private static TraceRecorder recorder() {
        return new TraceRecorder("speed", "m/s", Trace.LimitOn.VALUE, Optional.empty());
    }

    @Test
    void aShortSignalIsKeptSampleForSample() {
        TraceRecorder r = recorder();
        for (int i = 0; i < 100; i++) {
            r.add(i * 1_000_000L, i * 0.5);
        }
        Trace t = r.trace();
        assertThat(t.whole()).isTrue();
        assertThat(t.points()).hasSize(100);
        assertThat(t.points().get(37)).isEqualTo(new Trace.Point(37_000_000L, 18.5, 18.5));
    }

    /** Ten minutes at 1 kHz with one spike of one sample: the spike survives the thinning, in its bucket. */
    @Test
    void aLongSignalIsThinnedToBoundedBucketsThatKeepEveryExtreme() {
        TraceRecorder r = recorder();
        int n = 600_000;
        long spikeNs = 417_123L * 1_000_000L;
        for (int i = 0; i < n; i++) {
            long t = i * 1_000_000L;
            r.add(t, t == spikeNs ? 9.0 : t == 5_000_000L ? -3.0 : Math.sin(i / 1000.0));
        }
        Trace t = r.trace();
        assertThat(t.samples()).isEqualTo(n);
        assertThat(t.points()).hasSizeLessThanOrEqualTo(TraceRecorder.MAX_POINTS).hasSizeGreaterThan(TraceRecorder.MAX_POINTS / 4);
        assertThat(t.whole()).isFalse();
        assertThat(t.points().stream().mapToDouble(Trace.Point::max).max().orElseThrow()).isEqualTo(9.0);
        assertThat(t.points().stream().mapToDouble(Trace.Point::min).min().orElseThrow()).isEqualTo(-3.0);
        List<Trace.Point> p = t.points();
        int at = 0;
        while (at + 1 < p.size() && p.get(at + 1).tNs() <= spikeNs) {
            at++;
        }
        assertThat(p.get(at).max()).as("the bucket that holds the spike's instant").isEqualTo(9.0);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.get(i).tNs()).isGreaterThan(p.get(i - 1).tNs());
        }
    }

    @Test
    void anAbsentValueIsNotASampleAndNeverAZero() {
        TraceRecorder r = recorder();
        r.add(0, 2.0);
        r.add(1, Double.NaN);
        r.add(2, Double.POSITIVE_INFINITY);
        r.add(3, 4.0);
        Trace t = r.trace();
        assertThat(t.samples()).isEqualTo(2);
        assertThat(t.points()).extracting(Trace.Point::min).containsExactly(2.0, 4.0);
        assertThat(recorder().isEmpty()).isTrue();
    }

    @Test
    void absorbingStretchesKeepsTheirExtremesAndCounts() {
        TraceRecorder span = recorder();
        TraceRecorder first = recorder();
        first.add(0, 1.0);
        first.add(1_000_000, 2.0);
        TraceRecorder second = recorder();
        for (int i = 0; i < 5000; i++) {
            second.add(2_000_000L + i * 1_000_000L, i == 3210 ? 7.5 : 0.5);
        }
        span.absorb(first);
        span.absorb(second);
        Trace t = span.trace();
        assertThat(t.samples()).isEqualTo(5002);
        assertThat(t.points()).hasSizeLessThanOrEqualTo(TraceRecorder.MAX_POINTS);
        assertThat(t.points().stream().mapToDouble(Trace.Point::max).max().orElseThrow()).isEqualTo(7.5);
        assertThat(t.points().stream().mapToDouble(Trace.Point::min).min().orElseThrow()).isEqualTo(0.5);
        assertThat(t.points()).as("the first stretch's samples stay first, each its own point").extracting(Trace.Point::max)
                .startsWith(1.0, 2.0, 0.5);
    }
}
