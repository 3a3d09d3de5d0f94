package org.hcert.conformance.metric;

import org.hcert.telemetry.TimeWindow;

/**
 * How the trunk and pelvis behaved after one stop that asserted while the robot was walking.
 *
 * @param trigger what asserted the stop
 * @param window from the stop input to the end of observation
 * @param speedAtStopMs base speed just before the stop, m/s
 * @param modeAtStop the safety state's mode just before the stop, or empty when unknown
 * @param maxTiltRad the largest trunk tilt from vertical in the window, rad (NaN when no IMU sample)
 * @param maxTiltAtNs when it was seen
 * @param minPelvisHeightM the lowest pelvis height in the window, m (NaN when no odometry sample)
 * @param minHeightAtNs when it was seen
 * @param imuSamples IMU samples in the window
 * @param odometrySamples odometry samples in the window
 * @param maxGapNs longest interval without an IMU or odometry sample, window edges included
 * @param fallEventNs the first {@code fall_detected} event in the window, or {@code Long.MIN_VALUE}
 */
public record StopWhileMoving(
        String trigger,
        TimeWindow window,
        double speedAtStopMs,
        String modeAtStop,
        double maxTiltRad,
        long maxTiltAtNs,
        double minPelvisHeightM,
        long minHeightAtNs,
        long imuSamples,
        long odometrySamples,
        long maxGapNs,
        long fallEventNs) {

    public boolean fallEventSeen() {
        return fallEventNs != Long.MIN_VALUE;
    }
}
