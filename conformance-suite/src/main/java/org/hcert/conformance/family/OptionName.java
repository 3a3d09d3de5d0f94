package org.hcert.conformance.family;

import java.util.List;
import java.util.Objects;

/**
 * A choice a clause makes within its family, e.g. which input triggers a stop-response check.
 *
 * @param name the key under {@code options:}, e.g. {@code trigger}
 * @param values the allowed values, the first being the default
 * @param meaning what it chooses, in a phrase
 */
public record OptionName(String name, List<String> values, String meaning) {

    public OptionName {
        Objects.requireNonNull(name, "name must not be null");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " needs at least one value");
        }
    }

    public String defaultValue() {
        return values.get(0);
    }
}
