package org.hcert.conformance.metric;

import java.util.OptionalLong;
import org.hcert.telemetry.TimeWindow;

/**
 * What one stop looked like in the telemetry: from the stop input to the end of the observation
 * window, when joints and base came to standstill and whether drive power was removed.
 *
 * @param trigger what asserted the stop (event or safety-state edge)
 * @param window from the instant the stop asserted to the end of observation (reset, window length
 *     or end of recording, whichever comes first)
 * @param standstillNs the instant joints and base were both at standstill for good, if they were
 * @param jointSamples joint-state samples in the window
 * @param jointsUnknown joint samples without usable velocities (NaN or absent)
 * @param baseSamples odometry samples in the window
 * @param safetySamples safety-state samples in the window
 * @param maxGapNs the longest interval without a joint or odometry sample, window start included
 * @param driveOffNs the instant drive power went off for good, if it did within the window
 */
public record StopObservation(
        String trigger,
        TimeWindow window,
        OptionalLong standstillNs,
        long jointSamples,
        long jointsUnknown,
        long baseSamples,
        long safetySamples,
        long maxGapNs,
        OptionalLong driveOffNs) {

    /** Time from the stop input to standstill, ns, if standstill was reached. */
    public OptionalLong stopTimeNs() {
        return standstillNs.isPresent()
                ? OptionalLong.of(standstillNs.getAsLong() - window.startNs())
                : OptionalLong.empty();
    }

    /** Time standstill was held until the end of the window, ns (0 when never reached). */
    public long heldNs() {
        return standstillNs.isPresent() ? window.endNs() - standstillNs.getAsLong() : 0;
    }
}
