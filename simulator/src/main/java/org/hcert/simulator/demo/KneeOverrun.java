package org.hcert.simulator.demo;

/**
 * A fault added to one joint: a raised-cosine bump of {@code heightRad} centred at
 * {@code centerS}, lasting 2·{@code halfWidthS} in total (rad, s).
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
        return new Kin(heightRad * (1 + StrictMath.cos(pi * u)) / 2, -heightRad * pi / 2 * StrictMath.sin(pi * u) / w,
                -heightRad * pi * pi / 2 * StrictMath.cos(pi * u) / (w * w));
    }
}
