package org.hcert.conformance.family;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;

/**
 * A telemetry stream as the robot profile declares it ({@code streams:}): its topic, whether its
 * messages carry a {@code std_msgs/Header} with a stamp, and its declared values by key (its
 * {@code rate}, the {@code maxAge} of its data).
 *
 * @param topic the recorded topic, mapped to a role in the robot profile
 * @param stamped whether its messages carry a header stamp (hcert's SafetyState and Event do not)
 * @param values declared values by key, each with its unit
 */
public record DeclaredStream(String topic, boolean stamped, Map<String, Quantity> values) {

    /** Key of a stream's declared rate: {@value}. */
    public static final String RATE = "rate";
    /** Key of the oldest a stream's data may be: {@value}. */
    public static final String MAX_AGE = "maxAge";

    public DeclaredStream {
        Objects.requireNonNull(topic, "topic must not be null");
        values = Map.copyOf(values);
    }

    /** The value the stream declares under {@code key}. */
    public Optional<Quantity> declared(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
