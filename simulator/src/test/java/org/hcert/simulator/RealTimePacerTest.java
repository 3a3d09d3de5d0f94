package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RealTimePacerTest {

    @Test
    void stepsTheRobotByElapsedTimeAndCapsCatchUp() throws InterruptedException {
        AtomicLong clock = new AtomicLong(5_000L);
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withTelemetry(false));
        RealTimePacer pacer = new RealTimePacer(robot, clock::get, ns -> clock.addAndGet(ns));

        pacer.sleepAndTick();
        pacer.sleepAndTick();
        clock.addAndGet(3_000_000_000L);
        pacer.tick();

        assertThat(robot.simTimeNs()).isEqualTo(2_000_000L + RealTimePacer.MAX_CATCH_UP_NS);
        assertThat(pacer.lostNs()).isEqualTo(3_000_000_000L - RealTimePacer.MAX_CATCH_UP_NS);
    }

    @Test
    void theSimulatorCarriesPartialPeriodsToTheNextStep() {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withTelemetry(false));
        robot.step(1_500_000L);
        assertThat(robot.simTimeNs()).isEqualTo(1_000_000L);
        robot.step(500_000L);
        assertThat(robot.simTimeNs()).isEqualTo(2_000_000L);
    }
}
