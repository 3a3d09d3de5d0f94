package org.hcert.adapters.safety;

import org.hcert.adapters.Command;

/** Speed caps per command type. */
final class Caps {

    private Caps() {}

    static Command apply(Command command, MotionLimits limits) {
        if (command instanceof Command.Walk w) {
            return walk(w, limits);
        }
        if (command instanceof Command.MoveJoint j) {
            return new Command.MoveJoint(j.joint(), finite(j.positionRad(), j, "position"),
                    speed(j.velocityRadPerS(), limits.jointSpeedRadPerS(), j, "velocity"));
        }
        if (command instanceof Command.MoveHand h) {
            return new Command.MoveHand(h.hand(), finite(h.xM(), h, "x"), finite(h.yM(), h, "y"), finite(h.zM(), h, "z"),
                    speed(h.speedMps(), limits.handSpeedMps(), h, "speed"), finite(h.grip(), h, "grip"));
        }
        return command;
    }

    private static Command walk(Command.Walk w, MotionLimits limits) {
        double vx = finite(w.vxMps(), w, "vx");
        double vy = finite(w.vyMps(), w, "vy");
        double wz = finite(w.yawRateRadPerS(), w, "wz");
        double planar = Math.hypot(vx, vy);
        double scale = planar > limits.walkSpeedMps() ? limits.walkSpeedMps() / planar : 1;
        double cappedWz = Math.max(-limits.yawRateRadPerS(), Math.min(limits.yawRateRadPerS(), wz));
        return new Command.Walk(vx * scale, vy * scale, cappedWz);
    }

    private static double speed(double value, double limit, Command c, String field) {
        if (!(finite(value, c, field) > 0)) {
            throw new MotionRefusedException("%s command refused: %s must be positive, got %s".formatted(c.name(), field, value));
        }
        return Math.min(value, limit);
    }

    private static double finite(double value, Command c, String field) {
        if (!Double.isFinite(value)) {
            throw new MotionRefusedException("%s command refused: %s is %s".formatted(c.name(), field, value));
        }
        return value;
    }
}
