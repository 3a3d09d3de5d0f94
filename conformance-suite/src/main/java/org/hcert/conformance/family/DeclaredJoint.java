package org.hcert.conformance.family;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;

/**
 * One joint as the robot profile declares it: soft limits in radians, its velocity limit in rad/s
 * (NaN when not declared), and its other declared ratings by key (e.g. {@code peakEffort},
 * {@code continuousEffort}, {@code maxTemperature}), each with its unit.
 */
public record DeclaredJoint(String name, double lowerRad, double upperRad, double maxVelocityRadS,
        Map<String, Quantity> ratings) {

    /** The key of the joint's velocity limit: {@value}. */
    public static final String MAX_VELOCITY = "maxVelocity";

    public DeclaredJoint {
        Objects.requireNonNull(name, "name must not be null");
        ratings = Map.copyOf(ratings);
    }

    /** A joint with soft limits and a velocity limit only. */
    public DeclaredJoint(String name, double lowerRad, double upperRad, double maxVelocityRadS) {
        this(name, lowerRad, upperRad, maxVelocityRadS, Map.of());
    }

    /** The value the joint declares under {@code key}: {@value #MAX_VELOCITY} (rad/s) or one of its ratings. */
    public Optional<Quantity> declared(String key) {
        if (MAX_VELOCITY.equals(key)) {
            return Double.isFinite(maxVelocityRadS) ? Optional.of(new Quantity(maxVelocityRadS, Unit.RADIAN_PER_SECOND))
                    : Optional.empty();
        }
        return Optional.ofNullable(ratings.get(key));
    }
}
