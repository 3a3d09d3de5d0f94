package org.hcert.simulator.demo;

/**
 * The forward fall after the drives are cut: an inverted pendulum (point mass at the pelvis,
 * massless leg) pivoting at the stance foot, whose leg shortens as the limp knees fold.
 *
 * <p>In polar coordinates (leg length r, angle θ from the vertical) the tangential equation is
 * r·θ'' + 2·r'·θ' = g·sin θ, with r(t) prescribed: it shortens by {@link #COLLAPSE_M} along a
 * quintic over {@link #COLLAPSE_S}. A rigid leg of 0.92 m would need over 0.6 s to reach the
 * ground from walking; the folding knees are what bring a limp biped down in about 0.45 s. The
 * equation is integrated with RK4 at {@link #STEP_S} until the pelvis is {@link #CONTACT_HEIGHT_M}
 * above the ground; the ground then absorbs the remaining rotation with an exponentially decaying
 * rate (time constant {@link #IMPACT_TAU_S}). Angles in rad, lengths in m, times in s since the cut.
 */
final class FallDynamics {

    static final double GRAVITY_M_S2 = 9.81;
    static final double COLLAPSE_M = 0.40;
    static final double COLLAPSE_S = 0.40;
    static final double CONTACT_HEIGHT_M = 0.15;
    static final double IMPACT_TAU_S = 0.012;
    static final double STEP_S = 1e-4;
    private static final int MAX_STEPS = 20_000;

    /** Time constant with which the leg's initial stretching rate dies out, s. */
    static final double STRETCH_TAU_S = 0.05;

    private final double r0;
    private final double stretchRate0;
    private final double[] theta = new double[MAX_STEPS + 1];
    private final double[] rate = new double[MAX_STEPS + 1];
    private final int contactStep;

    /**
     * Start the fall from leg angle theta0 (rad), its rate (rad/s), leg length (m) and the rate at
     * which the leg is lengthening (m/s).
     */
    FallDynamics(double theta0, double rate0, double legLength0, double stretchRate0) {
        this.r0 = legLength0;
        this.stretchRate0 = stretchRate0;
        theta[0] = theta0;
        rate[0] = rate0;
        int i = 0;
        while (radius(i * STEP_S).p() * StrictMath.cos(theta[i]) > CONTACT_HEIGHT_M) {
            if (i == MAX_STEPS) {
                throw new IllegalStateException("the fall did not reach the ground within %.1f s"
                        .formatted(MAX_STEPS * STEP_S));
            }
            step(i++);
        }
        contactStep = i;
    }

    private void step(int i) {
        double t = i * STEP_S;
        double h = STEP_S;
        double th = theta[i];
        double w = rate[i];
        double k1 = accel(t, th, w);
        double k2 = accel(t + h / 2, th + h / 2 * w, w + h / 2 * k1);
        double k3 = accel(t + h / 2, th + h / 2 * (w + h / 2 * k1), w + h / 2 * k2);
        double k4 = accel(t + h, th + h * (w + h / 2 * k2), w + h * k3);
        theta[i + 1] = th + h * w + h * h / 6 * (k1 + k2 + k3);
        rate[i + 1] = w + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }

    private double accel(double t, double th, double w) {
        Kin r = radius(t);
        return (GRAVITY_M_S2 * StrictMath.sin(th) - 2 * r.v() * w) / r.p();
    }

    /** Leg length r with its rates at time t since the cut. */
    Kin radius(double t) {
        Kin collapse = Smooth.overTime(Smooth.quintic(t / COLLAPSE_S), COLLAPSE_S).times(-COLLAPSE_M);
        return Kin.decay(r0, stretchRate0, STRETCH_TAU_S, t).plus(collapse);
    }

    /** Time of ground contact, s since the cut. */
    double contactS() {
        return contactStep * STEP_S;
    }

    /** Leg angle θ from the vertical with its rates; t must lie on the {@link #STEP_S} grid. */
    Kin theta(double t) {
        int i = (int) StrictMath.round(t / STEP_S);
        if (i >= contactStep) {
            return Kin.decay(theta[contactStep], rate[contactStep], IMPACT_TAU_S, t - contactS());
        }
        return new Kin(theta[i], rate[i], accel(i * STEP_S, theta[i], rate[i]));
    }
}
