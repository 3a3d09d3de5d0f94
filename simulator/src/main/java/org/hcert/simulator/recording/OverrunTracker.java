package org.hcert.simulator.recording;

import java.util.List;
import java.util.Optional;
import org.hcert.simulator.JointDescription;
import org.hcert.simulator.JointTruth;
import org.hcert.simulator.TrueState;

/** Follow the true joint positions, one physics period at a time, for the worst excursion beyond a soft limit. */
final class OverrunTracker {

    private final List<JointDescription> joints;
    private final long periodNs;
    private final long[] beyondNs;
    private int worstJoint = -1;
    private double worstRad;
    private double peakRad;
    private long peakSimNs;

    OverrunTracker(List<JointDescription> joints, long periodNs) {
        this.joints = joints;
        this.periodNs = periodNs;
        this.beyondNs = new long[joints.size()];
    }

    void observe(TrueState t) {
        for (int i = 0; i < joints.size(); i++) {
            JointDescription spec = joints.get(i);
            JointTruth j = t.joints().get(i);
            double beyond = Math.max(j.positionRad() - spec.upperRad(), spec.lowerRad() - j.positionRad());
            if (beyond > 0) {
                beyondNs[i] += periodNs;
            }
            if (beyond > 0 && beyond > worstRad) {
                worstJoint = i;
                worstRad = beyond;
                peakRad = j.positionRad();
                peakSimNs = t.simNs();
            }
        }
    }

    /** The worst excursion so far, with times on the robot clock of epoch {@code epochNs}; empty if none. */
    Optional<JointOverrun> worst(long epochNs) {
        if (worstJoint < 0) {
            return Optional.empty();
        }
        return Optional.of(new JointOverrun(joints.get(worstJoint).name(), worstRad, peakRad, epochNs + peakSimNs,
                beyondNs[worstJoint] / 1_000_000L));
    }
}
