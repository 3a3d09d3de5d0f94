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
