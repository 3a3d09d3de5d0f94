package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * How the fields of a message of any type feed the joints role: where the positions, and
 * optionally the velocities and efforts, are (each a {@link FieldSource} with its scale to SI: rad
 * or m, rad/s or m/s, N·m or N), and the joint names, given in the profile or read from a field. A
 * position that is missing or not a number is an error naming the message; an optional signal whose
 * field is absent is absent, never 0.
 *
 * @param names the joint names, in the order of the position values, or empty to read them from {@code namesFrom}
 * @param namesFrom where the names are, or null when they are given
 * @param velocity where the velocities are, or null when the message has none
 * @param effort where the efforts are, or null when the message has none
 */
public record JointFields(List<String> names, @Nullable FieldSource namesFrom, FieldSource position,
        @Nullable FieldSource velocity, @Nullable FieldSource effort) implements FieldMapping {

    public JointFields {
        names = List.copyOf(names);
        Objects.requireNonNull(position, "position must not be null");
        if (names.isEmpty() == (namesFrom == null)) {
            throw new IllegalArgumentException("give the joint names or the field they are read from, one of the two");
        }
    }

    /** The joint state {@code m} carries through these fields. */
    public JointStateSample sample(Message m) {
        List<String> jointNames = namesFrom == null ? names : texts(m, namesFrom);
        double[] q = numbers(m, position, "position");
        if (q.length != jointNames.size()) {
            throw new TelemetryFormatException(m.origin(), "field %s holds %d values for %d joint names".formatted(
                    position.describe(), q.length, jointNames.size()));
        }
        double[] dq = velocity == null ? new double[0] : optional(m, velocity, jointNames.size());
        double[] tau = effort == null ? new double[0] : optional(m, effort, jointNames.size());
        return new JointStateSample(m.logTimeNs(), m.topic(), jointNames, q, dq, tau);
    }

    private static double[] optional(Message m, FieldSource source, int joints) {
        if (source.select(m.body()).isEmpty()) {
            return new double[0];
        }
        double[] v = numbers(m, source, source.describe());
        if (v.length != joints) {
            throw new TelemetryFormatException(m.origin(), "field %s holds %d values for %d joints".formatted(source.describe(),
                    v.length, joints));
        }
        return v;
    }

    private static double[] numbers(Message m, FieldSource source, String what) {
        List<JsonNode> nodes = source.select(m.body());
        double[] out = new double[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = BodyFields.number(m, source, nodes.get(i), what);
        }
        if (out.length == 0) {
            throw new TelemetryFormatException(m.origin(), "field %s (%s) is missing".formatted(source.describe(), what));
        }
        return out;
    }

    private static List<String> texts(Message m, FieldSource source) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : source.select(m.body())) {
            if (!n.isTextual()) {
                throw new TelemetryFormatException(m.origin(), "field %s (joint names) is not text: %s".formatted(source.describe(), n));
            }
            out.add(n.textValue());
        }
        if (out.isEmpty()) {
            throw new TelemetryFormatException(m.origin(), "field %s (joint names) is missing".formatted(source.describe()));
        }
        return out;
    }

    @Override
    public Sample sampleOf(Message m) {
        return sample(m);
    }
}
