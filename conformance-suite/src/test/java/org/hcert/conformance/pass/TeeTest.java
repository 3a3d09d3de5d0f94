package org.hcert.conformance.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;
import org.junit.jupiter.api.Test;

class TeeTest {

    private static final Map<String, Role> ROLES = Map.of("/events", Role.EVENTS, "/other", Role.JOINTS);

    /** Events every ns from 0; every third sample is on the topic of another role. */
    private static List<Sample> samples(long n) {
        return LongStream.range(0, n).<Sample>mapToObj(t -> new EventSample(t, t % 3 == 0 ? "/other" : "/events",
                "tick", "")).toList();
    }

    private static Demand<List<Long>> times(Role role) {
        return new Demand<>(EnumSet.of(role), EnumSet.noneOf(Role.class), in -> {
            List<Long> out = new ArrayList<>();
            in.forEachRemaining(s -> out.add(s.tNs()));
            return out;
        });
    }

    @Test
    void eachMetricSeesExactlyTheSamplesOfItsRolesInOrder() {
        List<Sample> all = samples(5 * Tee.BATCH + 7);
        List<Tee.Branch> branches = Tee.run(all.iterator(), ROLES, List.of(times(Role.EVENTS), times(Role.JOINTS)));
        assertThat(branches.get(0).result()).isEqualTo(all.stream().filter(s -> s.topic().equals("/events"))
                .map(Sample::tNs).toList());
        assertThat(branches.get(1).result()).isEqualTo(all.stream().filter(s -> s.topic().equals("/other"))
                .map(Sample::tNs).toList());
    }

    @Test
    void aMetricThatStopsEarlyOrFailsHoldsUpNeitherTheReaderNorTheOthers() {
        Demand<Long> first = new Demand<>(EnumSet.of(Role.EVENTS), EnumSet.noneOf(Role.class), in -> in.next().tNs());
        Demand<Long> failing = new Demand<>(EnumSet.of(Role.EVENTS), EnumSet.noneOf(Role.class), in -> {
            throw new IllegalStateException("metric bug");
        });
        List<Sample> all = samples(20 * Tee.BATCH);
        List<Tee.Branch> branches = Tee.run(all.iterator(), ROLES, List.of(first, failing, times(Role.EVENTS)));
        assertThat(branches.get(0).result()).isEqualTo(1L);
        assertThat(branches.get(1).failure()).hasMessage("metric bug");
        assertThat((List<?>) branches.get(2).result()).hasSize((int) all.stream().filter(s -> s.topic().equals("/events")).count());
    }

    @Test
    void aReaderFailureIsThrownAndEndsEveryMetric() {
        Iterator<Sample> failing = new Iterator<>() {
            private final Iterator<Sample> inner = samples(10 * Tee.BATCH).iterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sample next() {
                if (!inner.hasNext()) {
                    throw new IllegalStateException("chunk 7 is corrupt");
                }
                return inner.next();
            }
        };
        assertThatThrownBy(() -> Tee.run(failing, ROLES, List.of(times(Role.EVENTS), times(Role.JOINTS))))
                .hasMessage("chunk 7 is corrupt");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("hcert-metric-"));
    }
}
