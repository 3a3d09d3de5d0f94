package org.hcert.simulator;

import org.hcert.telemetry.Vector3;

/**
 * The force-measuring test dummy in front of one hand: a plane x = d of the pelvis frame (m)
 * backed by the ISO/TS 15066 spring of {@link BodyRegion}. The dummy pushes the hand back with
 * F = k·max(0, x_hand − d) along −x; the arm's joints feel τ_i = −F·∂x_hand/∂q_i.
 */
record Contact(BodyRegion region, double surfaceM) {

    /** Penetration of the hand into the dummy, m (negative = not touching). */
    double penetrationM(Vector3 hand) {
        return hand.x() - surfaceM;
    }

    /** Contact force magnitude, N. */
    double forceN(Vector3 hand) {
        return region.forceN(penetrationM(hand));
    }
}
