package org.hcert.conformance.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.family.ClauseEvidence;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.family.Evaluator;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SampleStream;
import org.hcert.telemetry.mapping.SignalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluate clauses over one pass of the telemetry: the plan says what each clause reads, so the
 * source is read once, on the union of their topics, and each sample is pushed to the metrics of the
 * clauses that read its role. No thread per clause, no second pass.
 *
 * <p>What concerns every clause reading a role (no topic mapped, no message on it, a damaged or
 * unreadable source) becomes a problem of each such clause, so it is INCONCLUSIVE at best; a
 * failure seen before the damage still stands.
 */
public final class OnePass {

    private static final Logger LOG = LoggerFactory.getLogger(OnePass.class);

    private OnePass() {}

    /**
     * What the pass found.
     *
     * @param evidence every clause's evidence, by clause ID, in the order given
     * @param damage what made the source unreadable or damaged (also a problem of every clause), for the operator
     */
    public record Result(Map<String, ClauseEvidence> evidence, List<String> damage) {}

    /** Something besides the clauses that wants the samples of some roles in the same pass. */
    public interface Observer {
        Set<Role> roles();

        void accept(Sample sample);

        /** Topics whose evidence this observer found unusable, each with why. */
        default Map<String, String> topicProblems() {
            return Map.of();
        }
    }

    /** Evaluate {@code clauses} over one pass of {@code source}. */
    public static Result evaluate(TelemetrySource source, SignalMapping mapping, List<ClauseSetup> clauses) {
        return evaluate(source, mapping, clauses, List.of());
    }

