package org.hcert.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The physical robot with its motion controller: joints, base, arms, battery. It follows motion
 * targets (walk, joint moves, hand moves) and is told each step whether the drives are powered,
 * whether the ankles hold, how hard to decelerate and which caps apply.
 */
final class Body {

    /** Rate at which the gait amplitude follows the walking speed, 1/s. */
    static final double AMPLITUDE_RATE_PER_S = 5.0;
    static final double STILL_JOINT_RAD_S = 0.01;
    static final double STILL_BASE_MS = 0.01;

    final RobotDescription robot;
    final List<Joint> joints = new ArrayList<>();
    final Base base;
    final List<Arm> arms = new ArrayList<>();
    final Battery battery = new Battery(0.82);
    final FaultInjector faults;
    private final Gait gait;
    private final boolean[] held;
    private final double[] moveSpeed;
    private final double[] contactTorque;
    private Command.Walk walk = new Command.Walk(0, 0, 0);
    private double amplitude;
    private double electricalW;

    Body(RobotDescription robot, FaultInjector faults) {
        this.robot = robot;
        this.faults = faults;
        robot.joints().forEach(j -> joints.add(new Joint(j)));
        this.base = new Base(robot);
        this.gait = new Gait(robot.joints());
        this.held = new boolean[joints.size()];
        this.moveSpeed = new double[joints.size()];
        this.contactTorque = new double[joints.size()];
        Arrays.fill(moveSpeed, Double.POSITIVE_INFINITY);
        arms.add(new Arm(Side.LEFT, robot, joints));
        arms.add(new Arm(Side.RIGHT, robot, joints));
    }

    /** What one step is allowed to do. */
    record Drive(boolean powered, boolean limpAnkles, double accelMs2, double jointAccelRadS2, Caps caps,
            boolean clampToLimits, double forceLimitN) {}

    /** Speed caps: per joint (rad/s) and for the base (m/s, rad/s). */
    @SuppressWarnings("ArrayRecordComponent") // configuration, never compared
    record Caps(double[] jointRadS, double baseMs, double yawRadS) {}

    void step(double dt, Drive d) {
        updateAmplitude(dt);
        double phase = base.sagittal.gaitPhase();
        boolean overspeed = faults.isActive(Fault.JOINT_OVERSPEED);
        for (int i = 0; i < joints.size(); i++) {
            Joint j = joints.get(i);
            if (!held[i]) {
                j.ramp.target(j.spec.standRad() + gait.offset(i, phase, amplitude));
            }
            if (d.clampToLimits()) {
                j.ramp.target(j.spec.clamp(j.ramp.target()));
            }
            double limit = overspeed && held[i] ? Double.POSITIVE_INFINITY : j.spec.maxVelocityRadS();
            double vmax = Math.min(Math.min(limit, moveSpeed[i]), d.caps().jointRadS()[i]);
            j.ramp.step(dt, vmax, d.jointAccelRadS2());
        }
        stepJoints(dt, d, overspeed);
        heat(dt);
        boolean uncapped = faults.isActive(Fault.WALK_SPEED_CAP_OFF);
        base.step(dt, uncapped ? walk : capped(walk, d.caps()), d.accelMs2(), d.powered(), d.limpAnkles(), amplitude);
        arms.forEach(a -> a.observe(joints, dt));
        if (d.powered()) {
            arms.forEach(a -> a.limitForce(joints, d.forceLimitN(), dt));
        }
        drawPower(dt, d.powered());
    }

    private void updateAmplitude(double dt) {
        boolean walking = base.sagittal.phase() == SagittalBalance.Phase.WALKING;
        double target = walking ? Math.abs(base.sagittal.desiredSpeed()) / Gait.NOMINAL_SPEED_MS : 0;
        double change = AMPLITUDE_RATE_PER_S * dt;
        amplitude = Math.max(amplitude - change, Math.min(amplitude + change, target));
    }

    /** The heat the {@code overheating-actuator} and {@code battery-overheat} faults add. */
    private void heat(double dt) {
        if (faults.isActive(Fault.OVERHEATING_ACTUATOR)) {
            int hot = robot.indexOf(Thermal.OVERHEATING_JOINT);
            if (hot >= 0) {
                joints.get(hot).thermal.heat(dt, faults.parameter(Fault.OVERHEATING_ACTUATOR), Thermal.OVERHEAT_CEILING_C);
            }
        }
        if (faults.isActive(Fault.BATTERY_OVERHEAT)) {
            battery.heat(dt, faults.parameter(Fault.BATTERY_OVERHEAT));
        }
    }

