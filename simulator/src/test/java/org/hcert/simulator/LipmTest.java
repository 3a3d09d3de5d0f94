package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LipmTest {

    private static final double HEIGHT_M = 0.92;
    private static final double TOLERANCE_M = 1e-9;

    @Test
    void followsTheCoshSinhSolutionForAConstantZmp() {
        Lipm lipm = new Lipm(HEIGHT_M, 0.05);
        lipm.set(0.05, 0.3);
        double zmp = 0.02;
        double omega = Math.sqrt(Lipm.GRAVITY_M_S2 / HEIGHT_M);
        for (int i = 1; i <= 800; i++) {
            lipm.advance(0.001, zmp);
            double t = i * 0.001;
            double expected = zmp + (0.05 - zmp) * Math.cosh(omega * t) + 0.3 / omega * Math.sinh(omega * t);
            double expectedV = (0.05 - zmp) * omega * Math.sinh(omega * t) + 0.3 * Math.cosh(omega * t);
            assertThat(lipm.position()).as("CoM at %.3f s", t).isCloseTo(expected, within(TOLERANCE_M));
            assertThat(lipm.velocity()).as("CoM velocity at %.3f s", t).isCloseTo(expectedV, within(TOLERANCE_M));
        }
    }

    @Test
    void capturePointDivergesFromTheZmpAtOmega() {
        Lipm lipm = new Lipm(HEIGHT_M, 0);
        lipm.set(0, 0.4);
        double xi0 = lipm.capturePoint();
        lipm.advance(0.5, 0.1);
        double omega = lipm.omega();

        assertThat(xi0).isCloseTo(0.4 / omega, within(TOLERANCE_M));
        assertThat(lipm.capturePoint()).isCloseTo(0.1 + (xi0 - 0.1) * Math.exp(omega * 0.5), within(TOLERANCE_M));
    }

    @Test
    void comesToRestOverTheZmpWhenTheZmpSitsOnTheCapturePoint() {
        Lipm lipm = new Lipm(HEIGHT_M, 0);
        lipm.set(0, 0.5);
        double xi = lipm.capturePoint();
        for (int i = 0; i < 5000; i++) {
            lipm.advance(0.001, xi);
        }
        assertThat(lipm.position()).isCloseTo(xi, within(1e-6));
        assertThat(lipm.velocity()).isCloseTo(0, within(1e-6));
    }
}
