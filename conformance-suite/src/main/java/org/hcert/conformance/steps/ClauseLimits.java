package org.hcert.conformance.steps;

import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.LimitSpec;
import org.hcert.conformance.profile.Quantity;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Units;

/**
 * Resolve the running clause's limits and parameters for the robot under test: the class
 * override, else the general value, else the robot's declared value.
 */
final class ClauseLimits {

    private final Clause clause;
    private final RobotProfile robot;
    private final String standardFile;

    private ClauseLimits(Clause clause, RobotProfile robot, String standardFile) {
        this.clause = clause;
        this.robot = robot;
        this.standardFile = standardFile;
    }

    static ClauseLimits current() {
        CertificationContext c = CertificationContext.current();
        Clause clause = c.clause().orElseThrow(() -> new InsufficientEvidenceException("no clause is bound"));
        return new ClauseLimits(clause, c.robot(), c.standard().file().path().toString());
    }

    String clauseId() {
        return clause.id();
    }

    /** The limit {@code name}, with its value in the unit the profile gives. */
    Limit limit(String name) {
        LimitSpec spec = clause.limit(name, robot.robotClass()).orElseThrow(() -> new InsufficientEvidenceException(
                "standard profile %s defines no limit %s for clause %s".formatted(standardFile, name, clause.id())));
        Quantity q = resolve(spec);
        String source = spec.declaredKey().isPresent()
                ? "robot declaration declared.%s in %s".formatted(spec.declaredKey().get(), robot.file().path())
                : "standard profile %s:%d (%s)".formatted(standardFile, spec.line(), clause.id());
        return new Limit(name, q.value(), q.unit(), spec.comparison(), spec.evidence(), source);
    }

    /** The parameter {@code name} in SI units, or {@code otherwise} when the profile does not define it. */
    double parameterSiOr(String name, double otherwise) {
        LimitSpec spec = clause.parameters().get(name);
        return spec == null ? otherwise : resolve(spec).si();
    }

    /** The parameter {@code name} in SI units (s, m, rad/s, …). */
    double parameterSi(String name) {
        LimitSpec spec = clause.parameters().get(name);
        if (spec == null) {
            throw new InsufficientEvidenceException("standard profile %s defines no parameter %s for clause %s"
                    .formatted(standardFile, name, clause.id()));
        }
        return resolve(spec).si();
    }

    /** The robot's declared value {@code key}, or INCONCLUSIVE naming the robot profile. */
    Quantity declared(String key) {
        return robot.declaredValue(key).orElseThrow(() -> new InsufficientEvidenceException(
                "robot profile %s declares no %s (expected declared.%s: {value: …, unit: …}); clause %s needs it"
                        .formatted(robot.file().path(), key, key, clause.id())));
    }

    private Quantity resolve(LimitSpec spec) {
        if (spec.value().isPresent()) {
            return spec.value().get();
        }
        return declared(spec.declaredKey().orElseThrow());
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    static String ms(long ns) {
        return Units.format(ns / 1e6) + " ms";
    }
}
