package org.hcert.conformance.pass;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;

/**
 * What one scenario's reading step needs from the telemetry: the roles it reads and the one-pass
 * metric it computes over their samples (in log-time order, only samples of these roles).
 *
 * @param required roles that must have at least one sample, else the scenario is INCONCLUSIVE
 * @param optional roles read when present
 * @param metric a pure function of the samples; it may stop reading early
 */
public record Demand<T>(Set<Role> required, Set<Role> optional, Function<Iterator<Sample>, T> metric) {

    public Demand {
        required = Collections.unmodifiableSet(copy(required));
        optional = Collections.unmodifiableSet(copy(optional));
        Objects.requireNonNull(metric, "metric must not be null");
    }

    /** The required and the optional roles. */
    public Set<Role> roles() {
        Set<Role> all = copy(required);
        all.addAll(optional);
        return all;
    }

    private static Set<Role> copy(Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
