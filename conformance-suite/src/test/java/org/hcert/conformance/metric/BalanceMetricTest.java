package org.hcert.conformance.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.metric.Samples.at;
import static org.hcert.conformance.metric.Samples.event;
import static org.hcert.conformance.metric.Samples.imu;
import static org.hcert.conformance.metric.Samples.odom;

import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;

class BalanceMetricTest {

    private static final BalanceMetric.Parameters P = new BalanceMetric.Parameters(0.2, 2_000_000_000L);

    /** Walking at {@code speed} until an e-stop at 1000 ms; then the trunk pitches linearly to {@code finalDeg} in 500 ms. */
    private static List<Sample> stopAt(double speed, double finalDeg) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms += 5) {
            if (ms == 1000) {
                s.add(event(ms, "estop_pressed"));
            }
            double f = Math.min(1, Math.max(0, (ms - 1000) / 500.0));
            s.add(imu(ms, Math.toRadians(finalDeg) * f));
            s.add(odom(ms, ms < 1000 ? speed : 0, 0.9 - 0.7 * f * finalDeg / 90));
        }
        return s;
    }

    @Test
    void measuresMaximumTiltAndMinimumHeightAfterAStopWhileWalking() {
        List<StopWhileMoving> stops = BalanceMetric.evaluate(stopAt(0.5, 80).iterator(), P);
        assertThat(stops).hasSize(1);
        StopWhileMoving s = stops.get(0);
        assertThat(Math.toDegrees(s.maxTiltRad())).isCloseTo(80, within(1e-9));
        assertThat(s.maxTiltAtNs()).isEqualTo(at(1500));
        assertThat(s.minPelvisHeightM()).isCloseTo(0.9 - 0.7 * 80 / 90, within(1e-12));
        assertThat(s.speedAtStopMs()).isCloseTo(0.5, within(1e-12));
        assertThat(s.window().durationNs()).isEqualTo(2_000_000_000L);
        assertThat(s.maxGapNs()).isEqualTo(5_000_000L);
    }

    @Test
    void ignoresStopsWhileStandingStill() {
        assertThat(BalanceMetric.evaluate(stopAt(0.05, 10).iterator(), P)).isEmpty();
    }

    @Test
    void notesAFallEventInTheWindow() {
        List<Sample> s = new ArrayList<>(stopAt(0.5, 80));
        s.add(event(1400, "fall_detected"));
        s.sort(java.util.Comparator.comparingLong(Sample::tNs));
        StopWhileMoving stop = BalanceMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.fallEventSeen()).isTrue();
        assertThat(stop.fallEventNs()).isEqualTo(at(1400));
    }

    @Test
    void cutsTheWindowShortWhenTheRecordingEnds() {
        List<Sample> s = stopAt(0.5, 0).subList(0, 2 * 201 + 1 + 40);
        StopWhileMoving stop = BalanceMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.window().durationNs()).isLessThan(2_000_000_000L);
    }
}
