package org.hcert.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * How to build a {@link VirtualHumanoid}.
 *
 * @param robot the robot to simulate
 * @param epochNs the robot clock at simulator time 0, ns since the Unix epoch
 * @param physicsPeriodNs the fixed integration step, ns (1 ms for 1 kHz; at most 1 ms)
 * @param rates telemetry rates
 * @param seed seed of the sensor noise and of the link faults
 * @param estopCategory stop category of the emergency stop (HC-1: 1)
 * @param protectiveCategory stop category of the protective stop (HC-1: 2)
 * @param telemetry whether to produce telemetry at all (physics-only tests switch it off)
 */
public record SimulatorConfig(
        RobotDescription robot,
        long epochNs,
        long physicsPeriodNs,
        TelemetryRates rates,
        long seed,
        StopCategory estopCategory,
        StopCategory protectiveCategory,
        boolean telemetry) {

    /** 2026-03-01T08:00:00Z, the robot clock at the start of a simulation and of the bundled recordings, ns. */
    public static final long DEFAULT_EPOCH_NS = Instant.parse("2026-03-01T08:00:00Z").getEpochSecond() * 1_000_000_000L;

    public SimulatorConfig {
        Objects.requireNonNull(robot, "robot must not be null");
        Objects.requireNonNull(rates, "rates must not be null");
        Objects.requireNonNull(estopCategory, "estopCategory must not be null");
        Objects.requireNonNull(protectiveCategory, "protectiveCategory must not be null");
        if (physicsPeriodNs <= 0 || physicsPeriodNs > 1_000_000L || 1_000_000_000L % physicsPeriodNs != 0) {
            throw new IllegalArgumentException("physics period must divide 1 s and be at most 1 ms (1 kHz), got %d ns"
                    .formatted(physicsPeriodNs));
        }
        rates.check(physicsPeriodNs);
    }

    /** HC-1 at 1 kHz with default rates, seed 1, e-stop category 1, protective stop category 2. */
    public static SimulatorConfig hc1() {
        return new SimulatorConfig(RobotDescription.hc1(), DEFAULT_EPOCH_NS, 1_000_000L, TelemetryRates.defaults(), 1L,
                StopCategory.ONE, StopCategory.TWO, true);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(robot, epochNs, physicsPeriodNs, rates, s, estopCategory, protectiveCategory, telemetry);
    }

    public SimulatorConfig withEstopCategory(StopCategory c) {
        return new SimulatorConfig(robot, epochNs, physicsPeriodNs, rates, seed, c, protectiveCategory, telemetry);
    }

    public SimulatorConfig withProtectiveCategory(StopCategory c) {
        return new SimulatorConfig(robot, epochNs, physicsPeriodNs, rates, seed, estopCategory, c, telemetry);
    }

    public SimulatorConfig withRates(TelemetryRates r) {
        return new SimulatorConfig(robot, epochNs, physicsPeriodNs, r, seed, estopCategory, protectiveCategory, telemetry);
    }

    public SimulatorConfig withPhysicsPeriodNs(long p) {
        return new SimulatorConfig(robot, epochNs, p, rates, seed, estopCategory, protectiveCategory, telemetry);
    }

    public SimulatorConfig withTelemetry(boolean on) {
        return new SimulatorConfig(robot, epochNs, physicsPeriodNs, rates, seed, estopCategory, protectiveCategory, on);
    }
}
