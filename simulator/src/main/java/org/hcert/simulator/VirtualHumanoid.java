package org.hcert.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The virtual humanoid: a deterministic simulation of HC-1 (or another {@link RobotDescription})
 * that a transport layer drives and reads.
 *
 * <ul>
 *   <li>{@link #step(long)} advances simulated time; the physics runs in fixed periods of
 *       {@link SimulatorConfig#physicsPeriodNs()} (1 kHz by default) and carries any remainder to the
 *       next call. No wall clock is read: {@link RealTimePacer} paces the simulation for serving.
 *   <li>{@link #accept(Command)} applies a command at the current instant and says whether it
 *       was accepted.
 *   <li>{@link #drainTelemetry()} hands over the messages published since the last call.
 *   <li>{@link #faults()} injects faults; {@link #truth()} is the noise-free true state.
 * </ul>
 *
 * Not thread-safe: call it from one thread (the pacer's, or the test's).
 */
public final class VirtualHumanoid {

    private final SimulatorConfig config;
    private final FaultInjector faults;
    private final Body body;
    private final SafetyLogic safety;
    private final LinkFaults link;
    private final TelemetryEmitter emitter;
    private final ProvenanceReport provenance;
    private long simNs;
    private long carryNs;

    private VirtualHumanoid(SimulatorConfig config) {
        this.config = config;
        this.faults = new FaultInjector(() -> simNs);
        this.body = new Body(config.robot(), faults);
        this.safety = new SafetyLogic(config.estopCategory(), config.protectiveCategory(), faults);
        this.link = new LinkFaults(faults, config.seed());
        this.emitter = new TelemetryEmitter(body, safety, config, link);
        this.provenance = new ProvenanceReport(config.robot().serial(), faults);
    }

    /** A robot standing still with drive power on and motion enabled, at simulator time 0. */
    public static VirtualHumanoid create(SimulatorConfig config) {
        return new VirtualHumanoid(Objects.requireNonNull(config, "config must not be null"));
    }

    /**
     * Advance simulated time by {@code dtNs} (≥ 0), in whole physics periods.
     *
     * @throws IllegalArgumentException when dtNs is negative
     */
    public void step(long dtNs) {
        if (dtNs < 0) {
            throw new IllegalArgumentException("cannot step back in time: dtNs = %d".formatted(dtNs));
        }
        carryNs += dtNs;
        long period = config.physicsPeriodNs();
        while (carryNs >= period) {
            tick(period);
            carryNs -= period;
        }
    }

    private void tick(long period) {
        body.step(period / 1e9, safety.drive(body, config.robot().limits()));
        simNs += period;
        safety.afterStep(body, simNs);
        List<RobotEvent> events = provenance.with(safety.drainEvents());
        if (config.telemetry()) {
            emitter.emit(simNs, events);
        }
    }

    /** Apply a command now; motion commands are refused while stopped, latched or fallen (see the result). */
    public CommandResult accept(Command command) {
        Objects.requireNonNull(command, "command must not be null");
        if (command instanceof Command.EmergencyStop) {
            return safety.estop(body, simNs);
        } else if (command instanceof Command.ProtectiveStop p) {
            return safety.protectiveStop(p.asserted(), body, simNs);
        } else if (command instanceof Command.Stop) {
            return safety.normalStop(body, simNs);
        } else if (command instanceof Command.ReleaseEmergencyStop) {
            return safety.releaseEstop(simNs);
        } else if (command instanceof Command.DrivePower p) {
            return safety.drivePower(p.on(), body, simNs);
        } else if (command instanceof Command.SafetyFault f) {
            return safety.safetyFault(f.kind(), f.present(), body, simNs);
        } else if (command instanceof Command.Reset) {
            return safety.reset(body, simNs);
        } else if (command instanceof Command.Start) {
            return safety.start(body, simNs);
        } else if (command instanceof Command.SetMode m) {
            safety.mode(m.mode(), simNs);
            return CommandResult.ok();
        }
        return Commands.apply(command, this);
    }

    /** Run a motion command if motion is allowed, reporting it as a {@code command} event. */
    CommandResult motion(Command command, Consumer<Body> action) {
        Optional<String> refusal = safety.motionRefusal();
        if (refusal.isPresent()) {
            return CommandResult.refused(refusal.get());
        }
        safety.motionCommanded();
        action.accept(body);
        safety.event(simNs, "command", command.toString());
        SpeedLimitEvents.limited(command, body, safety.mode(), faults)
                .ifPresent(what -> safety.event(simNs, SpeedLimitEvents.KIND, what));
        return CommandResult.ok();
    }

    Body body() {
        return body;
    }

    /** The messages published since the last call, in time order, after link faults. */
    public List<OutboundMessage> drainTelemetry() {
        return emitter.drain();
    }

    /** Report the model loaded and the provenance again, now (HC-1 does at start-up, and when a harness opens a session). */
    public void reportProvenance() {
        provenance.request(simNs);
    }

    /** The fault injector of this robot. */
    public FaultInjector faults() {
        return faults;
    }

    /** Simulated time, ns since the simulation began. */
    public long simTimeNs() {
        return simNs;
    }

    /** The robot's own clock, ns since the Unix epoch (offset under {@code clock-jump}). */
    public long robotClockNs() {
        return emitter.robotClockNs(simNs);
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The truth about every stop so far (the last 64), oldest first, the last one as it stands now. */
    public List<StopTruth> stops() {
        return safety.stops();
    }

    /** The noise-free true state now. */
    public TrueState truth() {
        return Truths.of(this, body, safety);
    }
}
