package org.hcert.simulator.recording;

import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hcert.simulator.CommandResult;
import org.hcert.simulator.Fault;
import org.hcert.simulator.OutboundMessage;
import org.hcert.simulator.SimulatorConfig;
import org.hcert.simulator.StopTruth;
import org.hcert.simulator.TelemetryRates;
import org.hcert.simulator.VirtualHumanoid;
import org.hcert.telemetry.Message;

/**
 * Run HC-1 through the {@link Script} with a variant's faults on a simulated clock: the
 * {@link VirtualHumanoid} that {@code hcert simulate} serves, stepped one physics period at a time
 * (no pacer, no wall clock), publishing at {@link TelemetryRates#compact()} with the simulator's
 * default noise seed.
 */
final class ScriptedRun {

    /** HC-1 as {@code hcert simulate} runs it, but publishing at the recordings' rates. */
    static final SimulatorConfig CONFIG = SimulatorConfig.hc1().withRates(TelemetryRates.compact());

    private ScriptedRun() {}

    /**
     * Run {@code variant} on HC-1 as {@link #CONFIG} builds it, hand every message it writes to
     * {@code out} in publishing order, and return the truth of the run.
     *
     * @throws IllegalStateException when the robot refuses a command of the script
     */
    static RecordingTruth run(Variant variant, Consumer<Message> out) {
        return run(CONFIG, variant, out);
    }

    /** Run {@code variant} on the robot {@code config} builds; see {@link #run(Variant, Consumer)}. */
    static RecordingTruth run(SimulatorConfig config, Variant variant, Consumer<Message> out) {
        VirtualHumanoid robot = VirtualHumanoid.create(config);
        variant.faults().forEach(f -> robot.faults().activate(f, f.defaultParameter()));
        TruthTracker tracker = new TruthTracker(config);
        Iterator<Script.Cue> cues = Script.CUES.iterator();
        Script.Cue next = cues.next();
        long periodNs = config.physicsPeriodNs();
        while (robot.simTimeNs() < Script.END_MS * 1_000_000L) {
            while (next != null && next.atMs() * 1_000_000L == robot.simTimeNs()) {
                send(robot, next, variant);
                next = cues.hasNext() ? cues.next() : null;
            }
            robot.step(periodNs);
            tracker.observe(robot.truth());
            for (OutboundMessage m : robot.drainTelemetry()) {
                if (variant.writes(m.message().topic())) {
                    out.accept(m.message());
                }
            }
        }
        return truth(config, variant, robot, tracker);
    }

    private static void send(VirtualHumanoid robot, Script.Cue cue, Variant variant) {
        CommandResult r = robot.accept(cue.command());
        if (!r.accepted()) {
            throw new IllegalStateException("recording %s: at %d ms HC-1 refused %s: %s"
                    .formatted(variant.fileName(), cue.atMs(), cue.command(), r.detail()));
        }
    }

    private static RecordingTruth truth(SimulatorConfig config, Variant variant, VirtualHumanoid robot,
            TruthTracker tracker) {
        StopTruth estop = robot.stops().stream().filter(s -> s.kind().equals(TruthTracker.ESTOP)).findFirst()
                .orElseThrow(() -> new IllegalStateException("recording %s has no e-stop".formatted(variant.fileName())));
        long epochNs = config.epochNs();
        return new RecordingTruth(variant.fileName(), variant.faults().stream().map(Fault::id).toList(),
                config.robot().model(), config.robot().declaredStopTimeMs(), config.seed(),
                epochNs + estop.triggerNs(), shift(estop.standstillNs(), epochNs), shift(estop.driveOffNs(), epochNs),
                shift(estop.fallNs(), epochNs), Math.toDegrees(tracker.maxTiltAfterStopRad()),
                tracker.minPelvisHeightAfterStopM(), epochNs + Script.RESET_MS * 1_000_000L,
                tracker.maxJointSpeedAfterResetRadS(), tracker.maxBaseSpeedAfterResetMps(), tracker.maxJointSpeedRadS(),
                tracker.overruns().worst(epochNs), variant.writes(Variant.SAFETY_TOPIC));
    }

    private static OptionalLong shift(OptionalLong simNs, long epochNs) {
        return simNs.isPresent() ? OptionalLong.of(epochNs + simNs.getAsLong()) : simNs;
    }
}
