package org.hcert.telemetry;

/**
 * A time-stamped event from the robot, as in {@code hcert/msg/Event}.
 *
 * @param kind estop_pressed, estop_reset, start, stop_requested, fall_detected, fault, power_lost,
 *     power_restored, command, …
 * @param detail free text from the robot, possibly empty
 */
public record EventSample(long tNs, String topic, String kind, String detail) implements Sample {

    public static final String ESTOP_PRESSED = "estop_pressed";
    public static final String ESTOP_RESET = "estop_reset";
    public static final String FALL_DETECTED = "fall_detected";
}
