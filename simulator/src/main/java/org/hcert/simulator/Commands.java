package org.hcert.simulator;

/** Validation and execution of the motion and test-equipment commands. */
final class Commands {

    static final double OVERRUN_SHARE = 0.1;
    /** Share of the commanded walking speed HC-1 reaches under {@code slow-walk}: {@value}. */
    static final double SLOW_WALK_SHARE = 0.8;

    private Commands() {}

    static CommandResult apply(Command command, VirtualHumanoid robot) {
        Body body = robot.body();
        if (command instanceof Command.PlaceDummy d) {
            body.arms.get(d.side().index()).place(new Contact(d.region(), d.distanceM()));
            return CommandResult.ok();
        } else if (command instanceof Command.RemoveDummy r) {
            body.arms.get(r.side().index()).removeDummy();
            return CommandResult.ok();
        } else if (command instanceof Command.Walk w) {
            return walk(w, robot);
        } else if (command instanceof Command.MoveJoint m) {
            return moveJoint(m, robot);
        } else if (command instanceof Command.MoveHand h) {
            if (!Double.isFinite(h.forwardM()) || !Double.isFinite(h.upM())) {
                return CommandResult.refused("hand target must be finite, got " + h);
            }
            return robot.motion(h, b -> b.moveHand(h.side(), h.forwardM(), h.upM(), h.speedMs(), overshoot(robot)));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private static CommandResult walk(Command.Walk w, VirtualHumanoid robot) {
        double max = robot.config().robot().limits().maxWalkSpeedMs();
        double speed = StrictMath.hypot(w.vxMs(), w.vyMs());
        boolean capOff = robot.faults().isActive(Fault.WALK_SPEED_CAP_OFF);
        if (!(speed <= max || (capOff && Double.isFinite(speed))) || !Double.isFinite(w.yawRateRadS())) {
            return CommandResult.refused("walk speed %s m/s exceeds the maximum of %s m/s".formatted(speed, max));
        }
        Command.Walk walked = robot.faults().isActive(Fault.SLOW_WALK)
                ? new Command.Walk(w.vxMs() * SLOW_WALK_SHARE, w.vyMs() * SLOW_WALK_SHARE, w.yawRateRadS()) : w;
        return robot.motion(w, b -> b.walk(walked));
    }

    private static CommandResult moveJoint(Command.MoveJoint m, VirtualHumanoid robot) {
        RobotDescription d = robot.config().robot();
        int i = d.indexOf(m.joint());
        if (i < 0) {
            return CommandResult.refused("unknown joint \"%s\"; joints: %s".formatted(m.joint(),
                    String.join(", ", d.joints().stream().map(JointDescription::name).toList())));
        }
        if (!Double.isFinite(m.positionRad())) {
            return CommandResult.refused("joint target must be finite, got " + m.positionRad());
        }
        return robot.motion(m, b -> b.moveJoint(i, m.positionRad(), m.speedRadS(), overshoot(robot)));
    }

    /** Share of a commanded move's travel by which it overshoots: {@value #OVERRUN_SHARE} under joint-limit-overrun. */
    static double overshoot(VirtualHumanoid robot) {
        return robot.faults().isActive(Fault.JOINT_LIMIT_OVERRUN) ? OVERRUN_SHARE : 0;
    }
}
