package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContactTest {

    private static final double LIMIT_N = RobotDescription.hc1().limits().contactForceLimitN();

    /** The left hand reaching forward at shoulder height presses a dummy 0.50 m ahead (full reach 0.60 m) at 0.3 m/s. */
    private static SimRun pressing(BodyRegion region) {
        return SimRun.hc1().send(new Command.PlaceDummy(Side.LEFT, region, 0.50))
                .send(new Command.MoveHand(Side.LEFT, 0.58, 0.0, 0.3)).run(5.0);
    }

    @ParameterizedTest
    @EnumSource(BodyRegion.class)
    void theContactForceIsTheRegionsSpringConstantTimesThePenetration(BodyRegion region) {
        SimRun r = pressing(region);
        TrueState.Hand hand = r.truth().hand(Side.LEFT);

        assertThat(hand.penetrationM()).isGreaterThan(0);
        assertThat(hand.contactForceN()).isCloseTo(region.springNPerMm() * 1000 * hand.penetrationM(), within(1e-9));
        assertThat(hand.contactForceN()).as("quasi-static force held by PFL").isCloseTo(LIMIT_N, within(2.0));
        assertThat(r.maxForceN[0]).as("peak force on first contact").isLessThan(1.4 * LIMIT_N);
    }

    @Test
    void theTableCarriesTheStandardsNumbers() {
        assertThat(BodyRegion.ABDOMEN.springNPerMm()).isEqualTo(10);
        assertThat(BodyRegion.ABDOMEN.quasiStaticForceN()).isEqualTo(110);
        assertThat(BodyRegion.HANDS_FINGERS.effectiveMassKg()).isEqualTo(0.6);
        assertThat(BodyRegion.CHEST.transientForceN()).hasValue(280);
        assertThat(BodyRegion.FACE.transientForceN()).isEmpty();
        assertThat(BodyRegion.SKULL_FOREHEAD.forceN(0.001)).isCloseTo(150, within(1e-9));
        assertThat(BodyRegion.NECK.forceN(-0.01)).isZero();
    }

    @Test
    void withoutPowerAndForceLimitingTheHandPushesPastTheRegionsLimit() {
        SimRun healthy = pressing(BodyRegion.ABDOMEN);
        SimRun r = SimRun.hc1();
        r.robot.faults().activate("excessive-contact-force");
        r.send(new Command.PlaceDummy(Side.LEFT, BodyRegion.ABDOMEN, 0.50))
                .send(new Command.MoveHand(Side.LEFT, 0.58, 0.0, 0.3)).run(5.0);

        assertThat(healthy.maxForceN[0]).isLessThan(BodyRegion.ABDOMEN.quasiStaticForceN());
        assertThat(r.maxForceN[0]).isGreaterThan(BodyRegion.ABDOMEN.quasiStaticForceN());
    }
}
