package org.hcert.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * Sample the true state into ROS-shaped messages at the configured rates, stamped with the robot's
 * clock, with seeded sensor noise, through the link faults. Within one instant the topic order is
 * fixed: events, safety, joints, IMU, odometry, wrenches, battery, temperatures (the actuators', then
 * the touchable surfaces' of {@link Thermal#SURFACES}). The stream faults ({@code stream-below-rate},
 * {@code stream-clock-offset}) and {@code hot-surface} act here, on what is published.
 */
final class TelemetryEmitter {

    static final String TEMPERATURES = "/temperatures";
    /** Lever from the wrist sensor to the hand's contact point along the forearm, m. */
    static final double HAND_OFFSET_M = 0.06;
    /** Messages kept for the caller to drain; older ones are discarded beyond this. */
    static final int MAX_BUFFERED = 100_000;

    private final Body body;
    private final SafetyLogic safety;
    private final TelemetryRates rates;
    private final LinkFaults link;
    private final long epochNs;
    private final String origin;
    private final List<String> names;
    private final Noise jointNoise;
    private final Noise imuNoise;
    private final Noise odomNoise;
    private final Noise wristNoise;
    private final Noise batteryNoise;
    private final ArrayDeque<OutboundMessage> out = new ArrayDeque<>();
    /** The surfaces whose actuator this robot has, with that actuator's index. */
    private final List<Thermal.Surface> surfaces;
    private final int[] surfaceActuators;
    private long jointTicks;

    TelemetryEmitter(Body body, SafetyLogic safety, SimulatorConfig config, LinkFaults link) {
        this.body = body;
        this.safety = safety;
        this.rates = config.rates();
        this.link = link;
        this.epochNs = config.epochNs();
        this.origin = "simulator " + config.robot().serial();
        this.names = config.robot().joints().stream().map(JointDescription::name).toList();
        long seed = config.seed();
        this.jointNoise = new Noise(seed + 1);
        this.imuNoise = new Noise(seed + 2);
        this.odomNoise = new Noise(seed + 3);
        this.wristNoise = new Noise(seed + 4);
        this.batteryNoise = new Noise(seed + 5);
        this.surfaces = Thermal.SURFACES.stream().filter(x -> names.contains(x.actuator())).toList();
        this.surfaceActuators = surfaces.stream().mapToInt(x -> names.indexOf(x.actuator())).toArray();
    }

    /** The robot's clock at simulator time {@code simNs}, ns since the Unix epoch. */
    long robotClockNs(long simNs) {
        return epochNs + simNs + link.clockOffsetNs();
    }

    /** Emit what is due at simulator time {@code simNs}, after the physics step that reached it. */
    void emit(long simNs, List<RobotEvent> events) {
        long t = robotClockNs(simNs);
        for (RobotEvent e : events) {
            // Stamped at the source: when the event happened (e.g. the e-stop was asserted between two
            // steps), not when this step publishes it.
            send(simNs, robotClockNs(e.simNs()), "/events", RosJsonDecoder.EVENT, RosJson.object().put("kind", e.kind()).put("detail", e.detail()));
        }
        if (due(simNs, rates.safetyHz())) {
            send(simNs, t, "/safety/state", RosJsonDecoder.SAFETY_STATE, RosJson.object()
                    .put("mode", safety.publishedMode(body)).put("estop", safety.estopLatched())
                    .put("protective_stop", safety.protective()).put("drive_enabled", safety.powered()));
        }
        if (due(simNs, rates.jointsHz()) && jointsKept()) {
            send(simNs, t, "/joint_states", RosJsonDecoder.JOINT_STATE, jointState(t + jointStampOffsetNs()));
        }
        if (due(simNs, rates.imuHz())) {
            send(simNs, t, "/imu/torso", RosJsonDecoder.IMU, imu(t));
        }
        if (due(simNs, rates.odometryHz())) {
            send(simNs, t, "/odom", RosJsonDecoder.ODOMETRY, odometry(t));
        }
        if (due(simNs, rates.wrenchHz())) {
            body.arms.forEach(a -> send(simNs, t, "/wrist/" + a.side.wireName() + "/ft", RosJsonDecoder.WRENCH_STAMPED,
                    wrench(t, a)));
        }
        if (due(simNs, rates.batteryHz())) {
            send(simNs, t, "/battery", RosJsonDecoder.BATTERY_STATE, battery(t));
        }
        if (due(simNs, rates.temperatureHz())) {
            for (int i = 0; i < names.size(); i++) {
                send(simNs, t, TEMPERATURES, RosJsonDecoder.TEMPERATURE, temperature(t, i));
            }
            for (int i = 0; i < surfaces.size(); i++) {
                send(simNs, t, TEMPERATURES, RosJsonDecoder.TEMPERATURE, surface(t, i));
            }
        }
    }

    /** Whether this due joint state is published: all of them, or a share of them under {@code stream-below-rate}. */
    private boolean jointsKept() {
        FaultInjector faults = body.faults;
        long tick = jointTicks++;
        if (!faults.isActive(Fault.STREAM_BELOW_RATE)) {
            return true;
        }
        double share = faults.parameter(Fault.STREAM_BELOW_RATE);
        return Math.floor((tick + 1) * share) > Math.floor(tick * share);
    }

