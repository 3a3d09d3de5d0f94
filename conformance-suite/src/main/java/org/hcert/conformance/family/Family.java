package org.hcert.conformance.family;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.live.LiveSession;
import org.hcert.telemetry.mapping.Role;

/**
 * A metric family: one kind of check that many clauses share (a stop response, motion after a
 * reset, a bound over a window…). It declares everything a clause of it may say, so a standard
 * profile is checked against it when it is loaded; it turns samples into readings; and it says what
 * to do on a live robot.
 */
public interface Family {

    /** The family's key in the standard profile's {@code family:} field, e.g. {@code stop-response}. */
    String name();

    /** What the family checks, in a sentence, for messages and docs. */
    String summary();

    /** The options a clause may set, with their allowed values. */
    List<OptionName> options();

    /** The limits a clause judges against, with their dimensions. */
    List<LimitName> limits();

    /** The parameters of how evidence is gathered, with their dimensions and ranges. */
    List<ParameterName> parameters();

    /** The roles a clause of this family cannot be judged without. */
    Set<Role> requiredRoles(ClauseSetup clause);

    /** Further roles it reads when the robot maps them. */
    Set<Role> optionalRoles(ClauseSetup clause);

    /** A fresh metric for one pass. */
    Evaluator evaluator(ClauseSetup clause);

    /** What the harness does on a live robot to produce the evidence, then how long it watches. */
    LiveAction liveAction(ClauseSetup clause);

    /** The limit {@code name} of this family, if it declares one. */
    default Optional<LimitName> limit(String name) {
        return limits().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The parameter {@code name} of this family, if it declares one. */
    default Optional<ParameterName> parameter(String name) {
        return parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The option {@code name} of this family, if it declares one. */
    default Optional<OptionName> option(String name) {
        return options().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /**
     * The live part of a When-step: act on the robot, then observe.
     *
     * @param act what the harness does (a command, an operator prompt); may do nothing
     * @param observe how long to watch after acting
     */
    record LiveAction(java.util.function.Consumer<LiveSession> act, Duration observe) {}
}
