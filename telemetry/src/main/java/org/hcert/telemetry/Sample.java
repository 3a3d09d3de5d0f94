package org.hcert.telemetry;

/**
 * A decoded telemetry sample in SI units, stamped with its log time.
 *
 * <p>Each implementation is one role of the signal dictionary of docs/catalogue.md: joints, IMU, base
 * odometry, wrenches, safety state, events, battery and temperatures.
 */
public sealed interface Sample
        permits JointStateSample,
                ImuSample,
                OdometrySample,
                WrenchSample,
                SafetyStateSample,
                EventSample,
                BatterySample,
                TemperatureSample {

    /** Log time, nanoseconds since the Unix epoch. */
    long tNs();

    /** The topic the sample was recorded on. */
    String topic();
}
