package org.hcert.simulator;

import java.util.Objects;

/**
 * A command to the virtual humanoid, as the transport layer decodes it from the wire. Motion
 * commands are refused while the e-stop is latched, a protective stop is asserted, the drives are
 * off or no {@link Start} followed the last stop; see {@link VirtualHumanoid#accept(Command)}.
 */
public sealed interface Command {

    /** Move one joint to {@code positionRad} at up to {@code speedRadS} (rad/s, capped by the joint and mode). */
    record MoveJoint(String joint, double positionRad, double speedRadS) implements Command {
        public MoveJoint {
            Objects.requireNonNull(joint, "joint must not be null");
        }
    }

    /**
     * Move a hand to a point of the trunk's sagittal plane relative to its shoulder: {@code forwardM}
     * ahead and {@code upM} above (negative = below), m, at up to {@code speedMs} (m/s).
     */
    record MoveHand(Side side, double forwardM, double upM, double speedMs) implements Command {
        public MoveHand {
            Objects.requireNonNull(side, "side must not be null");
        }
    }

    /** Walk at {@code vxMs} forward, {@code vyMs} to the left (m/s) and {@code yawRateRadS} (rad/s). */
    record Walk(double vxMs, double vyMs, double yawRateRadS) implements Command {}

    /** Normal stop: a category 2 stop of all motion; no latch, motion may be commanded again at once. */
    record Stop() implements Command {}

    /** Press the emergency stop: it latches until {@link Reset}. */
    record EmergencyStop() implements Command {}

    /**
     * Release the emergency-stop actuator (pull the button out): the robot reports
     * {@code estop_released}; the stop stays latched until {@link Reset}.
     */
    record ReleaseEmergencyStop() implements Command {}

    /**
     * Cut the main drive bus ({@code on} false) or restore it ({@code on} true), as the lab's supply
     * rig does. The robot's computers and safety controller stay powered, so it keeps reporting.
     */
    record DrivePower(boolean on) implements Command {}

    /**
     * Inject a fault into the safety control system ({@code present} true), as a fault-injection rig
     * does, or remove it again ({@code present} false).
     */
    record SafetyFault(SafetyFaultKind kind, boolean present) implements Command {
        public SafetyFault {
            Objects.requireNonNull(kind, "kind must not be null");
        }
    }

    /** Assert or release the protective-stop input. */
    record ProtectiveStop(boolean asserted) implements Command {}

    /** Reset the e-stop latch; the robot stays still until {@link Start}. */
    record Reset() implements Command {}

    /** Enable drive power and allow motion again after a stop. */
    record Start() implements Command {}

    /** Switch the operating mode. */
    record SetMode(OperatingMode mode) implements Command {
        public SetMode {
            Objects.requireNonNull(mode, "mode must not be null");
        }
    }

    /**
     * Place the force-measuring test dummy in front of a hand: a flat surface of body region
     * {@code region}, {@code distanceM} ahead of that shoulder (m).
     */
    record PlaceDummy(Side side, BodyRegion region, double distanceM) implements Command {
        public PlaceDummy {
            Objects.requireNonNull(side, "side must not be null");
            Objects.requireNonNull(region, "region must not be null");
        }
    }

    /** Take the test dummy away from a hand. */
    record RemoveDummy(Side side) implements Command {
        public RemoveDummy {
            Objects.requireNonNull(side, "side must not be null");
        }
    }
}
