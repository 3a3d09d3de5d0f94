package org.hcert.conformance.family;

import java.util.Objects;

/**
 * One joint as the robot profile declares it: soft limits in radians, and its velocity limit in
 * rad/s (NaN when not declared).
 */
public record DeclaredJoint(String name, double lowerRad, double upperRad, double maxVelocityRadS) {

    public DeclaredJoint {
        Objects.requireNonNull(name, "name must not be null");
    }
}
