package org.hcert.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The faults the simulator can inject, each named as on the command line and the wire. */
public enum Fault {
    SLOW_ESTOP("slow-estop", "stops decelerate ten times too gently: the true stop time exceeds the declared one",
            Double.NaN, ""),
    DRIVE_POWER_NOT_REMOVED("drive-power-not-removed",
            "an e-stop of category 1 runs as category 2: drive power stays on after standstill", Double.NaN, ""),
    RESTART_AFTER_RESET("restart-after-reset",
            "resetting the e-stop resumes the last walk command without a start command", Double.NaN, ""),
    OVERSPEED_REDUCED("overspeed-reduced",
            "manual_reduced does not cap speeds: hands and base move at automatic-mode speed", Double.NaN, ""),
    EXCESSIVE_CONTACT_FORCE("excessive-contact-force",
            "power and force limiting is off: the hand keeps pushing into the dummy", Double.NaN, ""),
    FALL_ON_STOP("fall-on-stop",
            "a stop while walking cuts drive power at once and the ankles go limp: HC-1 topples about its ankle",
            Double.NaN, ""),
    JOINT_LIMIT_OVERRUN("joint-limit-overrun",
            "soft-limit clamping is off and commanded moves overshoot by 10 % of their travel: beyond the limits",
            Double.NaN, ""),
    DROPPED_FRAMES("dropped-frames", "telemetry messages are dropped at random with the given probability", 0.1,
            "probability"),
    CORRUPTED_FRAMES("corrupted-frames",
            "telemetry messages are flagged, with the given probability, for the transport to corrupt", 0.05,
            "probability"),
    STALLED_LINK("stalled-link", "no telemetry is emitted for the given time, then the link recovers", 2.0, "s"),
    CLOCK_JUMP("clock-jump", "the robot clock jumps by the given offset once, when the fault is activated", 2.0,
            "s"),
    UNSIGNED_MODEL("unsigned-model",
            "a modified gait policy is loaded without a verified signature: model_loaded says signature=unverified, its hash is not the approved one",
            Double.NaN, ""),
    NO_PROVENANCE("no-provenance",
            "the provenance record leaves out model_sha256, dataset_id and calibration_ids, and model_loaded its signature",
            Double.NaN, ""),
    WRONG_ROBOT_ID("wrong-robot-id", "the provenance record names another robot: robot_id is the serial with -B appended",
            Double.NaN, ""),
    OVERHEATING_ACTUATOR("overheating-actuator",
            "the left hip pitch actuator heats by the given rate, up to 120 degC: it passes its 80 degC rating",
            25.0, "K/s"),
    JOINT_OVERSPEED("joint-overspeed",
            "the drives no longer cap commanded joint moves at the joint's velocity limit: a faster command runs faster",
            Double.NaN, ""),
    BATTERY_OVERHEAT("battery-overheat", "the battery pack heats by the given rate, up to 90 degC: it passes its 60 degC rating", 15.0,
            "K/s"),
    WALK_SPEED_CAP_OFF("walk-speed-cap-off",
            "walk commands are neither refused nor capped above the maximum walking speed: HC-1 walks as fast as told",
            Double.NaN, ""),
    HOT_SURFACE("hot-surface", "every touchable surface reads the given number of kelvin above its model temperature",
            40.0, "K"),
    STREAM_BELOW_RATE("stream-below-rate", "/joint_states is published at the given share of its rate", 0.1, "ratio"),
    STREAM_CLOCK_OFFSET("stream-clock-offset",
            "/joint_states is stamped by a clock ahead of the robot clock by the given offset; its log time is not",
            0.005, "s"),
    SLOW_WALK("slow-walk", "HC-1 walks at 80 % of the commanded speed: slower than its declared rated speed", Double.NaN,
            ""),
    FAULT_ON_NORMAL_STOP("fault-on-normal-stop", "every normal stop also raises a fault event (a drive fault)",
            Double.NaN, ""),
    SAFETY_FAULT_IGNORED("safety-fault-ignored",
            "an injected safety fault is logged as a fault event but not acted on: no stop, drive power stays on",
            Double.NaN, ""),
    ESTOP_NOT_LATCHED("estop-not-latched",
            "releasing the e-stop actuator ends the e-stop without a reset: the stop state does not latch", Double.NaN,
            ""),
    RESTART_AFTER_POWER("restart-after-power",
            "when the drive bus comes back, drive power returns and the last walk command resumes without a start command",
            Double.NaN, ""),
    NO_BRAKES_ON_POWER_LOSS("no-brakes-on-power-loss",
            "when the drive bus is cut the holding brakes do not engage: the joints give way and HC-1 topples forward",
            Double.NaN, ""),
    NO_SELF_TEST("no-self-test", "when the drive bus comes back no self-test runs, yet start enables the drives",
            Double.NaN, ""),
    SELF_TEST_FAILS_BUT_MOVES("self-test-fails-but-moves",
            "a self-test that fails (a safety fault present at power-on) does not block start and motion", Double.NaN,
            "");

    private final String id;
    private final String description;
    private final double defaultParameter;
    private final String parameterUnit;

    Fault(String id, String description, double defaultParameter, String parameterUnit) {
        this.id = id;
        this.description = description;
        this.defaultParameter = defaultParameter;
        this.parameterUnit = parameterUnit;
    }

    /** The fault's name, e.g. {@code slow-estop}. */
    public String id() {
        return id;
    }

    /** One line saying what the fault changes. */
    public String description() {
        return description;
    }

    /** The default parameter (rate or duration), NaN for faults without one. */
    public double defaultParameter() {
        return defaultParameter;
    }

    /** The parameter's unit ({@code probability} or {@code s}), empty for faults without one. */
    public String parameterUnit() {
        return parameterUnit;
    }

    /** Look up a fault by name. */
    public static Optional<Fault> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(key)).findFirst();
    }

    /** The valid names, comma-separated, for error messages. */
    static String validIds() {
        return Arrays.stream(values()).map(Fault::id).collect(Collectors.joining(", "));
    }
}
