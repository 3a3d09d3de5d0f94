package org.hcert.simulator.server;

import java.util.List;
import java.util.Locale;
import org.hcert.adapters.Command;
import org.hcert.simulator.BodyRegion;
import org.hcert.simulator.OperatingMode;
import org.hcert.simulator.SafetyFaultKind;
import org.hcert.simulator.Side;

/** Translate wire commands ({@code org.hcert.adapters.Command}) into the model's commands. */
final class WireCommands {

    /** The commands the simulator accepts, as declared in CAPABILITIES. */
    static final List<String> NAMES = List.of("walk", "joint", "hand", "stop", "reset", "mode", "start", "estop",
            "protective_stop", "dummy", "power", "safety_fault");

    /** Height of HC-1's shoulders above the pelvis (the base frame's origin), m: a simulator parameter. */
    static final double SHOULDER_HEIGHT_M = 0.45;

    private WireCommands() {}

    /**
     * The model's commands for one wire command (releasing the e-stop input releases the actuator;
     * the e-stop stays latched until {@code reset}).
     *
     * @throws IllegalArgumentException naming a bad side, region or mode; the robot NACKs with it
     */
    static List<org.hcert.simulator.Command> toModel(Command c) {
        if (c instanceof Command.Walk w) {
            return List.of(new org.hcert.simulator.Command.Walk(w.vxMps(), w.vyMps(), w.yawRateRadPerS()));
        } else if (c instanceof Command.MoveJoint j) {
            return List.of(new org.hcert.simulator.Command.MoveJoint(j.joint(), j.positionRad(), j.velocityRadPerS()));
        } else if (c instanceof Command.MoveHand h) {
            return List.of(new org.hcert.simulator.Command.MoveHand(side(h.hand()), h.xM(), h.zM() - SHOULDER_HEIGHT_M, h.speedMps()));
        } else if (c instanceof Command.SoftwareStop) {
            return List.of(new org.hcert.simulator.Command.Stop());
        } else if (c instanceof Command.Reset) {
            return List.of(new org.hcert.simulator.Command.Reset());
        } else if (c instanceof Command.SetMode m) {
            return List.of(new org.hcert.simulator.Command.SetMode(OperatingMode.parse(m.mode())));
        } else if (c instanceof Command.Start) {
            return List.of(new org.hcert.simulator.Command.Start());
        } else if (c instanceof Command.EmergencyStop e) {
            return List.of(e.asserted() ? new org.hcert.simulator.Command.EmergencyStop()
                    : new org.hcert.simulator.Command.ReleaseEmergencyStop());
        } else if (c instanceof Command.ProtectiveStop p) {
            return List.of(new org.hcert.simulator.Command.ProtectiveStop(p.asserted()));
        } else if (c instanceof Command.DrivePower p) {
            return List.of(new org.hcert.simulator.Command.DrivePower(p.on()));
        } else if (c instanceof Command.SafetyFault f) {
            return List.of(new org.hcert.simulator.Command.SafetyFault(SafetyFaultKind.parse(f.kind()), f.asserted()));
        } else if (c instanceof Command.PlaceDummy d) {
            return List.of(new org.hcert.simulator.Command.PlaceDummy(side(d.side()), region(d.region()), d.distanceM()));
        } else if (c instanceof Command.RemoveDummy r) {
            return r.side().isEmpty()
                    ? List.of(new org.hcert.simulator.Command.RemoveDummy(Side.LEFT), new org.hcert.simulator.Command.RemoveDummy(Side.RIGHT))
                    : List.of(new org.hcert.simulator.Command.RemoveDummy(side(r.side())));
        }
        throw new IllegalArgumentException("unsupported command " + c.name());
    }

    private static Side side(String text) {
        for (Side s : Side.values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side \"%s\"; expected left or right".formatted(text));
    }

    private static BodyRegion region(String text) {
        for (BodyRegion r : BodyRegion.values()) {
            if (r.wireName().equals(text.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown body region \"%s\"; expected one of %s".formatted(text,
                String.join(", ", java.util.Arrays.stream(BodyRegion.values()).map(BodyRegion::wireName).toList())));
    }
}
