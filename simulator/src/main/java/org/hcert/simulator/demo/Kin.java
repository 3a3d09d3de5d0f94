package org.hcert.simulator.demo;

/**
 * One coordinate with its first two time derivatives: position (m or rad), rate (per s) and
 * acceleration (per s²).
 */
record Kin(double p, double v, double a) {

    static final Kin ZERO = new Kin(0, 0, 0);

    static Kin constant(double p) {
        return new Kin(p, 0, 0);
    }

    Kin plus(Kin o) {
        return new Kin(p + o.p, v + o.v, a + o.a);
    }

    Kin times(double k) {
        return new Kin(p * k, v * k, a * k);
    }

    /** Multiply two trajectories with the product rule. */
    Kin times(Kin o) {
        return new Kin(p * o.p, v * o.p + p * o.v, a * o.p + 2 * v * o.v + p * o.a);
    }

    /**
     * Settle from {@code p0} moving at {@code v0} with a rate that decays as exp(-dt/tau): the
     * motion of a body brought to rest by viscous friction.
     */
    static Kin decay(double p0, double v0, double tauS, double dtS) {
        double e = StrictMath.exp(-dtS / tauS);
        return new Kin(p0 + v0 * tauS * (1 - e), v0 * e, -v0 / tauS * e);
    }
}
