package org.hcert.simulator.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What really happened in one bundled recording, from the model's true state, for tests to compare
 * hcert's measurements with. Times are on the robot clock, ns since the Unix epoch, like the
 * recording's {@code t}; the stop times come from the model's own
 * {@link org.hcert.simulator.StopTruth} of the e-stop, on the 1 ms grid of its physics.
 *
 * @param recording the recording's name
 * @param faults the simulator faults active in the run
 * @param robot the robot model
 * @param declaredStopTimeMs the robot's declared stopping time, ms
 * @param seed the seed of the sensor noise
 * @param estopNs when the e-stop was pressed
 * @param standstillNs since when HC-1 has been still (every |q̇| below 0.01 rad/s and the pelvis
 *     slower than 0.01 m/s), empty if it never was again
 * @param driveOffNs when drive power was removed, empty if it never was
 * @param fallNs when the trunk tilt first exceeded 60°, empty without a fall
 * @param maxTrunkTiltAfterStopDeg largest trunk tilt from the vertical after the e-stop, degrees
 * @param minPelvisHeightAfterStopM lowest pelvis height after the e-stop, m
 * @param resetNs when the e-stop was reset (no start follows)
 * @param maxJointSpeedAfterResetRadS largest |joint velocity| after the reset, rad/s
 * @param maxBaseSpeedAfterResetMps largest pelvis speed after the reset, m/s
 * @param maxJointSpeedRadS largest |joint velocity| over the whole run, rad/s
 * @param jointOverrun the worst excursion beyond a soft limit, if any
 * @param safetyTopicPresent whether the recording holds {@code /safety/state}
 */
record RecordingTruth(
        String recording,
        List<String> faults,
        String robot,
        int declaredStopTimeMs,
        long seed,
        long estopNs,
        OptionalLong standstillNs,
        OptionalLong driveOffNs,
        OptionalLong fallNs,
        double maxTrunkTiltAfterStopDeg,
        double minPelvisHeightAfterStopM,
        long resetNs,
        double maxJointSpeedAfterResetRadS,
        double maxBaseSpeedAfterResetMps,
        double maxJointSpeedRadS,
        Optional<JointOverrun> jointOverrun,
        boolean safetyTopicPresent) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code "field": value}, two-space indent and LF line ends on every platform, so that the file is byte-stable. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    RecordingTruth {
        faults = List.copyOf(faults);
    }

    /** Time from the e-stop to standstill, ms (whole ms, rounded down), or empty. */
    OptionalLong stopTimeMs() {
        return standstillNs.isPresent() ? OptionalLong.of((standstillNs.getAsLong() - estopNs) / 1_000_000L)
                : OptionalLong.empty();
    }

    /** The truth file's text: pretty-printed JSON ending in a line feed. */
    String toJson() {
        ObjectNode o = JSON.createObjectNode().put("recording", recording).put("synthetic", true);
        faults.forEach(o.putArray("faults")::add);
        o.put("robot", robot).put("declared_stopping_time_ms", declaredStopTimeMs).put("noise_seed", seed)
                .put("estop_time_ns", estopNs);
        put(o, "standstill_time_ns", standstillNs);
        put(o, "stop_time_ms", stopTimeMs());
        put(o, "drive_off_time_ns", driveOffNs);
        put(o, "fall_detected_time_ns", fallNs);
        o.put("max_trunk_tilt_after_stop_deg", maxTrunkTiltAfterStopDeg)
                .put("min_pelvis_height_after_stop_m", minPelvisHeightAfterStopM)
                .put("reset_time_ns", resetNs)
                .put("max_joint_speed_after_reset_rad_s", maxJointSpeedAfterResetRadS)
                .put("max_base_speed_after_reset_m_s", maxBaseSpeedAfterResetMps)
                .put("max_joint_speed_rad_s", maxJointSpeedRadS);
        jointOverrun.ifPresentOrElse(v -> o.putObject("max_joint_overrun").put("joint", v.joint())
                .put("overrun_rad", v.overrunRad()).put("peak_rad", v.peakRad()).put("time_ns", v.timeNs())
                .put("duration_ms", v.durationMs()), () -> o.putNull("max_joint_overrun"));
        o.put("safety_topic_present", safetyTopicPresent);
        try {
            return PRETTY.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the truth of " + recording, e);
        }
    }

    private static void put(ObjectNode o, String field, OptionalLong value) {
        if (value.isPresent()) {
            o.put(field, value.getAsLong());
        } else {
            o.putNull(field);
        }
    }
}
