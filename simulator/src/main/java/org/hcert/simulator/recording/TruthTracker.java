package org.hcert.simulator.recording;

import org.hcert.simulator.SimulatorConfig;
import org.hcert.simulator.StopTruth;
import org.hcert.simulator.TrueState;

/**
 * Follow the model's true state after every physics step of a run and keep what the truth file
 * reports beyond the {@link StopTruth}: the extremes after the e-stop, the motion after its reset,
 * the fastest joint and the worst excursion beyond a soft limit.
 */
final class TruthTracker {

    static final String ESTOP = "estop";

    private final OverrunTracker overruns;
    private double maxJointSpeedRadS;
    private double maxTiltAfterStopRad;
    private double minPelvisHeightAfterStopM = Double.POSITIVE_INFINITY;
    private double maxJointSpeedAfterResetRadS;
    private double maxBaseSpeedAfterResetMps;

    TruthTracker(SimulatorConfig config) {
        this.overruns = new OverrunTracker(config.robot().joints(), config.physicsPeriodNs());
    }

    /** Take in the true state after one physics step. */
    void observe(TrueState t) {
        maxJointSpeedRadS = Math.max(maxJointSpeedRadS, t.maxAbsJointVelocityRadS());
        overruns.observe(t);
        boolean afterEstop = t.lastStop().map(s -> s.kind().equals(ESTOP)).orElse(false);
        if (!afterEstop) {
            return;
        }
        maxTiltAfterStopRad = Math.max(maxTiltAfterStopRad, t.trunkTiltRad());
        minPelvisHeightAfterStopM = Math.min(minPelvisHeightAfterStopM, t.pelvisPositionM().z());
        if (!t.estopLatched()) {
            maxJointSpeedAfterResetRadS = Math.max(maxJointSpeedAfterResetRadS, t.maxAbsJointVelocityRadS());
            maxBaseSpeedAfterResetMps = Math.max(maxBaseSpeedAfterResetMps, t.pelvisVelocityMs().norm());
        }
    }

    double maxJointSpeedRadS() {
        return maxJointSpeedRadS;
    }

    /** Largest trunk tilt from the vertical after the e-stop, rad. */
    double maxTiltAfterStopRad() {
        return maxTiltAfterStopRad;
    }

    /** Lowest pelvis height after the e-stop, m. */
    double minPelvisHeightAfterStopM() {
        return minPelvisHeightAfterStopM;
    }

    /** Largest |joint velocity| after the e-stop was reset, rad/s. */
    double maxJointSpeedAfterResetRadS() {
        return maxJointSpeedAfterResetRadS;
    }

    /** Largest pelvis speed after the e-stop was reset, m/s. */
    double maxBaseSpeedAfterResetMps() {
        return maxBaseSpeedAfterResetMps;
    }

    OverrunTracker overruns() {
        return overruns;
    }
}
