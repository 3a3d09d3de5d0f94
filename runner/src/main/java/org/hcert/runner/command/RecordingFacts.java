package org.hcert.runner.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * What a draft robot profile needs from a recording, gathered in one pass: the joints of the
 * first JointState message on the joints topic with their observed position range, the base
 * height and speed on the odometry topic, and whether a protective stop was ever asserted.
 */
final class RecordingFacts {

    /** The observed range of one joint's position, rad; NaN bounds when no finite position was seen. */
    static final class Range {
        private double min = Double.NaN;
        private double max = Double.NaN;

        void add(double v) {
            if (Double.isFinite(v)) {
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }

        double min() {
            return min;
        }

        double max() {
            return max;
        }
    }

    private final Map<String, Range> joints = new LinkedHashMap<>();
    private double firstBaseHeightM = Double.NaN;
    private double maxBaseSpeedMs;
    private boolean protectiveStopSeen;
    /** The mapped topics whose messages could not be decoded, with the reason. */
    private final Map<String, String> undecodable = new java.util.LinkedHashMap<>();

    Map<String, String> undecodable() {
        return undecodable;
    }

    private RecordingFacts() {}

    static RecordingFacts of(TelemetrySource source, Optional<String> jointsTopic, Optional<String> odometryTopic,
            Optional<String> safetyTopic) {
        RecordingFacts facts = new RecordingFacts();
        java.util.Set<String> wantedTopics = new java.util.HashSet<>();
        jointsTopic.ifPresent(wantedTopics::add);
        odometryTopic.ifPresent(wantedTopics::add);
        safetyTopic.ifPresent(wantedTopics::add);
        try (MessageCursor cursor = source.open(wantedTopics)) {
            while (cursor.hasNext()) {
                Message m;
                try {
                    m = cursor.next();
                } catch (org.hcert.telemetry.UndecodableMessageException e) {
                    // another topic's body hcert cannot decode (inspect lists them); a wanted one is named
                    if (wantedTopics.contains(e.topic())) {
                        facts.undecodable.putIfAbsent(e.topic(), e.getMessage());
                    }
                    continue;
                }
                boolean wanted = jointsTopic.filter(m.topic()::equals).isPresent()
                        || odometryTopic.filter(m.topic()::equals).isPresent()
                        || safetyTopic.filter(m.topic()::equals).isPresent();
                if (wanted) {
                    RosJsonDecoder.decode(m).ifPresent(facts::add);
                }
            }
        }
        return facts;
    }

    private void add(Sample sample) {
        if (sample instanceof JointStateSample j) {
            boolean first = joints.isEmpty();
            for (int i = 0; i < j.size(); i++) {
                String name = j.names().get(i);
                Range range = first ? joints.computeIfAbsent(name, k -> new Range()) : joints.get(name);
                if (range != null) {
                    range.add(j.positionRad(i));
                }
            }
        } else if (sample instanceof OdometrySample o) {
            if (Double.isNaN(firstBaseHeightM) && Double.isFinite(o.positionM().z())) {
                firstBaseHeightM = o.positionM().z();
            }
            double speed = Math.hypot(o.linearVelocityMs().x(), o.linearVelocityMs().y());
            if (Double.isFinite(speed)) {
                maxBaseSpeedMs = Math.max(maxBaseSpeedMs, speed);
            }
        } else if (sample instanceof SafetyStateSample s) {
            protectiveStopSeen |= s.protectiveStop();
        }
    }

    /** The joints of the first JointState message, in its order, with their observed ranges. */
    Map<String, Range> joints() {
        return joints;
    }

    /** The base height (odometry z) of the first odometry message with one, m; NaN when none. */
    double firstBaseHeightM() {
        return firstBaseHeightM;
    }

    /** The largest horizontal base speed seen, m/s. */
    double maxBaseSpeedMs() {
        return maxBaseSpeedMs;
    }

    boolean protectiveStopSeen() {
        return protectiveStopSeen;
    }
}