    private void stepJoints(double dt, Drive d, boolean overspeed) {
        Arrays.fill(contactTorque, 0);
        arms.forEach(a -> a.contactTorques(joints, contactTorque));
        for (int i = 0; i < joints.size(); i++) {
            Joint j = joints.get(i);
            j.externalTorque(contactTorque[i]);
            if (d.powered()) {
                j.servo(dt, overspeed && held[i] ? Double.POSITIVE_INFINITY : j.spec.maxVelocityRadS());
            } else {
                j.braked(dt);
            }
        }
    }

    private static Command.Walk capped(Command.Walk w, Caps caps) {
        double speed = StrictMath.hypot(w.vxMs(), w.vyMs());
        double scale = speed > caps.baseMs() ? caps.baseMs() / speed : 1;
        double yaw = Math.max(-caps.yawRadS(), Math.min(caps.yawRadS(), w.yawRateRadS()));
        return new Command.Walk(w.vxMs() * scale, w.vyMs() * scale, yaw);
    }

    private void drawPower(double dt, boolean powered) {
        double watts = Battery.IDLE_W + (powered ? Battery.HOLD_W : 0);
        for (Joint j : joints) {
            watts += j.mechanicalPowerW() / Battery.DRIVE_EFFICIENCY + Thermal.lossW(j.effort(), j.spec.maxTorqueNm());
        }
        electricalW = watts;
        battery.draw(watts, dt);
    }

    void walk(Command.Walk w) {
        walk = w;
    }

    Command.Walk walkTarget() {
        return walk;
    }

    /**
     * Move joint i to {@code positionRad} at up to {@code speedRadS}; it no longer follows the gait.
     * {@code overshoot} is the share of the travel by which the move overshoots (0 when healthy).
     */
    void moveJoint(int i, double positionRad, double speedRadS, double overshoot) {
        held[i] = true;
        moveSpeed[i] = speedRadS > 0 ? speedRadS : Double.POSITIVE_INFINITY;
        Ramp ramp = joints.get(i).ramp;
        ramp.target(positionRad + overshoot * (positionRad - ramp.position()));
    }

    /** Move a hand by inverse kinematics; the hand speed is converted to joint speed by the arm's reach. */
    void moveHand(Side side, double forwardM, double upM, double speedMs, double overshoot) {
        Arm arm = arms.get(side.index());
        double[] q = arm.kinematics.reach(forwardM, upM);
        double reach = robot.arm().upperArmM() + robot.arm().forearmM();
        double speed = speedMs > 0 ? speedMs / reach : Double.POSITIVE_INFINITY;
        moveJoint(arm.chain[1], q[0], speed, overshoot);
        moveJoint(arm.chain[2], 0, speed, overshoot);
        moveJoint(arm.chain[3], q[1], speed, overshoot);
    }

    /** Stop all motion: walking target zero, every joint reference brakes at {@code jointDecel}. */
    void halt(double jointDecelRadS2) {
        walk = new Command.Walk(0, 0, 0);
        for (int i = 0; i < joints.size(); i++) {
            if (held[i]) {
                joints.get(i).ramp.halt(jointDecelRadS2);
            }
        }
    }

    /** Take over the true positions as references (the drives come back on). */
    void syncReferences() {
        joints.forEach(Joint::syncReference);
        base.sagittal.footDown();
    }

    /** hcert's standstill: every |q̇| below 0.01 rad/s and the base speed below 0.01 m/s. */
    boolean isStill() {
        return maxJointSpeed() < STILL_JOINT_RAD_S && base.velocity().norm() < STILL_BASE_MS;
    }

    double maxJointSpeed() {
        return joints.stream().mapToDouble(j -> Math.abs(j.velocity())).max().orElse(0);
    }

    boolean walking() {
        return base.sagittal.phase() == SagittalBalance.Phase.WALKING;
    }

    double amplitude() {
        return amplitude;
    }

    /** Electrical power drawn in the last step, W. */
    double electricalW() {
        return electricalW;
    }
}
