package org.hcert.telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Positions (rad), velocities (rad/s) and efforts (N·m) of named joints at one instant.
 *
 * <p>Velocities and efforts may be absent (length zero) as in {@code sensor_msgs/msg/JointState};
 * when present they have one entry per name. The arrays are copied in and never exposed.
 */
public final class JointStateSample implements Sample {

    private final long tNs;
    private final String topic;
    private final List<String> names;
    private final double[] positionRad;
    private final double[] velocityRadS;
    private final double[] effortNm;

    public JointStateSample(
            long tNs, String topic, List<String> names, double[] positionRad, double[] velocityRadS, double[] effortNm) {
        this(tNs, topic, names, positionRad.clone(), velocityRadS.clone(), effortNm.clone(), true);
    }

    @SuppressWarnings("UnusedVariable") // 'owned' only tells this constructor apart from the public one, which copies
    private JointStateSample(long tNs, String topic, List<String> names, double[] positionRad, double[] velocityRadS,
            double[] effortNm, boolean owned) {
        this.tNs = tNs;
        this.topic = Objects.requireNonNull(topic, "topic must not be null");
        this.names = List.copyOf(names);
        this.positionRad = positionRad;
        this.velocityRadS = velocityRadS;
        this.effortNm = effortNm;
        requireLength("position", this.positionRad, true);
        requireLength("velocity", this.velocityRadS, false);
        requireLength("effort", this.effortNm, false);
    }

    /**
     * A joint state that takes the arrays as they are, without the copy the constructor makes: for a
     * decoder that made them for this sample alone and never touches them again (at 1 kHz with 40
     * joints, the copies were a tenth of a pass's allocation). Zero-length arrays may be shared.
     */
    public static JointStateSample ofOwnArrays(
            long tNs, String topic, List<String> names, double[] positionRad, double[] velocityRadS, double[] effortNm) {
        return new JointStateSample(tNs, topic, names, positionRad, velocityRadS, effortNm, true);
    }

    private void requireLength(String field, double[] values, boolean required) {
        if ((required || values.length > 0) && values.length != names.size()) {
            throw new IllegalArgumentException(
                    "%s has %d entries for %d joint names".formatted(field, values.length, names.size()));
        }
    }

    @Override
    public long tNs() {
        return tNs;
    }

    @Override
    public String topic() {
        return topic;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public double positionRad(int i) {
        return positionRad[i];
    }

    public boolean hasVelocity() {
        return velocityRadS.length > 0;
    }

    public double velocityRadS(int i) {
        return velocityRadS[i];
    }

    public boolean hasEffort() {
        return effortNm.length > 0;
    }

    public double effortNm(int i) {
        return effortNm[i];
    }

    /** Return the largest absolute joint velocity, rad/s, or NaN when velocities are absent. */
    public double maxAbsVelocityRadS() {
        if (!hasVelocity()) {
            return Double.NaN;
        }
        double max = 0;
        for (double v : velocityRadS) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JointStateSample s
                && s.tNs == tNs
                && s.topic.equals(topic)
                && s.names.equals(names)
                && Arrays.equals(s.positionRad, positionRad)
                && Arrays.equals(s.velocityRadS, velocityRadS)
                && Arrays.equals(s.effortNm, effortNm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tNs, topic, names, Arrays.hashCode(positionRad));
    }

    @Override
    public String toString() {
        return "JointStateSample[tNs=%d, topic=%s, names=%s, positionRad=%s]"
                .formatted(tNs, topic, names, Arrays.toString(positionRad));
    }
}
