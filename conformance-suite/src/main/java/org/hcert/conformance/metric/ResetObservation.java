package org.hcert.conformance.metric;

import org.hcert.telemetry.TimeWindow;

/**
 * What the robot did between one e-stop reset and the next start command (SE-ESTOP-02).
 *
 * @param trigger what marked the reset ({@code estop_reset event} or the safety state's e-stop
 *     input falling)
 * @param window from the reset to a start command, a new stop, the end of observation or the end of
 *     the samples, whichever came first
 * @param endedBy what ended the window, e.g. {@code start event}
 * @param maxJointSpeedRadS the largest |joint velocity| in the window (0 without samples, NaN when a
 *     sample had no usable velocity)
 * @param maxJointName the joint that moved fastest, empty without samples
 * @param maxJointAtNs when it did
 * @param maxBaseSpeedMs the largest base speed in the window (0 without samples)
 * @param maxBaseAtNs when it was reached
 * @param jointSamples joint-state samples in the window
 * @param jointsUnknown joint samples without usable velocities
 * @param baseSamples odometry samples in the window
 * @param maxGapNs the longest interval without a joint sample or without an odometry sample, window
 *     ends included
 */
public record ResetObservation(
        String trigger,
        TimeWindow window,
        String endedBy,
        double maxJointSpeedRadS,
        String maxJointName,
        long maxJointAtNs,
        double maxBaseSpeedMs,
        long maxBaseAtNs,
        long jointSamples,
        long jointsUnknown,
        long baseSamples,
        long maxGapNs) {}
