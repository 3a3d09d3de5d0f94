package org.hcert.telemetry;

/**
 * The robot's safety state, as in {@code hcert/msg/SafetyState}.
 *
 * @param mode operating mode as the robot names it (auto, manual_reduced, walking, …)
 * @param estop whether the emergency-stop input is asserted
 * @param protectiveStop whether the protective-stop input is asserted
 * @param driveEnabled whether drive power is on (false once STO has removed it)
 */
public record SafetyStateSample(
        long tNs, String topic, String mode, boolean estop, boolean protectiveStop, boolean driveEnabled)
        implements Sample {}
