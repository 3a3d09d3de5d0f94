package org.hcert.simulator.recording;

import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hcert.simulator.Fault;
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
        Scenario scenario = Script.BUNDLED.on(config);
        for (Fault f : variant.faults()) {
            scenario = scenario.fault(0, f);
        }
        for (String topic : variant.omittedTopics()) {
            scenario = scenario.omit(topic);
        }
        TruthTracker tracker = new TruthTracker(config);
        VirtualHumanoid robot;
        try {
            robot = scenario.run(out, r -> tracker.observe(r.truth()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("recording %s: %s".formatted(variant.fileName(), e.getMessage()), e);
        }
        return truth(config, variant, robot, tracker);
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
