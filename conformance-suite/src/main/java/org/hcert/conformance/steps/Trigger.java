package org.hcert.conformance.steps;

import java.util.Map;

/**
 * The stop inputs a When-step can name, and the value of the family's {@code trigger} option each
 * stands for: {@code the emergency stop} is {@code estop}.
 *
 * @param key the option value
 */
public record Trigger(String key) {

    /** Step text to option value. */
    public static final Map<String, String> KEYS = Map.of(
            "the emergency stop", "estop",
            "the protective stop", "protective-stop",
            "a normal stop", "normal-stop",
            "any stop", "any-stop",
            "a safety fault", "safety-fault",
            "a power loss", "power-loss");
}
