package org.hcert.conformance.run;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.family.JointLayouts;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.mapping.Role;

/**
 * Find topics that carry two interleaved streams that disagree, which no identity in the recording
 * gives away (the same frame, no channel): a joint's position or the base's position jumping away
 * and back faster than the robot can move, a temperature sensor's reading (by frame_id) jumping away
 * and back faster than {@value #TEMPERATURE_RATE_K_S} K/s, again and again, or the safety state's inputs flipping
 * back and forth. Each such topic makes the clauses that read it INCONCLUSIVE: hcert does not guess
 * which stream is the robot's.
 *
 * <p>A jump is a change larger than the fastest the robot can move in the time between the two
 * samples (the joint's declared {@code maxVelocity}, else {@value #DEFAULT_JOINT_SPEED_RADS} rad/s;
 * for the base {@value #BASE_SPEED_MS} m/s) plus a margin; a reversal is a jump followed by one in
 * the other direction; {@value #REVERSALS} reversals mark a topic.
 */
final class PublisherCheck implements OnePass.Observer {

    static final double DEFAULT_JOINT_SPEED_RADS = 20;
    static final double JOINT_MARGIN_RAD = 0.05;
    static final double BASE_SPEED_MS = 10;
    static final double BASE_MARGIN_M = 0.05;
    static final int REVERSALS = 3;
    /** Safety-state flips this close after the last one count as a reversal, ns: {@value}. */
    static final long FLIP_NS = 100_000_000L;

    /** Fastest a temperature sensor's reading may change, K/s ({@value}), plus a margin, K ({@value #TEMPERATURE_MARGIN_K}). */
    static final double TEMPERATURE_RATE_K_S = 10;
    static final double TEMPERATURE_MARGIN_K = 2;
    private static final String MOVE = "the robot can move";

    private final Map<String, Double> maxSpeed = new HashMap<>();
    private final Map<String, Track> tracks = new HashMap<>();
    /** A joint keeps one track on a topic, however its messages split the joints; it knows the joint's fastest speed. */
    private final JointLayouts<Track> jointTracks = new JointLayouts<>(
            (topic, name) -> tracks.computeIfAbsent(topic + " joint " + name, k -> new Track(maxSpeed.getOrDefault(name,
                    DEFAULT_JOINT_SPEED_RADS))));
    /** The base's x and y tracks and the safety state's track, by topic (no key built per message). */
    private final Map<String, Track[]> baseTracks = new HashMap<>();
    private final Map<String, Track> safetyTracks = new HashMap<>();
    private final Map<String, String> disagreeing = new LinkedHashMap<>();

    PublisherCheck(RobotProfile robot) {
        for (DeclaredJoint j : robot.joints()) {
            maxSpeed.put(j.name(), Double.isFinite(j.maxVelocityRadS()) ? j.maxVelocityRadS() : DEFAULT_JOINT_SPEED_RADS);
        }
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.JOINTS, Role.ODOMETRY, Role.SAFETY_STATE, Role.TEMPERATURES);
    }

    @Override
    public void accept(Sample s) {
        if (s instanceof JointStateSample j) {
            List<Track> byIndex = jointTracks.of(j);
            for (int i = 0; i < byIndex.size(); i++) {
                String name = j.names().get(i);
                Track t = byIndex.get(i);
                track(t, j.topic(), "joint ", name, j.tNs(), j.positionRad(i), t.speed, JOINT_MARGIN_RAD, MOVE);
            }
        } else if (s instanceof TemperatureSample t) {
            track(tracks.computeIfAbsent(t.topic() + " temperature " + t.frameId(), k -> new Track()), t.topic(),
                    "the temperature of ", t.frameId(), t.tNs(), t.temperatureDegC(), TEMPERATURE_RATE_K_S, TEMPERATURE_MARGIN_K,
                    "a sensor's temperature can change");
        } else if (s instanceof OdometrySample o) {
            Track[] base = baseTracks.computeIfAbsent(o.topic(), topic -> new Track[] {new Track(), new Track()});
            track(base[0], o.topic(), "base ", "x", o.tNs(), o.positionM().x(), BASE_SPEED_MS, BASE_MARGIN_M, MOVE);
            track(base[1], o.topic(), "base ", "y", o.tNs(), o.positionM().y(), BASE_SPEED_MS, BASE_MARGIN_M, MOVE);
        } else if (s instanceof SafetyStateSample st) {
            double flags = (st.estop() ? 1 : 0) + (st.protectiveStop() ? 2 : 0) + (st.driveEnabled() ? 4 : 0);
            Track t = safetyTracks.computeIfAbsent(st.topic(), topic -> new Track());
            if (t.lastNs != Long.MIN_VALUE && flags != t.last) {
                if (t.previousChangeNs != Long.MIN_VALUE && st.tNs() - t.previousChangeNs < FLIP_NS && flags == t.beforeLast) {
                    t.reversals++;
                }
                t.previousChangeNs = st.tNs();
                t.beforeLast = t.last;
            }
            t.last = flags;
            t.lastNs = st.tNs();
            if (t.reversals >= REVERSALS) {
                int reversals = t.reversals;
                disagreeing.computeIfAbsent(st.topic(), k -> "its safety states flip back and forth within %d ms, %d times"
                        .formatted(FLIP_NS / 1_000_000, reversals));
            }
        }
    }

    /** Follow one value ({@code what} + {@code name}: joint left_knee, base x) of a topic for jumps. */
    private void track(Track t, String topic, String what, String name, long tNs, double value, double speed, double margin,
            String faster) {
        if (!Double.isFinite(value)) {
            return;
        }
        if (t.lastNs != Long.MIN_VALUE) {
            double step = value - t.last;
            double possible = speed * Math.max(0, tNs - t.lastNs) / 1e9 + margin;
            int direction = Math.abs(step) > possible ? (int) Math.signum(step) : 0;
            if (direction != 0 && direction == -t.lastJump) {
                t.reversals++;
                if (t.reversals >= REVERSALS) {
                    int reversals = t.reversals;
                    disagreeing.computeIfAbsent(topic, k -> "%s jumps away and back faster than %s, %d times"
                            .formatted(what + name, faster, reversals));
                }
            }
            if (direction != 0) {
                t.lastJump = direction;
            }
        }
        t.last = value;
        t.lastNs = tNs;
    }

    /** The topics that carry disagreeing streams, each with what gave it away. */
    @Override
    public Map<String, String> topicProblems() {
        return disagreeing;
    }

    private static final class Track {
        /** The fastest the value can change, per second (a joint's: its declared speed). */
        final double speed;
        double last;
        double beforeLast = Double.NaN;
        long lastNs = Long.MIN_VALUE;
        long previousChangeNs = Long.MIN_VALUE;
        int lastJump;
        int reversals;

        Track() {
            this(Double.NaN);
        }

        Track(double speed) {
            this.speed = speed;
        }
    }
}
