package org.hcert.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.WrenchSample;

/**
 * Generate the samples of a bench recording tick by tick (1 ms) and hand them to sinks, in log-time
 * order. Deterministic: seeded noise per topic, {@link StrictMath}, a fixed start time.
 *
 * <p>Rates: joints (40), IMU and both wrist wrenches 1 kHz, odometry 500 Hz, safety state 100 Hz,
 * battery 1 Hz, events when they happen (see {@link Script}).
 */
final class Generator {

    /** 2026-03-01T08:00:00Z in ns since the epoch, the first instant of every bench recording. */
    static final long START_NS = 1_772_352_000_000_000_000L;

    static final String JOINTS = "/joint_states";
    static final String IMU = "/imu/torso";
    static final String ODOMETRY = "/odom";
    static final String LEFT_WRIST = "/wrist/left/ft";
    static final String RIGHT_WRIST = "/wrist/right/ft";
    static final String SAFETY = "/safety/state";
    static final String EVENTS = "/events";
    static final String BATTERY = "/battery";

    private static final double TWO_PI = 2 * Math.PI;
    private static final double G = 9.81;

    private final List<Joint> joints = Humanoid.JOINTS;
    private final List<String> names = joints.stream().map(Joint::name).toList();
    private final double[] q = new double[joints.size()];
    private final double[] dq = new double[joints.size()];
    private final double[] effort = new double[joints.size()];
    private final SplittableRandom jointNoise = new SplittableRandom(11);
    private final SplittableRandom imuNoise = new SplittableRandom(12);
    private final SplittableRandom odomNoise = new SplittableRandom(13);
    private final SplittableRandom leftNoise = new SplittableRandom(14);
    private final SplittableRandom rightNoise = new SplittableRandom(15);
    private double baseX;

    /** Write {@code durationMs} of recording to {@code sinks}. */
    void run(long durationMs, Sink... sinks) {
        for (long ms = 0; ms < durationMs; ms++) {
            tick(ms, sinks);
        }
    }

    private void tick(long ms, Sink[] sinks) {
        long t = START_NS + ms * 1_000_000L;
        double s = Script.speedShare(ms);
        double sDot = Script.speedShareRate(ms);
        double phase = Humanoid.STRIDE_HZ * ms / 1000.0;
        baseX += Humanoid.WALKING_SPEED_MS * s / 1000.0;
        Script.Safety safety = Script.safety(ms);
        if (ms % 10 == 0) {
            emit(sinks, new SafetyStateSample(t, SAFETY, safety.mode(), safety.estop(), safety.protectiveStop(),
                    safety.driveEnabled()));
        }
        for (Script.Event e : Script.events(ms)) {
            emit(sinks, new EventSample(t, EVENTS, e.kind(), e.detail()));
        }
        emit(sinks, joints(t, s, sDot, phase, safety.driveEnabled()));
        Attitude a = new Attitude(s, sDot, phase);
        emit(sinks, new ImuSample(t, IMU, a.orientation(), new Vector3(a.rollRate() + noise(imuNoise, 2e-4),
                a.pitchRate() + noise(imuNoise, 2e-4), noise(imuNoise, 2e-4)),
                new Vector3(noise(imuNoise, 0.02), noise(imuNoise, 0.02), G + noise(imuNoise, 0.02))));
        if (ms % 2 == 0) {
            double z = Humanoid.PELVIS_HEIGHT_M + 0.004 * s * StrictMath.sin(2 * TWO_PI * phase);
            emit(sinks, new OdometrySample(t, ODOMETRY, new Vector3(baseX, 0, z), a.orientation(),
                    new Vector3(Humanoid.WALKING_SPEED_MS * s + noise(odomNoise, 1e-3), noise(odomNoise, 1e-3),
                            noise(odomNoise, 1e-3)),
                    new Vector3(a.rollRate(), a.pitchRate(), 0)));
        }
        emit(sinks, wrench(t, LEFT_WRIST, "left_wrist_ft", s, phase, leftNoise));
        emit(sinks, wrench(t, RIGHT_WRIST, "right_wrist_ft", s, phase + 0.5, rightNoise));
        if (ms % 1000 == 0) {
            double hours = ms / 3_600_000.0;
            emit(sinks, new BatterySample(t, BATTERY, 50.4 - 2 * hours, -8 - 4 * s, 0.95 - 0.1 * hours, 31.0));
        }
    }

    private JointStateSample joints(long t, double s, double sDot, double phase, boolean driveEnabled) {
        for (int i = 0; i < q.length; i++) {
            Joint j = joints.get(i);
            double angle = TWO_PI * (phase + j.phase());
            double sin = StrictMath.sin(angle);
            double cos = StrictMath.cos(angle);
            double gait = j.amplitudeRad() * sin;
            q[i] = j.standRad() + s * gait + noise(jointNoise, 1e-4);
            dq[i] = sDot * gait + s * j.amplitudeRad() * cos * TWO_PI * Humanoid.STRIDE_HZ + noise(jointNoise, 2e-3);
            effort[i] = driveEnabled ? j.biasNm() + 20 * (q[i] - j.standRad()) : 0;
        }
        return new JointStateSample(t, JOINTS, names, q, dq, effort);
    }

    private static WrenchSample wrench(long t, String topic, String frame, double s, double phase, SplittableRandom r) {
        double swing = StrictMath.sin(TWO_PI * phase);
        return new WrenchSample(t, topic, frame,
                new Vector3(1.5 * s * swing + noise(r, 0.05), noise(r, 0.05), -4.9 + noise(r, 0.05)),
                new Vector3(noise(r, 0.005), 0.2 * s * swing + noise(r, 0.005), noise(r, 0.005)));
    }

    /** Uniform noise in [−amplitude, amplitude). */
    private static double noise(SplittableRandom r, double amplitude) {
        return (2 * r.nextDouble() - 1) * amplitude;
    }

    private static void emit(Sink[] sinks, org.hcert.telemetry.Sample sample) {
        for (Sink sink : sinks) {
            sink.write(sample);
        }
    }

    /** Trunk attitude: pitch and roll sway with the stride, no yaw. */
    private record Attitude(double s, double sDot, double phase) {

        double pitch() {
            return 0.035 * s * StrictMath.sin(TWO_PI * phase);
        }

        double roll() {
            return 0.03 * s * StrictMath.cos(TWO_PI * phase);
        }

        double pitchRate() {
            return 0.035 * (sDot * StrictMath.sin(TWO_PI * phase)
                    + s * StrictMath.cos(TWO_PI * phase) * TWO_PI * Humanoid.STRIDE_HZ);
        }

        double rollRate() {
            return 0.03 * (sDot * StrictMath.cos(TWO_PI * phase)
                    - s * StrictMath.sin(TWO_PI * phase) * TWO_PI * Humanoid.STRIDE_HZ);
        }

        Quaternion orientation() {
            double r = roll() / 2;
            double p = pitch() / 2;
            return new Quaternion(StrictMath.sin(r) * StrictMath.cos(p), StrictMath.cos(r) * StrictMath.sin(p),
                    -StrictMath.sin(r) * StrictMath.sin(p), StrictMath.cos(r) * StrictMath.cos(p));
        }
    }
}
