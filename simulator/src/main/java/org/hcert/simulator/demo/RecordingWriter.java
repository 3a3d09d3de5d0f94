package org.hcert.simulator.demo;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * Sample the motion of a scenario into NDJSON lines, in time order, on a 1 ms clock: joints and
 * IMU at 200 Hz, odometry at 100 Hz, safety state and wrists at 50 Hz, battery at 1 Hz, events
 * when they happen. Messages with the same time are written in a fixed topic order.
 */
final class RecordingWriter {

    static final double GRAVITY_M_S2 = 9.81;
    private static final long END_MS = Timeline.millis(Timeline.END_S);
    /** Electrical power for computers and sensors (W), for holding posture with drives on (W), and drive efficiency. */
    private static final double IDLE_W = 60;
    private static final double HOLD_W = 180;
    private static final double DRIVE_EFFICIENCY = 0.6;

    private final Scenario scenario;
    private final Motion motion;
    private final SafetyTimeline safety;
    private final List<Event> events;
    private final Noise jointNoise = new Noise(0x4843_0001L);
    private final Noise imuNoise = new Noise(0x4843_0002L);
    private final Noise odomNoise = new Noise(0x4843_0003L);
    private final Noise wristNoise = new Noise(0x4843_0004L);
    private final Noise batteryNoise = new Noise(0x4843_0005L);
    private final Battery battery = new Battery();
    private final List<Wrist> wrists = List.of(Wrist.of("left"), Wrist.of("right"));
    private final List<String> names = Hc1.JOINTS.stream().map(JointSpec::name).toList();

    /** An event on {@code /events} at ms since the start. */
    record Event(long ms, String kind, String detail) {}

    RecordingWriter(Scenario scenario, Motion motion, Truth truth) {
        this.scenario = scenario;
        this.motion = motion;
        this.safety = new SafetyTimeline((truth.driveOffNs() - Timeline.EPOCH_NS) / 1_000_000L);
        this.events = events(truth);
    }

    private static List<Event> events(Truth truth) {
        List<Event> out = new ArrayList<>();
        out.add(new Event(Timeline.millis(Timeline.START_EVENT_S), "start", "HC-1 demo run started"));
        out.add(new Event(SafetyTimeline.ESTOP_MS, "estop_pressed", "emergency stop button pressed"));
        truth.fallDetectedNs().ifPresent(ns -> out.add(new Event((ns - Timeline.EPOCH_NS) / 1_000_000L,
                "fall_detected", "trunk tilt exceeded 60 deg")));
        out.add(new Event(SafetyTimeline.RESET_MS, "estop_reset", "emergency stop released; drives stay off"));
        return out;
    }

    /** Write all lines of the recording, each ending in a line feed. */
    void write(Writer out) throws IOException {
        for (long ms = 0; ms <= END_MS; ms++) {
            for (String line : lines(ms)) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    private List<String> lines(long ms) {
        List<String> out = new ArrayList<>();
        long t = Timeline.nanos(ms);
        for (Event e : events) {
            if (e.ms() == ms) {
                out.add(RosMessages.line(t, "/events", RosJsonDecoder.EVENT, RosMessages.event(t, e.kind(), e.detail())));
            }
        }
        if (ms % 20 == 0 && scenario.hasSafetyTopic()) {
            out.add(RosMessages.line(t, "/safety/state", RosJsonDecoder.SAFETY_STATE,
                    RosMessages.safetyState(t, safety.mode(ms), safety.estop(ms), safety.driveEnabled(ms))));
        }
        if (ms % 5 == 0) {
            sensors(ms, t, motion.at(ms / 1000.0), out);
        }
        return out;
    }

    private void sensors(long ms, long t, BodyState s, List<String> out) {
        out.add(jointStates(ms, t, s));
        out.add(RosMessages.line(t, "/imu/torso", RosJsonDecoder.IMU, RosMessages.imu(t, s.attitude().quaternion(),
                imuNoise.add(s.attitude().bodyRate(), 5e-4, 2e-3),
                imuNoise.add(s.specificForceBody(GRAVITY_M_S2), 0.02, 0.06))));
        if (ms % 10 == 0) {
            out.add(RosMessages.line(t, "/odom", RosJsonDecoder.ODOMETRY, RosMessages.odometry(t,
                    new Vector3(s.x().p(), s.y().p(), s.z().p()), s.attitude().quaternion(),
                    odomNoise.add(s.velocityBody(), 4e-4, 1.1e-3), odomNoise.add(s.attitude().bodyRate(), 5e-4, 2e-3))));
        }
        if (ms % 20 == 0) {
            wrists.forEach(w -> out.add(wrench(t, w, s)));
        }
        if (ms % 1000 == 0) {
            out.add(RosMessages.line(t, "/battery", RosJsonDecoder.BATTERY_STATE,
                    battery.message(t, batteryNoise.next(0.05, 0.15))));
        }
    }

    private String jointStates(long ms, long t, BodyState s) {
        int n = names.size();
        double[] position = new double[n];
        double[] velocity = new double[n];
        double[] effort = new double[n];
        double mechanicalW = 0;
        for (int i = 0; i < n; i++) {
            Kin q = s.joints().get(i);
            effort[i] = safety.driveEnabled(ms) ? Hc1.JOINTS.get(i).effortNm(q) : 0;
            mechanicalW += Math.abs(effort[i] * q.v());
            position[i] = q.p() + jointNoise.next(1e-4, 4e-4);
            velocity[i] = q.v() + jointNoise.next(6e-4, 2e-3);
        }
        double holdW = safety.driveEnabled(ms) ? HOLD_W : 0;
        battery.draw(IDLE_W + holdW + mechanicalW / DRIVE_EFFICIENCY, 0.005);
        return RosMessages.line(t, "/joint_states", RosJsonDecoder.JOINT_STATE,
                RosMessages.jointState(t, names, position, velocity, effort));
    }

    private String wrench(long t, Wrist w, BodyState s) {
        Wrist.Reading r = w.wrench(s, GRAVITY_M_S2);
        return RosMessages.line(t, w.topic(), RosJsonDecoder.WRENCH_STAMPED, RosMessages.wrench(t, w.frameId(),
                wristNoise.add(r.force(), 0.05, 0.15), wristNoise.add(r.torque(), 0.003, 0.01)));
    }
}
