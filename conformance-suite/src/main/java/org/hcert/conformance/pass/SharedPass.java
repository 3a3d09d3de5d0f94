package org.hcert.conformance.pass;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SampleStream;
import org.hcert.telemetry.mapping.SignalMapping;
import org.jspecify.annotations.Nullable;

/**
 * Compute the metrics of all planned scenarios in one streaming pass over a recording, instead of
 * one pass per scenario.
 *
 * <p>Each scenario's demand is registered under a key that is stable from one run of the features
 * to the next (its feature URI and line) before the scenarios run for real. The first scenario that
 * asks for its {@link #outcome} starts the pass: one {@link SampleStream} over the union of the
 * roles, teed to every metric, each metric seeing only the samples of its own roles, in the same
 * order as a pass of its own would give them. A topic plays one role only, so the per-role counts
 * of the union pass are those of each scenario's own pass.
 *
 * <p>The pass serves nothing (every {@link #outcome} is empty, and each scenario then reads the
 * recording on its own, with its own messages) when the recording cannot be read to its end
 * without a warning: which chunks a pass decodes depends on its topics, so only a sound recording
 * gives every scenario the same evidence in a shared pass as in its own.
 */
public final class SharedPass {

    /** The result of one scenario's metric, and how many samples each of its roles had. */
    public record Outcome<T>(T result, Map<Role, Long> counts) {

        /** Samples of {@code role} in the pass; 0 for a role without samples. */
        public long count(Role role) {
            return counts.getOrDefault(role, 0L);
        }
    }

    private final Map<String, Demand<?>> demands = new LinkedHashMap<>();
    private @Nullable Map<String, Outcome<?>> outcomes;
    private int passes;

    /** Register the demand of the scenario at {@code key}; a later registration under the same key replaces it. */
    public synchronized void register(String key, Demand<?> demand) {
        if (outcomes != null) {
            throw new IllegalStateException("the shared pass has already run; register demands before it");
        }
        demands.put(Objects.requireNonNull(key, "key must not be null"), Objects.requireNonNull(demand, "demand must not be null"));
    }

    /** The keys of the registered demands, in registration order. */
    public synchronized List<String> keys() {
        return List.copyOf(demands.keySet());
    }

    /** How many passes over the recording this shared pass has made: 0 or 1. */
    public synchronized int passes() {
        return passes;
    }

    /**
     * The outcome of the scenario at {@code key}, running the shared pass over {@code telemetry}
     * first if it has not run yet. Empty when the scenario registered no demand, registered one
     * for other roles than {@code demand}'s, when its metric failed, or when the pass served
     * nothing (see the class comment): the caller then reads the telemetry on its own.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> Optional<Outcome<T>> outcome(String key, Demand<T> demand, TelemetrySource telemetry,
            SignalMapping mapping) {
        Demand<?> registered = demands.get(key);
        if (registered == null || !registered.required().equals(demand.required())
                || !registered.optional().equals(demand.optional())) {
            return Optional.empty();
        }
        if (outcomes == null) {
            outcomes = run(telemetry, mapping);
        }
        return Optional.ofNullable((Outcome<T>) outcomes.get(key));
    }

    private Map<String, Outcome<?>> run(TelemetrySource telemetry, SignalMapping mapping) {
        passes++;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        demands.values().forEach(d -> roles.addAll(d.roles()));
        Map<String, Role> roleOf = new HashMap<>();
        for (Role role : roles) {
            mapping.topics(role).forEach(topic -> roleOf.put(topic, role));
        }
        List<String> keys = new ArrayList<>(demands.keySet());
        List<Tee.Branch> branches;
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        try (SampleStream stream = SampleStream.open(telemetry, mapping, roles)) {
            branches = Tee.run(stream, roleOf, new ArrayList<>(demands.values()));
            roles.forEach(role -> counts.put(role, stream.count(role)));
        } catch (RuntimeException e) {
            return Map.of();
        }
        if (!telemetry.warnings().isEmpty()) {
            return Map.of();
        }
        Map<String, Outcome<?>> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Tee.Branch branch = branches.get(i);
            if (branch.failure() == null && branch.result() != null) {
                Map<Role, Long> own = new EnumMap<>(Role.class);
                java.util.Objects.requireNonNull(demands.get(keys.get(i)), "every key has a demand").roles().forEach(role -> own.put(role, counts.get(role)));
                out.put(keys.get(i), new Outcome<>(branch.result(), own));
            }
        }
        return out;
    }
}
