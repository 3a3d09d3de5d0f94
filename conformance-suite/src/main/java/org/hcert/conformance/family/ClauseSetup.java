package org.hcert.conformance.family;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hcert.conformance.verdict.Limit;

/**
 * A clause resolved for one robot, ready to evaluate: its family, its limits (the robot class's
 * override, else the general value, else the robot's declared value), its parameters in SI units
 * (defaults filled in) and its options.
 *
 * @param clauseId e.g. {@code SE-ESTOP-01}
 * @param family the metric family that judges it
 * @param limits the resolved limits by name
 * @param parametersSi the parameters by name, in the SI unit of their dimension
 * @param options the clause's options by name, defaults filled in
 * @param unresolved limits the clause gives but that could not be resolved for this robot (a declared
 *     value the robot profile lacks), by name, with the reason
 * @param robot what the family may know of the robot
 * @param perSubject limits whose value each subject declares (a joint its {@code maxVelocity}), by
 *     limit name; such a limit is in neither {@code limits} nor {@code unresolved}
 */
public record ClauseSetup(String clauseId, Family family, Map<String, Limit> limits, Map<String, String> unresolved,
        Map<String, Double> parametersSi, Map<String, String> options, RobotFacts robot,
        Map<String, SubjectLimits> perSubject) {

    public ClauseSetup {
        Objects.requireNonNull(clauseId, "clauseId must not be null");
        Objects.requireNonNull(family, "family must not be null");
        limits = Map.copyOf(limits);
        unresolved = Map.copyOf(unresolved);
        parametersSi = Map.copyOf(parametersSi);
        options = Map.copyOf(options);
        Objects.requireNonNull(robot, "robot must not be null");
        perSubject = Map.copyOf(perSubject);
    }

    /** A clause whose limits are all one value for every subject. */
    public ClauseSetup(String clauseId, Family family, Map<String, Limit> limits, Map<String, String> unresolved,
            Map<String, Double> parametersSi, Map<String, String> options, RobotFacts robot) {
        this(clauseId, family, limits, unresolved, parametersSi, options, robot, Map.of());
    }

    /** The parameter {@code name} in SI units; the family declared it, so it is always there. */
    public double parameter(String name) {
        Double v = parametersSi.get(name);
        if (v == null) {
            throw new IllegalStateException("family %s reads parameter %s, which it does not declare".formatted(family.name(), name));
        }
        return v;
    }

    /** The parameter {@code name}, a time, in nanoseconds. */
    public long nanos(String name) {
        return Math.round(parameter(name) * 1e9);
    }

    /** The option {@code name}; the family declared it, so it is always there. */
    public String option(String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalStateException("family %s reads option %s, which it does not declare".formatted(family.name(), name));
        }
        return v;
    }

    /** Whether the clause gives the limit {@code name}, resolved or not, one value or one per subject. */
    public boolean judges(String name) {
        return limits.containsKey(name) || unresolved.containsKey(name) || perSubject.containsKey(name);
    }

    /** The limits of the family that this clause gives and that resolved, in the family's order. */
    public List<Limit> givenLimits() {
        return family.limits().stream().map(l -> limits.get(l.name())).filter(Objects::nonNull).toList();
    }
}