    /** How far ahead of the robot clock the joint states are stamped, ns ({@code stream-clock-offset}). */
    private long jointStampOffsetNs() {
        return body.faults.isActive(Fault.STREAM_CLOCK_OFFSET) ? LinkFaults.seconds(body.faults.parameter(Fault.STREAM_CLOCK_OFFSET)) : 0;
    }

    private static boolean due(long simNs, int hz) {
        return simNs % (1_000_000_000L / hz) == 0;
    }

    private void send(long simNs, long t, String topic, String type, ObjectNode body) {
        link.pass(new Message(t, topic, type, body, origin), simNs).ifPresent(m -> {
            if (out.size() >= MAX_BUFFERED) {
                out.pollFirst();
            }
            out.add(m);
        });
    }

    private ObjectNode jointState(long stampNs) {
        int n = names.size();
        double[] position = new double[n];
        double[] velocity = new double[n];
        double[] effort = new double[n];
        for (int i = 0; i < n; i++) {
            Joint j = body.joints.get(i);
            position[i] = j.position() + jointNoise.next(1e-4, 4e-4);
            velocity[i] = j.velocity() + jointNoise.next(6e-4, 2e-3);
            effort[i] = j.effort() + jointNoise.next(0.05, 0.2);
        }
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(stampNs, ""));
        RosJson.with(m, "name", RosJson.strings(names));
        RosJson.with(m, "position", RosJson.numbers(position));
        RosJson.with(m, "velocity", RosJson.numbers(velocity));
        return RosJson.with(m, "effort", RosJson.numbers(effort));
    }

    private ObjectNode imu(long t) {
        Base b = body.base;
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, "imu_torso"));
        RosJson.with(m, "orientation", RosJson.quaternion(b.attitude().quaternion()));
        RosJson.with(m, "angular_velocity", RosJson.vector(imuNoise.add(b.bodyRate(), 5e-4, 2e-3)));
        return RosJson.with(m, "linear_acceleration", RosJson.vector(imuNoise.add(b.specificForceBody(), 0.02, 0.06)));
    }

    private ObjectNode odometry(long t) {
        Base b = body.base;
        ObjectNode pose = RosJson.with(RosJson.object(), "position", RosJson.vector(b.position()));
        RosJson.with(pose, "orientation", RosJson.quaternion(b.attitude().quaternion()));
        ObjectNode twist = RosJson.with(RosJson.object(), "linear", RosJson.vector(odomNoise.add(b.velocityBody(), 4e-4, 1.1e-3)));
        RosJson.with(twist, "angular", RosJson.vector(odomNoise.add(b.bodyRate(), 5e-4, 2e-3)));
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, "odom"));
        m.put("child_frame_id", "pelvis");
        RosJson.with(m, "pose", RosJson.with(RosJson.object(), "pose", pose));
        return RosJson.with(m, "twist", RosJson.with(RosJson.object(), "twist", twist));
    }

    private ObjectNode wrench(long t, Arm arm) {
        double[] q = arm.angles(body.joints);
        double f = arm.forceN();
        double fx = -f * StrictMath.cos(q[0]);
        double fy = f * StrictMath.sin(q[0]);
        double alpha = ArmKinematics.forearmPitch(q);
        Vector3 force = new Vector3(fx * StrictMath.cos(alpha), fy, -fx * StrictMath.sin(alpha));
        Vector3 torque = new Vector3(HAND_OFFSET_M * force.y(), -HAND_OFFSET_M * force.x(), 0);
        ObjectNode w = RosJson.with(RosJson.object(), "force", RosJson.vector(wristNoise.add(force, 0.05, 0.15)));
        RosJson.with(w, "torque", RosJson.vector(wristNoise.add(torque, 0.003, 0.01)));
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, arm.side.wireName() + "_wrist_ft"));
        return RosJson.with(m, "wrench", w);
    }

    private ObjectNode battery(long t) {
        Battery b = body.battery;
        double current = -b.currentA() + batteryNoise.next(0.05, 0.15);
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, "battery"));
        return m.put("voltage", b.voltageV()).put("temperature", b.temperatureC()).put("current", current)
                .put("charge", b.stateOfCharge() * Battery.CAPACITY_AH).put("capacity", Battery.CAPACITY_AH)
                .put("design_capacity", Battery.CAPACITY_AH).put("percentage", b.stateOfCharge())
                .put("power_supply_status", 2).put("power_supply_health", 1).put("power_supply_technology", 2)
                .put("present", true);
    }

    private ObjectNode temperature(long t, int i) {
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, names.get(i)));
        return m.put("temperature", body.joints.get(i).thermal.temperatureC()).put("variance", 0.0);
    }

    private ObjectNode surface(long t, int i) {
        Thermal.Surface s = surfaces.get(i);
        double hot = body.faults.isActive(Fault.HOT_SURFACE) ? body.faults.parameter(Fault.HOT_SURFACE) : 0;
        double c = Thermal.surfaceC(body.joints.get(surfaceActuators[i]).thermal.temperatureC(), s.coupling()) + hot;
        ObjectNode m = RosJson.with(RosJson.object(), "header", RosJson.header(t, s.frame()));
        return m.put("temperature", c).put("variance", 0.0);
    }

    /** Take the messages emitted since the last call, in time order. */
    List<OutboundMessage> drain() {
        List<OutboundMessage> taken = List.copyOf(out);
        out.clear();
        return taken;
    }
}
