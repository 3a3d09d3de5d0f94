package org.hcert.simulator.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.hcert.simulator.Command;
import org.hcert.simulator.CommandResult;
import org.hcert.simulator.Fault;
import org.hcert.simulator.OutboundMessage;
import org.hcert.simulator.SimulatorConfig;
import org.hcert.simulator.TelemetryRates;
import org.hcert.simulator.VirtualHumanoid;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.ndjson.NdjsonWriter;

/**
 * A scripted run of HC-1 on a simulated clock: what the harness tells the robot and when, which
 * faults are active from when, and which topics are left out of what it writes. The same
 * {@link VirtualHumanoid} that {@code hcert simulate} serves is stepped one physics period at a
 * time (no pacer, no wall clock), so a scenario gives the same messages, byte for byte, on every run.
 * Tests build recordings with it that pass, fail or lack evidence for a clause; the bundled
 * recordings are scenarios too ({@link Script}).
 *
 * <pre>{@code
 * Scenario.until(6_000)
 *         .at(200, new Command.Start())
 *         .at(1_000, new Command.Walk(0.5, 0, 0))
 *         .fault(3_000, Fault.SLOW_ESTOP)
 *         .at(4_000, new Command.EmergencyStop())
 *         .writeNdjson(dir.resolve("slow.ndjson"));
 * }</pre>
 */
public final class Scenario {

    /** One step of a scenario, taken {@code atMs} after the start, before the physics step from there. */
    public sealed interface Cue {
        /** When the step is taken, ms of simulated time from the start. */
        long atMs();
    }

    /** Send a command as the harness would; a refused command fails the scenario. */
    public record Send(long atMs, Command command) implements Cue {}

    /** Send a command the robot may refuse (a start after a failed self-test); a refusal is part of the run. */
    public record Attempt(long atMs, Command command) implements Cue {}

    /** Activate a fault with its parameter (NaN for faults without one). */
    public record Activate(long atMs, Fault fault, double parameter) implements Cue {}

    private final long endMs;
    private final List<Cue> cues;
    private final Set<String> omitted;
    private final SimulatorConfig config;

    private Scenario(long endMs, List<Cue> cues, Set<String> omitted, SimulatorConfig config) {
        for (Cue cue : cues) {
            if (cue.atMs() * 1_000_000L % config.physicsPeriodNs() != 0) {
                // it would never be taken: the run meets only multiples of the physics period
                throw new IllegalArgumentException("a cue at %d ms falls between two physics steps of %d ns"
                        .formatted(cue.atMs(), config.physicsPeriodNs()));
            }
        }
        this.endMs = endMs;
        this.cues = List.copyOf(cues);
        this.omitted = Set.copyOf(omitted);
        this.config = config;
    }

    /**
     * An empty scenario that runs for {@code endMs} ms of simulated time, on HC-1 as
     * {@code hcert simulate} builds it but publishing at {@link TelemetryRates#compact()} (the
     * bundled recordings' rates).
     */
    public static Scenario until(long endMs) {
        if (endMs <= 0) {
            throw new IllegalArgumentException("a scenario must last more than 0 ms, got " + endMs);
        }
        return new Scenario(endMs, List.of(), Set.of(), SimulatorConfig.hc1().withRates(TelemetryRates.compact()));
    }

    /** This scenario, also sending {@code command} at {@code atMs}. */
    public Scenario at(long atMs, Command command) {
        return with(new Send(atMs, Objects.requireNonNull(command, "command must not be null")));
    }

    /** This scenario, also sending {@code command} at {@code atMs}, which the robot may refuse. */
    public Scenario attempt(long atMs, Command command) {
        return with(new Attempt(atMs, Objects.requireNonNull(command, "command must not be null")));
    }

    /** This scenario, with {@code fault} active from {@code atMs} on, at its default parameter. */
    public Scenario fault(long atMs, Fault fault) {
        return fault(atMs, fault, fault.defaultParameter());
    }

    /** This scenario, with {@code fault} active from {@code atMs} on, at {@code parameter}. */
    public Scenario fault(long atMs, Fault fault, double parameter) {
        return with(new Activate(atMs, Objects.requireNonNull(fault, "fault must not be null"), parameter));
    }

    /** This scenario, leaving every message on {@code topic} out of what it writes. */
    public Scenario omit(String topic) {
        Set<String> more = new HashSet<>(omitted);
        more.add(topic);
        return new Scenario(endMs, cues, more, config);
    }

    /** This scenario, run on the robot {@code config} builds (seed, rates, stop categories…). */
    public Scenario on(SimulatorConfig other) {
        return new Scenario(endMs, cues, omitted, Objects.requireNonNull(other, "config must not be null"));
    }

    /** The robot configuration the scenario runs on. */
    public SimulatorConfig config() {
        return config;
    }

    /** How long the scenario runs, ms. */
    public long endMs() {
        return endMs;
    }

    private Scenario with(Cue cue) {
        if (cue.atMs() < 0 || cue.atMs() >= endMs) {
            throw new IllegalArgumentException("a cue at %d ms lies outside the scenario's 0 to %d ms".formatted(cue.atMs(), endMs));
        }
        List<Cue> more = new ArrayList<>(cues);
        more.add(cue);
        more.sort(Comparator.comparingLong(Cue::atMs)); // stable: cues at one instant keep their order
        return new Scenario(endMs, more, omitted, config);
    }

    /**
     * Run the scenario and hand every message HC-1 publishes (but those on omitted topics) to
     * {@code out}, in publishing order.
     *
     * @return the robot at the end of the run, for its truths ({@link VirtualHumanoid#stops()},
     *     {@link VirtualHumanoid#truth()})
     * @throws IllegalStateException when the robot refuses a command of the scenario
     */
    public VirtualHumanoid run(Consumer<Message> out) {
        return run(out, robot -> {});
    }

    /**
     * Run the scenario as {@link #run(Consumer)} does, and hand the robot to {@code afterStep} after
     * every physics step (to follow its true state).
     */
    public VirtualHumanoid run(Consumer<Message> out, Consumer<VirtualHumanoid> afterStep) {
        VirtualHumanoid robot = VirtualHumanoid.create(config);
        int next = 0;
        long periodNs = config.physicsPeriodNs();
        while (robot.simTimeNs() < endMs * 1_000_000L) {
            while (next < cues.size() && cues.get(next).atMs() * 1_000_000L == robot.simTimeNs()) {
                take(robot, cues.get(next++));
            }
            robot.step(periodNs);
            afterStep.accept(robot);
            for (OutboundMessage m : robot.drainTelemetry()) {
                if (!omitted.contains(m.message().topic())) {
                    out.accept(m.message());
                }
            }
        }
        return robot;
    }

    /** Run the scenario and write what it publishes to {@code file} as NDJSON, replacing it. */
    public VirtualHumanoid writeNdjson(Path file) throws IOException {
        try (NdjsonWriter out = NdjsonWriter.open(file)) {
            return run(out::write);
        }
    }

    private static void take(VirtualHumanoid robot, Cue cue) {
        if (cue instanceof Send s) {
            CommandResult r = robot.accept(s.command());
            if (!r.accepted()) {
                throw new IllegalStateException("at %d ms HC-1 refused %s: %s".formatted(s.atMs(), s.command(), r.detail()));
            }
        } else if (cue instanceof Attempt a) {
            robot.accept(a.command());
        } else if (cue instanceof Activate a) {
            robot.faults().activate(a.fault(), a.parameter());
        }
    }
}
