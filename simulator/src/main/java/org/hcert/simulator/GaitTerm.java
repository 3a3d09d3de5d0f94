package org.hcert.simulator;

/**
 * One joint's gait pattern at full walking speed, g(φ) = sign·(c0 + a1·sin(φ + shift + p1)), rad;
 * φ is the gait phase (0 = a left stance begins). The right twin is half a stride later, mirrored in
 * sign for roll and yaw joints.
 */
record GaitTerm(double c0, double a1, double p1, double shift, double sign) {

    static final GaitTerm NONE = new GaitTerm(0, 0, 0, 0, 1);

    static GaitTerm of(double c0, double a1, double p1) {
        return new GaitTerm(c0, a1, p1, 0, 1);
    }

    GaitTerm opposite(boolean mirrored) {
        return new GaitTerm(c0, a1, p1, shift + Math.PI, mirrored ? -sign : sign);
    }

    double at(double phase) {
        return sign * (c0 + a1 * StrictMath.sin(phase + shift + p1));
    }
}
