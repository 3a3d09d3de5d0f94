package org.hcert.conformance.steps;

import java.util.List;

/** Every class of hcert's glue that defines steps, for the features' consistency check. */
public final class Glue {

    /** The step classes: one per family, and the shared state steps. Add a family's step class here. */
    public static final List<Class<?>> STEP_CLASSES = List.of(
            StateSteps.class, StopResponseSteps.class, RestartSteps.class, JointRangeSteps.class, PostureSteps.class,
            DeclarationSteps.class, ProvenanceSteps.class,
            SignalBoundSteps.class, StreamHealthSteps.class,
            CartesianSpeedSteps.class, TrialSteps.class,
            EventSequenceSteps.class);

    /** The class that defines the custom parameter types. */
    public static final Class<?> PARAMETER_TYPES = ParameterTypes.class;

    private Glue() {}
}
