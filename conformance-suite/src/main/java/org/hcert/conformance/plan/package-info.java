/** The certification plan: which clauses apply to a robot, with reasons, as a Cucumber tag expression. */
@NullMarked
package org.hcert.conformance.plan;

import org.jspecify.annotations.NullMarked;
