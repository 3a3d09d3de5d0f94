package org.hcert.conformance.plan;

import org.hcert.conformance.profile.Clause;

/**
 * One clause of the standard and whether it applies to the robot, with the reason.
 *
 * @param clause the clause
 * @param applicable whether it applies
 * @param reason why it applies or not, for the report
 */
public record PlannedClause(Clause clause, boolean applicable, String reason) {}
