package org.hcert.simulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hcert.telemetry.MessageHeader;

/**
 * A battery of short scenarios run with a given set of faults, each reduced to whether the robot
 * misbehaved in the way one fault names, judged from the true state (and, for link faults, the
 * emitted messages).
 */
final class Verdicts {

    private Verdicts() {}

    /** The misbehaviours seen with {@code faults} active from the start. */
    static Set<Fault> seen(Set<Fault> faults) {
        Set<Fault> out = EnumSet.noneOf(Fault.class);
        standingEstop(faults, out);
        walkingEstopAndReset(faults, out);
        reducedSpeedHandMove(faults, out);
        pressing(faults, out);
        kneeToLimit(faults, out);
        walkingSpeed(faults, out);
        fastShoulderMove(faults, out);
        fastWalk(faults, out);
        link(faults, out);
        provenance(faults, out);
        Set<Fault> model = EnumSet.copyOf(faults);
        model.removeAll(LINK_FAULTS);
        normalStop(model, out);
        safetyFaultWhileWalking(model, out);
        estopRelease(model, out);
        powerCycleAfterWalking(model, out);
        powerCutWhileStanding(model, out);
        selfTestWithAFault(model, out);
        return out;
    }

    /** Faults of the link, which the scenarios that read events leave out (they would lose the events). */
    private static final Set<Fault> LINK_FAULTS = EnumSet.of(Fault.DROPPED_FRAMES, Fault.CORRUPTED_FRAMES,
            Fault.STALLED_LINK, Fault.CLOCK_JUMP);

