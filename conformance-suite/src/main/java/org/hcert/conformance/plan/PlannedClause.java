package org.hcert.conformance.plan;

import java.util.Optional;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.profile.Clause;

/**
 * One clause of the standard and whether it applies to the robot, with the reason, and, when it
 * applies, the clause resolved for the robot.
 *
 * @param clause the clause
 * @param applicable whether it applies
 * @param reason why it applies or not, for the report
 * @param setup the resolved clause, present when it applies
 */
public record PlannedClause(Clause clause, boolean applicable, String reason, Optional<ClauseSetup> setup) {}
