package org.hcert.conformance.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;

/**
 * Which clauses of a standard apply to a robot, decided from its class and declared capabilities,
 * and the Cucumber tag expression that selects their scenarios.
 */
public final class Plan {

    private final List<PlannedClause> clauses;

    private Plan(List<PlannedClause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    /**
     * Plan a certification.
     *
     * @throws ProfileException when the robot's class is not one the standard profile knows
     */
    public static Plan of(RobotProfile robot, StandardProfile standard) {
        if (!standard.robotClasses().contains(robot.robotClass())) {
            throw new ProfileException(robot.file().path(), robot.robotClassLine(), "robotClass",
                    "robot class %s is not defined by standard profile %s; expected one of %s"
                            .formatted(robot.robotClass(), standard.file().path(), standard.robotClasses()));
        }
        List<PlannedClause> planned = new ArrayList<>();
        for (Clause c : standard.clauses()) {
            PlannedClause p = decide(c, robot);
            planned.add(p.applicable()
                    ? new PlannedClause(c, true, p.reason(), Optional.of(ClauseResolver.resolve(c, robot, standard)))
                    : p);
        }
        return new Plan(planned);
    }

    private static PlannedClause decide(Clause c, RobotProfile robot) {
        if (!c.robotClasses().isEmpty() && !c.robotClasses().contains(robot.robotClass())) {
            return new PlannedClause(c, false, "applies to robot classes %s; the robot is a %s"
                    .formatted(c.robotClasses(), robot.robotClass()), Optional.empty());
        }
        List<String> missing = c.capabilities().stream().filter(k -> !robot.capabilities().contains(k)).toList();
        if (!missing.isEmpty()) {
            return new PlannedClause(c, false, "requires capabilities %s, which the robot does not declare"
                    .formatted(missing), Optional.empty());
        }
        String why = c.capabilities().isEmpty()
                ? "applies to every %s".formatted(robot.robotClass())
                : "the robot is a %s and declares %s".formatted(robot.robotClass(), c.capabilities());
        return new PlannedClause(c, true, why, Optional.empty());
    }

    public List<PlannedClause> clauses() {
        return clauses;
    }

    /** The resolved setups of the applicable clauses, in plan order. */
    public List<ClauseSetup> setups() {
        return applicable().stream().map(p -> p.setup().orElseThrow()).toList();
    }

    /** The resolved setup of clause {@code id}, when it applies. */
    public Optional<ClauseSetup> setup(String id) {
        return clauses.stream().filter(p -> p.clause().id().equals(id)).findFirst().flatMap(PlannedClause::setup);
    }

    public List<PlannedClause> applicable() {
        return clauses.stream().filter(PlannedClause::applicable).toList();
    }

    /** Tag expression selecting the scenarios of applicable clauses, e.g. {@code @SE-ESTOP-01 or @LC-JNT-01}. */
    public String tagExpression() {
        return applicable().stream().map(p -> "@" + p.clause().id()).collect(Collectors.joining(" or "));
    }
}
