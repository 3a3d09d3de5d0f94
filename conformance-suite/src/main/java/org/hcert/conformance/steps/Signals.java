package org.hcert.conformance.steps;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.hcert.conformance.pass.Demand;
import org.hcert.conformance.pass.SharedPass;
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
 *
 * <p>On a recording, the metric's result comes from the run's {@link SharedPass} when it can serve
 * it (one pass for all scenarios); otherwise, and always on a live robot, the scenario reads its
 * telemetry on its own. Both give the same result, counts and messages.
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
        Demand<T> demand = new Demand<>(required, optional, metric);
        if (c.rehearsing()) {
            c.scenarioLocation().ifPresent(key -> c.sharedPass().register(key, demand));
            throw new Rehearsed();
        }
        TelemetrySource telemetry = c.scenarioTelemetry();
        String source = describe(telemetry, mapping, demand.roles());
        Optional<SharedPass.Outcome<T>> shared = telemetry == c.telemetry() && c.liveSession().isEmpty()
                ? c.scenarioLocation().flatMap(key -> c.sharedPass().outcome(key, demand, telemetry, mapping))
                : Optional.empty();
        if (shared.isPresent()) {
            requireSamples(telemetry, mapping, required, shared.get()::count);
            return new Pass<>(shared.get().result(), source);
        }
        return readAlone(c, telemetry, mapping, demand, source);
    }

    private static <T> Pass<T> readAlone(CertificationContext c, TelemetrySource telemetry, SignalMapping mapping,
            Demand<T> demand, String source) {
        try (SampleStream stream = SampleStream.open(telemetry, mapping, demand.roles())) {
            T result = demand.metric().apply(stream);
            while (stream.hasNext()) {
                stream.next();
            }
            if (!telemetry.warnings().isEmpty()) {
                String problem = "recording %s is damaged and was read only in part: %s"
                        .formatted(telemetry.describe(), String.join("; ", telemetry.warnings()));
                c.reportTelemetryProblem(problem);
                throw new InsufficientEvidenceException(problem);
            }
            requireSamples(telemetry, mapping, demand.required(), stream::count);
            return new Pass<>(result, source);
        } catch (TelemetryException e) {
            c.reportTelemetryProblem(e.getMessage());
            throw new InsufficientEvidenceException("telemetry unreadable: " + e.getMessage(), e);
        }
    }

    private static void requireSamples(TelemetrySource telemetry, SignalMapping mapping, Set<Role> required,
            ToLongFunction<Role> count) {
        for (Role role : required) {
            if (count.applyAsLong(role) == 0) {
                throw new InsufficientEvidenceException("recording %s has no message on %s (role %s)"
                        .formatted(telemetry.describe(), String.join(", ", mapping.topics(role)), role.key()));
            }
        }
    }

    private static String describe(TelemetrySource telemetry, SignalMapping mapping, Set<Role> roles) {
        List<String> topics = new ArrayList<>();
        for (Role role : roles) {
            topics.addAll(mapping.topics(role));
        }
        return "%s, topics %s".formatted(telemetry.describe(), String.join(", ", topics));
    }

    /** Ends a scenario in a rehearsal once its reading step has registered its demand. */
    static final class Rehearsed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rehearsed() {
            super("rehearsal: demand registered", null, false, false);
        }
    }
}
