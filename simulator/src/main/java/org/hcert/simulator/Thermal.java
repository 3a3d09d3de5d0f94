package org.hcert.simulator;

/**
 * First-order thermal model of one actuator: C·dT/dt = P_cu − (T − T_amb)/R, with copper loss
 * P_cu = {@link #LOSS_AT_MAX_TORQUE_W}·(τ/τ_max)². °C, W, J/K, K/W. The numbers are simulator
 * parameters (a time constant of C·R = 160 s), not data of any actuator.
 */
final class Thermal {

    static final double AMBIENT_C = 25.0;
    static final double LOSS_AT_MAX_TORQUE_W = 150.0;
    static final double HEAT_CAPACITY_J_K = 400.0;
    static final double RESISTANCE_K_W = 0.4;

    private double temperatureC = AMBIENT_C;

    void step(double dt, double torqueNm, double maxTorqueNm) {
        double ratio = torqueNm / maxTorqueNm;
        double heat = LOSS_AT_MAX_TORQUE_W * ratio * ratio;
        double cooling = (temperatureC - AMBIENT_C) / RESISTANCE_K_W;
        temperatureC += dt * (heat - cooling) / HEAT_CAPACITY_J_K;
    }

    /** Copper loss at this torque, W. */
    static double lossW(double torqueNm, double maxTorqueNm) {
        double ratio = torqueNm / maxTorqueNm;
        return LOSS_AT_MAX_TORQUE_W * ratio * ratio;
    }

    double temperatureC() {
        return temperatureC;
    }
}
