package org.hcert.simulator.demo;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What really happened in a recording, from the noise-free model, so tests can compare hcert's
 * measurements with it. Times in ns since the Unix epoch unless named otherwise.
 *
 * @param standstillNs first instant from which every |joint velocity| stays below 0.01 rad/s and
 *     the base speed below 0.01 m/s, on a 1 ms grid
 * @param stopTimeMs standstill minus e-stop, ms
 * @param driveOffNs when drive power was removed
 * @param maxTrunkTiltAfterStopDeg largest trunk tilt from the vertical after the e-stop, degrees
 * @param minPelvisHeightAfterStopM lowest pelvis height after the e-stop, m
 * @param fallDetectedNs when the trunk tilt first exceeded 60° (falls only)
 * @param maxJointSpeedRadS largest |joint velocity| over the whole recording, rad/s
 * @param jointOverrun the largest excursion beyond a joint limit, if any
 */
record Truth(
        String recording,
        long estopNs,
        long standstillNs,
        long stopTimeMs,
        long driveOffNs,
        double maxTrunkTiltAfterStopDeg,
        double minPelvisHeightAfterStopM,
        OptionalLong fallDetectedNs,
        double maxJointSpeedRadS,
        Optional<Overrun> jointOverrun,
        boolean safetyTopicPresent) {

    /** The truth file's JSON text, one field per line. */
    String toJson() {
        JsonObject o = new JsonObject()
                .put("recording", recording)
                .put("synthetic", true)
                .put("robot", Hc1.MODEL)
                .put("declared_stopping_time_ms", Hc1.DECLARED_STOPPING_TIME_MS)
                .put("estop_time_ns", estopNs)
                .put("standstill_time_ns", standstillNs)
                .put("stop_time_ms", stopTimeMs)
                .put("drive_off_time_ns", driveOffNs)
                .put("max_trunk_tilt_after_stop_deg", maxTrunkTiltAfterStopDeg, 3)
                .put("min_pelvis_height_after_stop_m", minPelvisHeightAfterStopM, 4);
        if (fallDetectedNs.isPresent()) {
            o.put("fall_detected_time_ns", fallDetectedNs.getAsLong());
        } else {
            o.putNull("fall_detected_time_ns");
        }
        o.put("max_joint_speed_rad_s", maxJointSpeedRadS, 4);
        jointOverrun.ifPresentOrElse(v -> o.put("max_joint_overrun", overrunJson(v)),
                () -> o.putNull("max_joint_overrun"));
        return pretty(o.put("safety_topic_present", safetyTopicPresent).toString());
    }

    private static JsonObject overrunJson(Overrun v) {
        return new JsonObject().put("joint", v.joint()).put("overrun_rad", v.overrunRad(), 4)
                .put("peak_rad", v.peakRad(), 4).put("time_ns", v.timeNs()).put("duration_ms", v.durationMs());
    }

    /** Put each top-level field on its own line; the values contain no top-level commas in strings. */
    private static String pretty(String compact) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 1 && c == ',') {
                sb.append(",\n  ");
            } else if (depth == 1 && c == '{') {
                sb.append("{\n  ");
            } else {
                sb.append(c);
            }
        }
        return sb.insert(sb.length() - 1, '\n').append('\n').toString();
    }
}
