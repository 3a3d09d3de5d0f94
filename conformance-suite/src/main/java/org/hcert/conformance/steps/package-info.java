/**
 * Cucumber glue: one step class per metric family, phrased with the clause's limit names as
 * parameters, so the glue does not grow with every clause. Each scenario gets a
 * {@link org.hcert.conformance.steps.ScenarioState}, injected by
 * {@link org.hcert.conformance.steps.HcertObjectFactory} with the run's context; steps never
 * reach for a static.
 */
@NullMarked
package org.hcert.conformance.steps;

import org.jspecify.annotations.NullMarked;
