package org.hcert.simulator.demo;

/**
 * A fault added to one joint: a bump h·((1 + cos πu)/2)², u = (t - centre)/halfWidth, of
 * {@code heightRad} centred at {@code centerS}, lasting 2·{@code halfWidthS} in total (rad, s).
 * Position, rate and acceleration are continuous at its ends.
 */
record KneeOverrun(String joint, double centerS, double halfWidthS, double heightRad) {

    /** The bump and its derivatives at time t; zero outside the bump. */
    Kin at(double t) {
        double u = (t - centerS) / halfWidthS;
        if (Math.abs(u) >= 1) {
            return Kin.ZERO;
        }
        double pi = StrictMath.PI;
        double w = halfWidthS;
        Kin c = new Kin((1 + StrictMath.cos(pi * u)) / 2, -pi / 2 * StrictMath.sin(pi * u) / w,
                -pi * pi / 2 * StrictMath.cos(pi * u) / (w * w));
        return c.times(c).times(heightRad);
    }
}
