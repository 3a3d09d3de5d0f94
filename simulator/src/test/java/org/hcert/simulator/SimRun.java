package org.hcert.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Drives a {@link VirtualHumanoid} in 1 ms steps and records extremes of its true state. */
final class SimRun {

    static final long MS = 1_000_000L;

    final VirtualHumanoid robot;
    double maxTiltRad;
    double minPelvisHeightM = Double.POSITIVE_INFINITY;
    double maxJointSpeedRadS;
    double maxBaseSpeedMs;
    final double[] maxHandSpeedMs = new double[2];
    final double[] maxForceN = new double[2];
    final double[] maxPosition;
    final List<TrueState> trace = new ArrayList<>();
    private boolean keepTrace;

    SimRun(SimulatorConfig config) {
        robot = VirtualHumanoid.create(config);
        maxPosition = new double[config.robot().joints().size()];
        Arrays.fill(maxPosition, Double.NEGATIVE_INFINITY);
    }

    /** HC-1 with telemetry off (physics only). */
    static SimRun hc1() {
        return new SimRun(SimulatorConfig.hc1().withTelemetry(false));
    }

    SimRun keepTrace() {
        keepTrace = true;
        return this;
    }

    SimRun send(Command c) {
        CommandResult r = robot.accept(c);
        if (!r.accepted()) {
            throw new AssertionError("command %s refused: %s".formatted(c, r.detail()));
        }
        return this;
    }

    /** Reset the recorded extremes. */
    SimRun resetExtremes() {
        maxTiltRad = 0;
        minPelvisHeightM = Double.POSITIVE_INFINITY;
        maxJointSpeedRadS = 0;
        maxBaseSpeedMs = 0;
        Arrays.fill(maxHandSpeedMs, 0);
        Arrays.fill(maxForceN, 0);
        Arrays.fill(maxPosition, Double.NEGATIVE_INFINITY);
        return this;
    }

    SimRun run(double seconds) {
        return run(seconds, t -> { });
    }

    SimRun run(double seconds, Consumer<TrueState> each) {
        long steps = Math.round(seconds * 1000);
        for (long i = 0; i < steps; i++) {
            robot.step(MS);
            TrueState t = robot.truth();
            observe(t);
            each.accept(t);
        }
        return this;
    }

    private void observe(TrueState t) {
        maxTiltRad = Math.max(maxTiltRad, t.trunkTiltRad());
        minPelvisHeightM = Math.min(minPelvisHeightM, t.pelvisPositionM().z());
        maxJointSpeedRadS = Math.max(maxJointSpeedRadS, t.maxAbsJointVelocityRadS());
        maxBaseSpeedMs = Math.max(maxBaseSpeedMs, t.pelvisVelocityMs().norm());
        for (TrueState.Hand h : t.hands()) {
            maxHandSpeedMs[h.side().ordinal()] = Math.max(maxHandSpeedMs[h.side().ordinal()], h.speedMs());
            maxForceN[h.side().ordinal()] = Math.max(maxForceN[h.side().ordinal()], h.contactForceN());
        }
        for (int i = 0; i < maxPosition.length; i++) {
            maxPosition[i] = Math.max(maxPosition[i], t.joints().get(i).positionRad());
        }
        if (keepTrace) {
            trace.add(t);
        }
    }

    TrueState truth() {
        return robot.truth();
    }

    StopTruth lastStop() {
        return robot.truth().lastStop().orElseThrow(() -> new AssertionError("no stop recorded"));
    }
}
