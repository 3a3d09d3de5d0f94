package org.hcert.simulator;

/**
 * Publishing rates, Hz. Each period must be a whole multiple of the physics period.
 *
 * @param jointsHz {@code /joint_states}
 * @param imuHz {@code /imu/torso}
 * @param odometryHz {@code /odom}
 * @param wrenchHz {@code /wrist/left/ft} and {@code /wrist/right/ft}
 * @param safetyHz {@code /safety/state}
 * @param batteryHz {@code /battery}
 * @param temperatureHz {@code /temperatures} (one message per actuator)
 */
public record TelemetryRates(int jointsHz, int imuHz, int odometryHz, int wrenchHz, int safetyHz, int batteryHz,
        int temperatureHz) {

    /**
     * 1 kHz joints, IMU and odometry, 500 Hz wrenches, 100 Hz safety, 1 Hz battery, 10 Hz
     * temperatures. Odometry at 1 kHz lets a stop time be measured to the millisecond: the base's
     * standstill is seen only as finely as /odom is sampled.
     */
    public static TelemetryRates defaults() {
        return new TelemetryRates(1000, 1000, 1000, 500, 100, 1, 10);
    }

    /** The same with joints, IMU and odometry at 500 Hz. */
    public static TelemetryRates halfRate() {
        return new TelemetryRates(500, 500, 500, 500, 100, 1, 10);
    }

    /**
     * 200 Hz joints, IMU and odometry, 50 Hz wrenches and safety state, 1 Hz battery and
     * temperatures: the rates of the bundled recordings. A stop time is still resolved to 5 ms
     * (joints and odometry), at about a fifth of the data of {@link #defaults()}.
     */
    public static TelemetryRates compact() {
        return new TelemetryRates(200, 200, 200, 50, 50, 1, 1);
    }

    /** Check that every rate divides the physics rate. */
    void check(long physicsPeriodNs) {
        int[] rates = {jointsHz, imuHz, odometryHz, wrenchHz, safetyHz, batteryHz, temperatureHz};
        for (int hz : rates) {
            if (hz <= 0 || (1_000_000_000L / hz) % physicsPeriodNs != 0 || 1_000_000_000L % hz != 0) {
                throw new IllegalArgumentException("telemetry rate %d Hz does not fit the physics period of %d ns; "
                        .formatted(hz, physicsPeriodNs) + "use a rate whose period is a multiple of it");
            }
        }
    }
}
