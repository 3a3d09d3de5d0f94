package org.hcert.conformance.steps;

import io.cucumber.java.ParameterType;
import java.util.Objects;

/** The Cucumber parameter types of hcert's steps. */
public final class ParameterTypes {

    /** {@code {trigger}}: a stop input, as a When-step names it. */
    @ParameterType("the emergency stop|the protective stop|a normal stop|any stop|a safety fault|a power loss")
    public Trigger trigger(String text) {
        return new Trigger(Objects.requireNonNull(Trigger.KEYS.get(text), "the pattern admits only known triggers"));
    }

    /** {@code {event}}: an event kind as the robot reports it, e.g. {@code power_restored}. */
    @ParameterType("[a-z]+(?:_[a-z]+)*")
    public String event(String kind) {
        return kind;
    }
}
