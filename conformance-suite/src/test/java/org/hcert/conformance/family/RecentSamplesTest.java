package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.EventSample;
import org.junit.jupiter.api.Test;

class RecentSamplesTest {

    private static EventSample at(long tNs) {
        return new EventSample(tNs, "/events", "tick", "");
    }

    private static List<Long> times(RecentSamples<EventSample> r) {
        List<Long> out = new ArrayList<>();
        r.forEach(s -> out.add(s.tNs()));
        return out;
    }

    @Test
    void keepsTheSamplesOfTheLastSpanInArrivalOrderThroughGrowth() {
        RecentSamples<EventSample> r = new RecentSamples<>(100, 0);
        for (long t = 0; t <= 1000; t++) {
            r.add(at(t));
        }
        assertThat(r.size()).isEqualTo(101);
        assertThat(times(r)).first().isEqualTo(900L);
        assertThat(r.last().tNs()).isEqualTo(1000L);
        // a sample exactly the span older than the newest stays; one older goes
        r.add(at(1001));
        assertThat(r.get(0).tNs()).isEqualTo(901L);
    }

    @Test
    void keepsTheNewestGivenNumberHoweverOld() {
        RecentSamples<EventSample> r = new RecentSamples<>(10, 2);
        r.add(at(0));
        r.add(at(1000));
        r.add(at(5000));
        assertThat(times(r)).containsExactly(1000L, 5000L);
        assertThat(new RecentSamples<EventSample>(10, 0).last()).isNull();
    }

    /** From a time on: the samples of that time or later, in arrival order, also where arrival is not time order. */
    @Test
    void givesTheSamplesFromATimeOnInArrivalOrder() {
        RecentSamples<EventSample> r = new RecentSamples<>(1_000, 0);
        for (long t : new long[] {100, 105, 103, 110, 104, 120}) {
            r.add(at(t));
        }
        List<Long> from = new ArrayList<>();
        r.forEachFrom(104, s -> from.add(s.tNs()));
        assertThat(from).containsExactly(105L, 110L, 104L, 120L);
        List<Long> all = new ArrayList<>();
        r.forEachFrom(Long.MIN_VALUE, s -> all.add(s.tNs()));
        assertThat(all).isEqualTo(times(r));
    }
}
