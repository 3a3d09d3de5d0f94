package org.hcert.conformance.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /** The clauses a development run selected ({@code --clauses}); empty when every applicable clause runs. */
    private final Optional<Set<String>> selected;

    private Plan(List<PlannedClause> clauses, Optional<Set<String>> selected) {
        this.clauses = List.copyOf(clauses);
        this.selected = selected.map(Set::copyOf);
    }

    /**
     * This plan, running only the applicable clauses among {@code ids}; the others that apply stay
     * in the plan and are reported as not run (INCONCLUSIVE), never left out.
     *
     * @throws IllegalArgumentException when an ID is not a clause of the standard profile
     */
    public Plan selecting(Set<String> ids) {
        Set<String> known = clauses.stream().map(p -> p.clause().id()).collect(Collectors.toSet());
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("%s: not a clause of the standard profile (its clauses: %s)"
                    .formatted(String.join(", ", unknown), clauses.stream().map(p -> p.clause().id()).toList()));
        }
        return new Plan(clauses, Optional.of(ids));
    }

    /** The clauses selected to run, when the run selected some. */
    public Optional<Set<String>> selection() {
        return selected;
    }

    /** Whether clause {@code id} runs in this plan (applicable, and selected when the run selected clauses). */
    public boolean runs(String id) {
        return selected.map(s -> s.contains(id)).orElse(true)
                && clauses.stream().anyMatch(p -> p.applicable() && p.clause().id().equals(id));
    }

    /** The applicable clauses that run: all of them, or those selected. */
    public List<PlannedClause> toRun() {
        return applicable().stream().filter(p -> runs(p.clause().id())).toList();
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
        return new Plan(planned, Optional.empty());
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

    /** The resolved setups of the clauses that run, in plan order. */
    public List<ClauseSetup> setups() {
        return toRun().stream().map(p -> p.setup().orElseThrow()).toList();
    }

    /** The resolved setup of clause {@code id}, when it applies. */
    public Optional<ClauseSetup> setup(String id) {
        return clauses.stream().filter(p -> p.clause().id().equals(id)).findFirst().flatMap(PlannedClause::setup);
    }

    public List<PlannedClause> applicable() {
        return clauses.stream().filter(PlannedClause::applicable).toList();
    }

    /** Tag expression selecting the scenarios of the clauses that run, e.g. {@code @SE-ESTOP-01 or @LC-JNT-01}. */
    public String tagExpression() {
        return toRun().stream().map(p -> "@" + p.clause().id()).collect(Collectors.joining(" or "));
    }
}