    /** Evaluate {@code clauses} over one pass of {@code source}, showing the samples to {@code observers} too. */
    public static Result evaluate(TelemetrySource source, SignalMapping mapping, List<ClauseSetup> clauses,
            List<Observer> observers) {
        List<List<String>> problems = new ArrayList<>();
        Map<Role, List<Evaluator>> byRole = new EnumMap<>(Role.class);
        List<Evaluator> evaluators = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (ClauseSetup c : clauses) {
            List<String> mine = new ArrayList<>();
            problems.add(mine);
            for (Role role : c.family().requiredRoles(c)) {
                if (mapping.topics(role).isEmpty()) {
                    mine.add("robot profile %s maps no topic to role %s (topics.%s)".formatted(c.robot().profile(), role.key(), role.key()));
                }
            }
            Evaluator e = c.family().evaluator(c);
            evaluators.add(e);
            Set<Role> read = EnumSet.copyOf(c.family().requiredRoles(c));
            read.addAll(c.family().optionalRoles(c));
            for (Role role : read) {
                if (!mapping.topics(role).isEmpty()) {
                    byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(e);
                    roles.add(role);
                }
            }
        }
        for (Observer o : observers) {
            Evaluator relay = new Evaluator() {
                @Override
                public void accept(Sample sample) {
                    o.accept(sample);
                }

                @Override
                public ClauseEvidence finish(long endNs) {
                    return new ClauseEvidence(Map.of(), List.of(), "");
                }
            };
            for (Role role : o.roles()) {
                if (!mapping.topics(role).isEmpty()) {
                    byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(relay);
                    roles.add(role);
                }
            }
        }
        Map<String, String> topicProblems = new LinkedHashMap<>();
        long lastNs = Long.MIN_VALUE;
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        List<String> damage = new ArrayList<>();
        Map<String, Long> leftOut = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (SampleStream stream = SampleStream.open(source, mapping, roles)) {
            Evaluator[][] route = route(byRole);
            boolean[] headers = new boolean[route.length];
            for (int r = 0; r < route.length; r++) {
                headers[r] = java.util.Arrays.stream(route[r]).anyMatch(Evaluator::readsHeaders);
            }
            while (stream.hasNext()) {
                Sample s = stream.next();
                lastNs = Math.max(lastNs, s.tNs());
                int r = index(Role.of(s));
                MessageHeader header = headers[r] ? stream.header() : MessageHeader.NONE;
                for (Evaluator e : route[r]) {
                    e.accept(s, header);
                }
            }
            roles.forEach(r -> counts.put(r, stream.count(r)));
            leftOut.putAll(stream.leftOut());
            stream.publishers().forEach((topic, seen) -> {
                if (seen.size() > 1) {
                    topicProblems.put(topic, "it has %d publishers (%s)".formatted(seen.size(), String.join(", ", seen)));
                }
            });
            if (!source.warnings().isEmpty()) {
                damage.add("recording %s is damaged and was read only in part: %s".formatted(source.describe(),
                        String.join("; ", source.warnings())));
            }
        } catch (TelemetryException e) {
            damage.add(e.getMessage());
        }
        observers.forEach(o -> o.topicProblems().forEach(topicProblems::putIfAbsent));
        LOG.info("one pass over {} for {} clause(s) on roles {}: {} ms", source.describe(), clauses.size(), roles,
                (System.nanoTime() - started) / 1_000_000);
        Map<String, ClauseEvidence> out = new LinkedHashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            ClauseSetup c = clauses.get(i);
            List<String> mine = problems.get(i);
            damage.forEach(d -> mine.add(d.startsWith("recording ") ? d : "telemetry unreadable: " + d));
            Set<Role> read = EnumSet.copyOf(c.family().requiredRoles(c));
            read.addAll(c.family().optionalRoles(c));
            for (Role role : read) {
                for (String topic : mapping.topics(role)) {
                    String why = topicProblems.get(topic);
                    if (why != null) {
                        mine.add(("topic %s carries more than one stream: %s; hcert does not choose which is the robot's, "
                                + "so clauses reading it cannot be judged (record one publisher per topic)").formatted(topic, why));
                    }
                }
            }
            for (Role role : c.family().requiredRoles(c)) {
                if (!mapping.topics(role).isEmpty() && damage.isEmpty() && counts.getOrDefault(role, 0L) == 0) {
                    mine.add("recording %s has no message on %s (role %s)".formatted(source.describe(),
                            String.join(", ", mapping.topics(role)), role.key()));
                }
            }
            ClauseEvidence evidence;
            try {
                evidence = evaluators.get(i).finish(lastNs);
            } catch (RuntimeException e) {
                evidence = new ClauseEvidence(Map.of(), List.of("harness error while evaluating: " + e), "");
            }
            out.put(c.clauseId(), evidence.with(mine, describe(source, mapping, c, leftOut)));
        }
        return new Result(out, damage);
    }

    /** The evaluators of each role, indexed by {@link #index}, for the inner loop. */
    private static Evaluator[][] route(Map<Role, List<Evaluator>> byRole) {
        Evaluator[][] route = new Evaluator[Role.values().length][];
        for (Role r : Role.values()) {
            route[index(r)] = byRole.getOrDefault(r, List.of()).toArray(Evaluator[]::new);
        }
        return route;
    }

    @SuppressWarnings("EnumOrdinal") // a dense index for the per-sample dispatch, never stored
    private static int index(Role role) {
        return role.ordinal();
    }

    /**
     * The source of a clause's evidence: the recording and the topics read, each with the frame the
     * robot profile chose on it and how many messages of other publishers were left out.
     */
    static String describe(TelemetrySource source, SignalMapping mapping, ClauseSetup c, Map<String, Long> leftOut) {
        List<String> topics = new ArrayList<>();
        Set<Role> read = EnumSet.copyOf(c.family().requiredRoles(c));
        read.addAll(c.family().optionalRoles(c));
        for (Role role : read) {
            for (String topic : mapping.topics(role)) {
                topics.add(mapping.chosenFrame(topic).map(f -> "%s (frame_id \"%s\" chosen by the robot profile; %d message(s) of other publishers left out)"
                        .formatted(topic, f, leftOut.getOrDefault(topic, 0L))).orElse(topic));
            }
        }
        return "%s, topics %s".formatted(source.describe(), String.join(", ", topics));
    }
}
