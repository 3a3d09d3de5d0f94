package org.hcert.conformance.steps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a step definition as belonging to a metric family, and, for a Then-step, the limit it
 * judges. The features' consistency test reads it to check every scenario against the registry.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FamilyStep {

    /** The family's name, e.g. {@code stop-response}. */
    String family();

    /**
     * The limit a Then-step judges, e.g. {@code stopTime}; {@link #ANY} for a step that judges the
     * limit its scenario names (any limit of its family); empty for a When-step.
     */
    String limit() default "";

    /** {@link #limit()} of a Then-step that judges whichever limit of its family the scenario names: {@value}. */
    String ANY = "*";

    /** The option a When-step's {@code {trigger}} parameter sets, e.g. {@code trigger}; empty for none. */
    String option() default "";

    /**
     * Whether the Then-step judges whichever of the family's limits the scenario names in its last
     * parameter (a family with many limits of one kind of check, e.g. the declaration's), rather than
     * the one {@link #limit()}.
     */
    boolean anyLimit() default false;
}
