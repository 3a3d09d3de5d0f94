package org.hcert.conformance.steps;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SampleStream;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * Run a metric over one streaming pass of the telemetry, and turn missing or corrupt evidence into
 * INCONCLUSIVE with a reason naming the robot profile, the recording and the topic.
 */
final class Signals {

    /** A metric's result and the source it was computed from. */
    record Pass<T>(T result, String source) {}

    private Signals() {}

    static <T> Pass<T> read(Set<Role> required, Set<Role> optional, Function<Iterator<Sample>, T> metric) {
        CertificationContext c = CertificationContext.current();
        SignalMapping mapping = c.robot().topics();
        for (Role role : required) {
            if (mapping.topics(role).isEmpty()) {
                throw new InsufficientEvidenceException("robot profile %s maps no topic to role %s (topics.%s)"
                        .formatted(c.robot().file().path(), role.key(), role.key()));
            }
        }
        Set<Role> roles = EnumSet.copyOf(required);
        roles.addAll(optional);
        TelemetrySource telemetry = c.scenarioTelemetry();
        String source = describe(telemetry, mapping, roles);
        try (SampleStream stream = SampleStream.open(telemetry, mapping, roles)) {
            T result = metric.apply(stream);
            while (stream.hasNext()) {
                stream.next();
            }
            if (!telemetry.warnings().isEmpty()) {
                String problem = "recording %s is damaged and was read only in part: %s"
                        .formatted(telemetry.describe(), String.join("; ", telemetry.warnings()));
                c.reportTelemetryProblem(problem);
                throw new InsufficientEvidenceException(problem);
            }
            for (Role role : required) {
                if (stream.count(role) == 0) {
                    throw new InsufficientEvidenceException("recording %s has no message on %s (role %s)"
                            .formatted(telemetry.describe(), String.join(", ", mapping.topics(role)), role.key()));
                }
            }
            return new Pass<>(result, source);
        } catch (TelemetryException e) {
            c.reportTelemetryProblem(e.getMessage());
            throw new InsufficientEvidenceException("telemetry unreadable: " + e.getMessage(), e);
        }
    }

    private static String describe(TelemetrySource telemetry, SignalMapping mapping, Set<Role> roles) {
        List<String> topics = new ArrayList<>();
        for (Role role : roles) {
            topics.addAll(mapping.topics(role));
        }
        return "%s, topics %s".formatted(telemetry.describe(), String.join(", ", topics));
    }
}
