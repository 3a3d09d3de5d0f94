package org.hcert.conformance.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of metric families: every family hcert knows, by its profile name. A clause names one
 * in its {@code family:} field; the profile loader checks the clause against it.
 */
public final class Families {

    private static final Map<String, Family> BY_NAME = index(List.of(
            new StopResponse(),
            new RestartAfterReset(),
            new JointRange(),
            new PostureAfterStop(),
            new Declaration(),
            new Provenance(),
            new SignalBound(),
            new StreamHealth(),
            new CartesianSpeed(),
            new Trials(),
            new EventSequence()));

    private Families() {}

    private static Map<String, Family> index(List<Family> families) {
        Map<String, Family> out = new LinkedHashMap<>();
        for (Family f : families) {
            if (out.put(f.name(), f) != null) {
                throw new IllegalStateException("two families are named " + f.name());
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The family named {@code name}, if hcert has one. */
    public static Optional<Family> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every family, in a fixed order. */
    public static List<Family> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The names of every family, for messages. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
