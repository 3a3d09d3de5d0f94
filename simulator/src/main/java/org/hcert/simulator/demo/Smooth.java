package org.hcert.simulator.demo;

/** Smooth blends from 0 to 1 over u in [0, 1], held constant outside; derivatives are per unit u. */
final class Smooth {

    private Smooth() {}

    /** Raised cosine (1 - cos πu) / 2, with its first and second derivatives in u. */
    static Kin raisedCosine(double u) {
        if (u <= 0) {
            return Kin.ZERO;
        }
        if (u >= 1) {
            return Kin.constant(1);
        }
        double pi = StrictMath.PI;
        return new Kin((1 - StrictMath.cos(pi * u)) / 2, pi / 2 * StrictMath.sin(pi * u),
                pi * pi / 2 * StrictMath.cos(pi * u));
    }

    /** Quintic smoothstep 10u³ - 15u⁴ + 6u⁵: zero rate and acceleration at both ends. */
    static Kin quintic(double u) {
        if (u <= 0) {
            return Kin.ZERO;
        }
        if (u >= 1) {
            return Kin.constant(1);
        }
        double w = 1 - u;
        return new Kin(u * u * u * (10 - 15 * u + 6 * u * u), 30 * u * u * w * w, 60 * u * w * (1 - 2 * u));
    }

    /** Express a blend over u = (t - start) / duration as a trajectory in time t. */
    static Kin overTime(Kin inU, double durationS) {
        return new Kin(inU.p(), inU.v() / durationS, inU.a() / (durationS * durationS));
    }
}
