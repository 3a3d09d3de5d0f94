package org.hcert.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A command to the robot, as carried in a COMMAND frame: {@code {"cmd": NAME, ...arguments}}.
 * Motion commands ({@link #moves()}) pass the {@code MotionInterlock}; a software stop always
 * passes. Lengths in metres, angles in radians, in the robot's base frame (x forward, y left,
 * z up).
 */
public sealed interface Command {

    /**
     * The command's name on the wire: {@code walk}, {@code joint}, {@code hand}, {@code stop},
     * {@code reset}, {@code mode}, {@code start}, {@code estop}, {@code protective_stop}, {@code dummy},
     * {@code power}, {@code safety_fault}.
     */
    String name();

    /** Whether the command may make the robot move. */
    default boolean moves() {
        return true;
    }

    /** The payload of the COMMAND frame. */
    ObjectNode toBody();

    /**
     * Read a command from a COMMAND payload (robot side).
     *
     * @throws IllegalArgumentException naming the missing or invalid field; a robot answers it
     *     with a NACK carrying the message
     */
    static Command fromBody(JsonNode body) {
        String cmd = Fields.text(body, "cmd");
        return switch (cmd) {
            case "walk" -> new Walk(Fields.number(body, "vx"), Fields.number(body, "vy"), Fields.number(body, "wz"));
            case "joint" -> new MoveJoint(Fields.text(body, "name"), Fields.number(body, "position"), Fields.number(body, "velocity"));
            case "hand" -> new MoveHand(Fields.text(body, "hand"), Fields.number(body, "x"), Fields.number(body, "y"),
                    Fields.number(body, "z"), Fields.number(body, "speed"), Fields.number(body, "grip"));
            case "stop" -> new SoftwareStop(body.path("reason").asText(""));
            case "reset" -> new Reset();
            case "mode" -> new SetMode(Fields.text(body, "mode"));
            case "start" -> new Start();
            case "estop" -> new EmergencyStop(Fields.bool(body, "asserted"));
            case "protective_stop" -> new ProtectiveStop(Fields.bool(body, "asserted"));
            case "dummy" -> body.path("remove").asBoolean(false) ? new RemoveDummy(body.path("side").asText(""))
                    : new PlaceDummy(Fields.text(body, "side"), Fields.text(body, "region"), Fields.number(body, "distance"));
            case "power" -> new DrivePower(Fields.bool(body, "on"));
            case "safety_fault" -> new SafetyFault(Fields.text(body, "kind"), Fields.bool(body, "asserted"));
            default -> throw new IllegalArgumentException(("unknown command \"%s\"; expected walk, joint, hand, stop, reset, mode, "
                    + "start, estop, protective_stop, dummy, power or safety_fault").formatted(cmd));
        };
    }

    /**
     * Walk at a velocity until told otherwise.
     *
     * @param vxMps forward speed, m/s
     * @param vyMps leftward speed, m/s
     * @param yawRateRadPerS turn rate about z, rad/s, counter-clockwise positive
     */
    record Walk(double vxMps, double vyMps, double yawRateRadPerS) implements Command {

        @Override
        public String name() {
            return "walk";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("vx", vxMps).put("vy", vyMps).put("wz", yawRateRadPerS);
        }
    }

    /**
     * Move one joint to a position.
     *
     * @param joint the joint's name, as in the robot's JointState
     * @param positionRad target position, rad
     * @param velocityRadPerS the largest speed on the way, rad/s
     */
    record MoveJoint(String joint, double positionRad, double velocityRadPerS) implements Command {

        public MoveJoint {
            Objects.requireNonNull(joint, "joint must not be null");
        }

        @Override
        public String name() {
            return "joint";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("name", joint).put("position", positionRad).put("velocity", velocityRadPerS);
        }
    }

    /**
     * Move a hand to a point and set its grip.
     *
     * @param hand {@code left} or {@code right}
     * @param xM target x in the base frame, m
     * @param yM target y, m
     * @param zM target z, m
     * @param speedMps the largest speed of the hand on the way, m/s
     * @param grip 0 open to 1 closed
     */
    record MoveHand(String hand, double xM, double yM, double zM, double speedMps, double grip) implements Command {

        public MoveHand {
            Objects.requireNonNull(hand, "hand must not be null");
        }

        @Override
        public String name() {
            return "hand";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("hand", hand).put("x", xM).put("y", yM).put("z", zM).put("speed", speedMps)
                    .put("grip", grip);
        }
    }

    /**
     * Stop all motion now (a software stop, not the robot's emergency stop circuit).
     *
     * @param reason why, for the robot's log; may be empty
     */
    record SoftwareStop(String reason) implements Command {

        public SoftwareStop {
            Objects.requireNonNull(reason, "reason must not be null");
        }

        @Override
        public String name() {
            return "stop";
        }

        @Override
        public boolean moves() {
            return false;
        }

        @Override
        public ObjectNode toBody() {
            ObjectNode b = Fields.body(name());
            return reason.isEmpty() ? b : b.put("reason", reason);
        }
    }

    /** Clear a stop or fault so that the robot accepts motion again; must not itself move the robot. */
    record Reset() implements Command {

        @Override
        public String name() {
            return "reset";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name());
        }
    }

    /**
     * Switch the robot's operating mode.
     *
     * @param mode the mode as the robot names it, e.g. {@code standing}, {@code walking}, {@code manual_reduced}
     */
    record SetMode(String mode) implements Command {

        public SetMode {
            Objects.requireNonNull(mode, "mode must not be null");
        }

        @Override
        public String name() {
            return "mode";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("mode", mode);
        }
    }

    /** Restart motion after a stop once it was reset: re-enables drive power. A motion command. */
    record Start() implements Command {

        @Override
        public String name() {
            return "start";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name());
        }
    }

    /**
     * Assert or release the robot's emergency-stop input, as a test rig's relay in the e-stop
     * circuit does. Not a motion command: it always passes the interlock.
     *
     * @param asserted true to press (the robot latches it until {@code reset}), false to release
     */
    record EmergencyStop(boolean asserted) implements Command {

        @Override
        public String name() {
            return "estop";
        }

        @Override
        public boolean moves() {
            return false;
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("asserted", asserted);
        }
    }

    /**
     * Assert or release the robot's protective-stop input (held while asserted). Not a motion command.
     *
     * @param asserted true to assert, false to release
     */
    record ProtectiveStop(boolean asserted) implements Command {

        @Override
        public String name() {
            return "protective_stop";
        }

        @Override
        public boolean moves() {
            return false;
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("asserted", asserted);
        }
    }

    /**
     * Cut ({@code on} false) or restore the robot's main drive bus, as the lab's supply rig does.
     * Both pass the motion interlock as motion commands: a robot whose drive bus is cut may fall,
     * and a faulty one may move when power comes back.
     *
     * @param on false to cut the drive bus, true to restore it
     */
    record DrivePower(boolean on) implements Command {

        @Override
        public String name() {
            return "power";
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("on", on);
        }
    }

    /**
     * Inject a fault into the robot's safety control system, or remove it, as a fault-injection rig
     * does. Injecting passes the motion interlock as a motion command (the robot's reaction, a
     * category 0 stop while walking, may make it fall); removing it does not: the robot stays
     * stopped until a {@code reset} and a {@code start}.
     *
     * @param kind the fault, as the robot names it, e.g. {@code encoder_dropout}, {@code dual_channel_mismatch}
     * @param asserted true to inject, false to remove
     */
    record SafetyFault(String kind, boolean asserted) implements Command {

        public SafetyFault {
            Objects.requireNonNull(kind, "kind must not be null");
        }

        @Override
        public String name() {
            return "safety_fault";
        }

        @Override
        public boolean moves() {
            return asserted;
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("kind", kind).put("asserted", asserted);
        }
    }

    /**
     * Place the force-measuring test dummy in front of a hand (test equipment, not robot motion).
     *
     * @param side {@code left} or {@code right}
     * @param region the body region the dummy models, as in ISO/TS 15066 Annex A, e.g.
     *     {@code lower_arms_wrists}, {@code chest}, {@code hands_fingers}
     * @param distanceM the dummy's surface ahead of that shoulder, m
     */
    record PlaceDummy(String side, String region, double distanceM) implements Command {

        public PlaceDummy {
            Objects.requireNonNull(side, "side must not be null");
            Objects.requireNonNull(region, "region must not be null");
        }

        @Override
        public String name() {
            return "dummy";
        }

        @Override
        public boolean moves() {
            return false;
        }

        @Override
        public ObjectNode toBody() {
            return Fields.body(name()).put("side", side).put("region", region).put("distance", distanceM);
        }
    }

    /**
     * Take the test dummy away (test equipment, not robot motion).
     *
     * @param side {@code left} or {@code right}, or empty for both hands
     */
    record RemoveDummy(String side) implements Command {

        public RemoveDummy {
            Objects.requireNonNull(side, "side must not be null");
        }

        @Override
        public String name() {
            return "dummy";
        }

        @Override
        public boolean moves() {
            return false;
        }

        @Override
        public ObjectNode toBody() {
            ObjectNode b = Fields.body(name()).put("remove", true);
            return side.isEmpty() ? b : b.put("side", side);
        }
    }

    /** Reading and writing payload fields. */
    final class Fields {

        private Fields() {}

        static ObjectNode body(String cmd) {
            return JsonNodeFactory.instance.objectNode().put("cmd", cmd);
        }

        static String text(JsonNode body, String field) {
            JsonNode n = body.path(field);
            if (!n.isTextual()) {
                throw new IllegalArgumentException("field \"%s\" must be a text string, found %s".formatted(field, describe(n)));
            }
            return n.asText();
        }

        static double number(JsonNode body, String field) {
            JsonNode n = body.path(field);
            if (!n.isNumber()) {
                throw new IllegalArgumentException("field \"%s\" must be a number, found %s".formatted(field, describe(n)));
            }
            return n.asDouble();
        }

        static boolean bool(JsonNode body, String field) {
            JsonNode n = body.path(field);
            if (!n.isBoolean()) {
                throw new IllegalArgumentException("field \"%s\" must be true or false, found %s".formatted(field, describe(n)));
            }
            return n.asBoolean();
        }

        private static String describe(JsonNode n) {
            return n.isMissingNode() ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