    private static void normalStop(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, true).send(new Command.Walk(0.4, 0, 0)).run(1.0).send(new Command.Stop()).run(1.0);
        flag(out, Fault.FAULT_ON_NORMAL_STOP, Events.kinds(r.robot).contains("fault"));
    }

    private static void safetyFaultWhileWalking(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.Walk(0.4, 0, 0)).run(1.5)
                .send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(2.0);
        flag(out, Fault.SAFETY_FAULT_IGNORED, r.truth().driveEnabled() && r.truth().pelvisVelocityMs().norm() > 0.2);
    }

    private static void estopRelease(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.EmergencyStop()).run(0.5).send(new Command.ReleaseEmergencyStop()).run(0.1);
        flag(out, Fault.ESTOP_NOT_LATCHED, !r.truth().estopLatched());
    }

    private static void powerCycleAfterWalking(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, true).send(new Command.Walk(0.4, 0, 0)).run(1.5).send(new Command.Stop()).run(1.5)
                .send(new Command.DrivePower(false)).run(0.5);
        double x = r.truth().pelvisPositionM().x();
        r.robot.drainTelemetry();
        r.send(new Command.DrivePower(true)).run(1.0);
        flag(out, Fault.NO_SELF_TEST, !Events.kinds(r.robot).contains("self_test_passed"));
        flag(out, Fault.RESTART_AFTER_POWER, r.truth().driveEnabled() && Math.abs(r.truth().pelvisPositionM().x() - x) > 0.05);
    }

    private static void powerCutWhileStanding(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).run(0.5).send(new Command.DrivePower(false)).run(3.0);
        flag(out, Fault.NO_BRAKES_ON_POWER_LOSS, r.truth().fallen());
    }

    private static void selfTestWithAFault(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, true).send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(0.5)
                .send(new Command.DrivePower(false)).run(0.5).send(new Command.DrivePower(true)).run(0.1);
        boolean failed = Events.kinds(r.robot).contains("self_test_failed");
        flag(out, Fault.SELF_TEST_FAILS_BUT_MOVES, failed && r.robot.accept(new Command.Start()).accepted());
    }

    private static SimRun run(Set<Fault> faults, boolean telemetry) {
        SimRun r = new SimRun(SimulatorConfig.hc1().withTelemetry(telemetry));
        faults.forEach(f -> r.robot.faults().activate(f, f.defaultParameter()));
        return r;
    }

    private static void standingEstop(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.MoveJoint("left_shoulder_pitch", 2.0, 4.0)).run(0.2)
                .send(new Command.EmergencyStop()).run(3.0);
        flag(out, Fault.SLOW_ESTOP, r.lastStop().stopTimeMs().getAsLong() > 600);
        flag(out, Fault.DRIVE_POWER_NOT_REMOVED, r.truth().driveEnabled());
    }

    private static void walkingEstopAndReset(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.Walk(0.5, 0, 0)).run(3.2)
                .send(new Command.EmergencyStop()).run(3.0);
        flag(out, Fault.FALL_ON_STOP, r.truth().fallen());
        double x = r.truth().pelvisPositionM().x();
        r.send(new Command.Reset()).run(1.0);
        flag(out, Fault.RESTART_AFTER_RESET, Math.abs(r.truth().pelvisPositionM().x() - x) > 0.05);
    }

    private static void reducedSpeedHandMove(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.SetMode(OperatingMode.MANUAL_REDUCED))
                .send(new Command.MoveHand(Side.RIGHT, 0.3, 0.3, 2.0)).run(3.0);
        flag(out, Fault.OVERSPEED_REDUCED, r.maxHandSpeedMs[1] > 0.25);
    }

    private static void pressing(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.PlaceDummy(Side.LEFT, BodyRegion.CHEST, 0.5))
                .send(new Command.MoveHand(Side.LEFT, 0.58, 0, 0.3)).run(4.0);
        flag(out, Fault.EXCESSIVE_CONTACT_FORCE, r.truth().hand(Side.LEFT).contactForceN() > 60);
    }

    private static void kneeToLimit(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.MoveJoint("left_knee", 2.2, 1.0)).run(3.0);
        flag(out, Fault.JOINT_LIMIT_OVERRUN, r.maxPosition[RobotDescription.hc1().indexOf("left_knee")] > 2.2 + 1e-6);
        flag(out, Fault.OVERHEATING_ACTUATOR, r.truth().joint(Thermal.OVERHEATING_JOINT).temperatureDegC() > Thermal.MAX_WINDING_C);
        flag(out, Fault.BATTERY_OVERHEAT, r.truth().battery().temperatureDegC() > Battery.MAX_TEMPERATURE_C);
    }

    /** The left shoulder commanded through 2.4 rad at 12 rad/s, above its 8 rad/s limit. */
    private static void fastShoulderMove(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.MoveJoint("left_shoulder_pitch", 2.4, 12.0)).run(1.0);
        flag(out, Fault.JOINT_OVERSPEED, r.maxJointSpeedRadS > Hc1.VELOCITY_LIMIT_RAD_S + 1e-6);
    }

    /** A walk at 3 m/s, three times HC-1's maximum: refused, unless the cap is off. */
    private static void fastWalk(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false);
        boolean accepted = r.robot.accept(new Command.Walk(3.0, 0, 0)).accepted();
        r.run(4.0);
        flag(out, Fault.WALK_SPEED_CAP_OFF, accepted && r.maxBaseSpeedMs > 1.0 + 1e-6);
    }

    private static void walkingSpeed(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, false).send(new Command.Walk(0.5, 0, 0)).run(2.0);
        double x = r.truth().pelvisPositionM().x();
        r.run(1.0);
        flag(out, Fault.SLOW_WALK, r.truth().pelvisPositionM().x() - x < 0.45);
    }

    private static void link(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, true).run(1.0);
        List<OutboundMessage> messages = r.robot.drainTelemetry();
        long joints = messages.stream().filter(m -> m.message().topic().equals("/joint_states")).count();
        long others = messages.size() - joints;
        // joints, IMU, odometry, two wrists, safety state, battery, temperatures, and model_loaded and provenance at start-up
        long expected = 1000 + 1000 + 2 * 500 + 100 + 1 + 10 * (20 + Thermal.SURFACES.size()) + 2;
        flag(out, Fault.DROPPED_FRAMES, others < expected && !messages.isEmpty());
        flag(out, Fault.STREAM_BELOW_RATE, joints < 0.6 * 1000 && others == expected);
        flag(out, Fault.STREAM_CLOCK_OFFSET, messages.stream().filter(m -> m.message().topic().equals("/joint_states"))
                .anyMatch(m -> MessageHeader.of(m.message().body()).stampNs() != m.message().logTimeNs()));
        flag(out, Fault.HOT_SURFACE, messages.stream().filter(m -> m.message().topic().equals("/temperatures"))
                .filter(m -> m.message().body().path("header").path("frame_id").asText().equals("left_palm"))
                .anyMatch(m -> m.message().body().path("temperature").asDouble() > 50));
        flag(out, Fault.STALLED_LINK, messages.isEmpty());
        flag(out, Fault.CORRUPTED_FRAMES, messages.stream().anyMatch(OutboundMessage::corrupt));
        long offset = r.robot.robotClockNs() - SimulatorConfig.DEFAULT_EPOCH_NS - r.robot.simTimeNs();
        flag(out, Fault.CLOCK_JUMP, offset != 0);
    }

    /** What HC-1 reports at start-up on /events: judged only from the reports that arrive (a link fault may drop them). */
    private static void provenance(Set<Fault> faults, Set<Fault> out) {
        SimRun r = run(faults, true).run(0.01);
        for (OutboundMessage m : r.robot.drainTelemetry()) {
            if (!m.message().topic().equals("/events")) {
                continue;
            }
            String kind = m.message().body().path("kind").asText();
            String detail = m.message().body().path("detail").asText();
            if (kind.equals("model_loaded")) {
                flag(out, Fault.UNSIGNED_MODEL, detail.contains("signature=unverified") && !detail.contains(ProvenanceReport.MODEL_SHA256));
                flag(out, Fault.NO_PROVENANCE, !detail.contains("signature="));
            } else if (kind.equals("provenance")) {
                flag(out, Fault.NO_PROVENANCE, !detail.contains("dataset_id=") || !detail.contains("calibration_ids=")
                        || !detail.contains("model_sha256="));
                flag(out, Fault.WRONG_ROBOT_ID, !detail.contains("robot_id=" + RobotDescription.hc1().serial() + ";"));
            }
        }
    }

    private static void flag(Set<Fault> out, Fault f, boolean misbehaved) {
        if (misbehaved) {
            out.add(f);
        }
    }
}
