package org.hcert.conformance.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.LimitName;
import org.hcert.conformance.family.OptionName;
import org.hcert.conformance.family.ParameterName;
import org.hcert.conformance.family.RobotFacts;
import org.hcert.conformance.family.SubjectLimits;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.LimitSpec;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Limit;

/**
 * Resolve a clause for one robot: each limit from the robot class's override, else the general
 * value, else the robot's declared value (which must have the limit's dimension: a declared
 * stopping time in metres is a profile error); each parameter from the clause, else the family's
 * default; each option, else its default.
 */
final class ClauseResolver {

    private ClauseResolver() {}

    static ClauseSetup resolve(Clause clause, RobotProfile robot, StandardProfile standard) {
        Family family = clause.family();
        Map<String, Limit> limits = new LinkedHashMap<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        Map<String, SubjectLimits> perSubject = new LinkedHashMap<>();
        for (LimitName name : family.limits()) {
            clause.limit(name.name(), robot.robotClass()).ifPresent(spec -> {
                if (spec.per().isPresent()) {
                    perSubject.put(name.name(), perSubject(clause, robot, name, spec));
                    return;
                }
                if (spec.value().isPresent()) {
                    limits.put(name.name(), new Limit(name.name(), spec.value().get(), spec.comparison(), spec.evidence(),
                            "standard profile %s:%d (%s)".formatted(standard.file().path(), spec.line(), clause.id())));
                    return;
                }
                String key = spec.declaredKey().orElseThrow();
                robot.declaredValue(key).ifPresentOrElse(q -> {
                    requireDimension(robot, key, q, name, clause);
                    limits.put(name.name(), new Limit(name.name(), q, spec.comparison(), spec.evidence(),
                            "robot declaration declared.%s in %s".formatted(key, robot.file().path())));
                }, () -> unresolved.put(name.name(), "robot profile %s declares no %s (expected declared.%s: {value: …, unit: …}); clause %s needs it"
                        .formatted(robot.file().path(), key, key, clause.id())));
            });
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (ParameterName p : family.parameters()) {
            LimitSpec given = clause.parameters().get(p.name());
            Quantity q = given != null ? given.value().orElseThrow() : p.fallback().orElseThrow();
            parameters.put(p.name(), q.si());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionName o : family.options()) {
            options.put(o.name(), clause.options().getOrDefault(o.name(), o.defaultValue()));
        }
        RobotFacts facts = new RobotFacts(robot.file().path(), robot.joints(), robot.declared(), robot.topics(),
                robot.identity().serial(), robot.capabilities(), robot.declaration(),
                robot.streams(), robot.surfaces(), robot.kinematics());
        return new ClauseSetup(clause.id(), family, limits, unresolved, parameters, options, facts, perSubject);
    }

    /**
     * The limit of each joint or stream: the value it declares under the spec's key, else the
     * robot's {@code declared} value of that key (one value for every subject), each of the limit's
     * dimension.
     */
    private static SubjectLimits perSubject(Clause clause, RobotProfile robot, LimitName name, LimitSpec spec) {
        String per = spec.per().orElseThrow();
        String key = spec.declaredKey().orElseThrow();
        Map<String, Limit> bySubject = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Map<String, Optional<Quantity>> own = new LinkedHashMap<>();
        if ("joint".equals(per)) {
            robot.joints().forEach(j -> own.put(j.name(), j.declared(key)));
        } else {
            robot.streams().forEach(st -> own.put(st.topic(), st.declared(key)));
        }
        Optional<Quantity> common = robot.declaredValue(key);
        common.ifPresent(q -> requireDimension(robot, key, q, name, clause));
        own.forEach((subject, value) -> {
            if (value.isPresent()) {
                String lineKey = RobotProfile.lineKey(per, subject, key);
                requireDimension(robot, lineKey, value.get(), name, clause);
                bySubject.put(subject, new Limit(name.name(), value.get(), spec.comparison(), spec.evidence(),
                        "robot declaration %ss[%s].%s in %s".formatted(per, subject, key, robot.file().path())));
            } else if (common.isPresent()) {
                bySubject.put(subject, new Limit(name.name(), common.get(), spec.comparison(), spec.evidence(),
                        "robot declaration declared.%s in %s (for every %s)".formatted(key, robot.file().path(), per)));
            } else {
                missing.put(subject, ("robot profile %s declares no %s for %s %s (%ss[].%s) and no declared.%s for every %s; "
                        + "clause %s needs it").formatted(robot.file().path(), key, per, subject, per, key, key, per, clause.id()));
            }
        });
        return new SubjectLimits(per, key, bySubject, missing);
    }

    private static void requireDimension(RobotProfile robot, String key, Quantity q, LimitName name, Clause clause) {
        if (q.dimension() != name.dimension()) {
            String field = key.contains("[") ? key : "declared." + key;
            throw new ProfileException(robot.file().path(), robot.declaredLines().getOrDefault(key, 0), field,
                    "clause %s compares %s with %s, which must be %s, but %s is %s; use one of %s".formatted(
                            clause.id(), name.quantity(), field, name.dimension().withArticle(), q.unit().symbol(),
                            q.dimension().withArticle(), String.join(", ", name.dimension().units().stream().map(u -> u.symbol()).toList())));
        }
    }
}
