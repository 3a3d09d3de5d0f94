package org.hcert.simulator.demo;

/**
 * One joint's gait pattern g(φ) = sign·(c0 + a1·sin(ψ + p1) + a2·sin(2ψ + p2)), ψ = φ + shift, in
 * rad at full walking speed; φ is the gait phase in rad (0 = left heel strike).
 */
record GaitTerm(double c0, double a1, double p1, double a2, double p2, double shift, double sign) {

    static final GaitTerm NONE = new GaitTerm(0, 0, 0, 0, 0, 0, 1);

    static GaitTerm of(double c0, double a1, double p1, double a2, double p2) {
        return new GaitTerm(c0, a1, p1, a2, p2, 0, 1);
    }

    /** The same pattern half a stride later; mirrored in sign for roll and yaw joints. */
    GaitTerm opposite(boolean mirrored) {
        return new GaitTerm(c0, a1, p1, a2, p2, shift + StrictMath.PI, mirrored ? -sign : sign);
    }

    /** Evaluate g, dg/dφ and d²g/dφ² at phase φ. */
    Kin at(double phase) {
        double psi = phase + shift;
        double s1 = StrictMath.sin(psi + p1);
        double s2 = StrictMath.sin(2 * psi + p2);
        double g = c0 + a1 * s1 + a2 * s2;
        double dg = a1 * StrictMath.cos(psi + p1) + 2 * a2 * StrictMath.cos(2 * psi + p2);
        double ddg = -a1 * s1 - 4 * a2 * s2;
        return new Kin(sign * g, sign * dg, sign * ddg);
    }
}
