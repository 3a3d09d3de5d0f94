package org.hcert.conformance.metric;

import java.util.List;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Vector3;

/** Builders of analytic samples for metric tests; times in ms from T0. */
final class Samples {

    static final long T0 = 1_772_352_000_000_000_000L;

    private Samples() {}

    static long at(double ms) {
        return T0 + Math.round(ms * 1e6);
    }

    static JointStateSample joints(double ms, double positionRad, double velocityRadS) {
        return new JointStateSample(at(ms), "/joint_states", List.of("a", "b"), new double[] {positionRad, 0},
                new double[] {velocityRadS, 0}, new double[] {0, 0});
    }

    static OdometrySample odom(double ms, double speedMs, double heightM) {
        return new OdometrySample(at(ms), "/odom", new Vector3(0, 0, heightM), Quaternion.IDENTITY,
                new Vector3(speedMs, 0, 0), Vector3.ZERO);
    }

    static SafetyStateSample safety(double ms, boolean estop, boolean drive) {
        return new SafetyStateSample(at(ms), "/safety/state", "walking", estop, false, drive);
    }

    static EventSample event(double ms, String kind) {
        return new EventSample(at(ms), "/events", kind, "");
    }

    static ImuSample imu(double ms, double pitchRad) {
        return new ImuSample(at(ms), "/imu", Quaternion.fromAxisAngle(0, 1, 0, pitchRad), Vector3.ZERO,
                new Vector3(0, 0, 9.81));
    }
}
