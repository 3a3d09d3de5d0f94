package org.hcert.simulator.demo;

/**
 * Forward speed of the base over the timeline: standing, a ramp up to walking speed, walking, and
 * from the e-stop a ramp down to rest over {@code stopDurationS}. Ramps are quintic smoothsteps,
 * so acceleration is continuous. Position is the exact integral of speed (m, m/s, m/s², m/s³).
 */
record SpeedProfile(double stopDurationS) {

    private static final double V = Timeline.WALK_SPEED_M_S;
    private static final double T0 = Timeline.WALK_START_S;
    private static final double R = Timeline.RAMP_S;
    private static final double TE = Timeline.ESTOP_S;

    /** Speed scale s = v / v_walk in [0, 1], with s' (1/s) and s'' (1/s²). */
    Kin scale(double t) {
        if (t < TE) {
            return Smooth.overTime(Smooth.quintic((t - T0) / R), R);
        }
        Kin down = Smooth.overTime(Smooth.quintic((t - TE) / stopDurationS), stopDurationS);
        return new Kin(1 - down.p(), -down.v(), -down.a());
    }

    /** Forward position x (m), speed x' (m/s) and acceleration x'' (m/s²) at time t. */
    Kin forward(double t) {
        Kin s = scale(t);
        return new Kin(position(t), V * s.p(), V * s.v());
    }

    private double position(double t) {
        if (t < TE) {
            return V * (R * rampIntegral((t - T0) / R) + Math.max(0, t - T0 - R));
        }
        double u = Math.min(1, (t - TE) / stopDurationS);
        double cruiseEnd = V * (R / 2 + TE - T0 - R);
        return cruiseEnd + V * stopDurationS * (u - rampIntegral(u));
    }

    /** ∫₀ᵘ (10w³ - 15w⁴ + 6w⁵) dw, for u clamped to [0, 1]. */
    private static double rampIntegral(double u) {
        double c = Math.max(0, Math.min(1, u));
        return c * c * c * c * (2.5 - 3 * c + c * c);
    }
}
