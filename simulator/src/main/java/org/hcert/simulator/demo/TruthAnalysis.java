package org.hcert.simulator.demo;

import java.util.Optional;
import java.util.OptionalLong;

/** Scan the noise-free motion of a scenario on a 1 ms grid and extract its {@link Truth}. */
final class TruthAnalysis {

    /** hcert's standstill thresholds: joint speed (rad/s) and base speed (m/s). */
    static final double STILL_JOINT_RAD_S = 0.01;
    static final double STILL_BASE_M_S = 0.01;
    static final double FALL_TILT_RAD = StrictMath.toRadians(60);

    private final Scenario scenario;
    private final long estopMs = Timeline.millis(Timeline.ESTOP_S);
    private long lastMovingMs = estopMs;
    private long fallMs = -1;
    private double maxTilt;
    private double minHeight = Double.MAX_VALUE;
    private double maxSpeed;
    private final OverrunTracker overruns = new OverrunTracker();

    private TruthAnalysis(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Compute the truth of {@code scenario} whose motion is {@code motion}. */
    static Truth of(Scenario scenario, Motion motion) {
        TruthAnalysis a = new TruthAnalysis(scenario);
        long endMs = Timeline.millis(Timeline.END_S);
        for (long ms = 0; ms <= endMs; ms++) {
            a.visit(ms, motion.at(ms / 1000.0));
        }
        return a.truth();
    }

    private void visit(long ms, BodyState s) {
        overruns.visit(ms, s);
        maxSpeed = Math.max(maxSpeed, s.maxAbsJointVelocity());
        if (ms < estopMs) {
            return;
        }
        double tilt = s.attitude().tiltRad();
        maxTilt = Math.max(maxTilt, tilt);
        minHeight = Math.min(minHeight, s.z().p());
        if (fallMs < 0 && tilt > FALL_TILT_RAD) {
            fallMs = ms;
        }
        if (!s.isStill(STILL_JOINT_RAD_S, STILL_BASE_M_S)) {
            lastMovingMs = ms;
        }
    }

    private Truth truth() {
        long standstillMs = lastMovingMs + 1;
        long driveOffMs = scenario.stop() == Scenario.Stop.DRIVES_CUT
                ? estopMs
                : standstillMs + Timeline.millis(Scenario.DRIVE_OFF_DELAY_S);
        OptionalLong fall = fallMs < 0 ? OptionalLong.empty() : OptionalLong.of(Timeline.nanos(fallMs));
        Optional<Overrun> overrun = overruns.worst();
        return new Truth(scenario.fileName(), Timeline.nanos(estopMs), Timeline.nanos(standstillMs),
                standstillMs - estopMs, Timeline.nanos(driveOffMs), StrictMath.toDegrees(maxTilt), minHeight, fall,
                maxSpeed, overrun, scenario.hasSafetyTopic());
    }

    /** The largest excursion beyond a position limit, and how long that joint stayed beyond it. */
    private static final class OverrunTracker {

        private double worst;
        private int joint = -1;
        private double peak;
        private long peakMs;
        private final long[] beyondMs = new long[Hc1.JOINTS.size()];

        void visit(long ms, BodyState s) {
            for (int i = 0; i < Hc1.JOINTS.size(); i++) {
                JointSpec spec = Hc1.JOINTS.get(i);
                double q = s.joints().get(i).p();
                double beyond = Math.max(q - spec.upperRad(), spec.lowerRad() - q);
                if (beyond > worst) {
                    worst = beyond;
                    joint = i;
                    peak = q;
                    peakMs = ms;
                }
                if (beyond > 0) {
                    beyondMs[i]++;
                }
            }
        }

        Optional<Overrun> worst() {
            if (joint < 0) {
                return Optional.empty();
            }
            return Optional.of(new Overrun(Hc1.JOINTS.get(joint).name(), worst, peak, Timeline.nanos(peakMs),
                    beyondMs[joint]));
        }
    }
}
