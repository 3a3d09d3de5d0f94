package org.hcert.simulator;

import java.util.List;

/**
 * First-order thermal model of one actuator: C·dT/dt = P_cu − (T − T_amb)/R, with copper loss
 * P_cu = {@link #LOSS_AT_MAX_TORQUE_W}·(τ/τ_max)². °C, W, J/K, K/W. The numbers are simulator
 * parameters (a time constant of C·R = 160 s), not data of any actuator.
 *
 * <p>HC-1's actuators are rated for {@link #MAX_WINDING_C} °C. Held at its torque limit an
 * actuator settles at T_amb + 150 W · 0.4 K/W = 85 °C, so its continuous rating is
 * {@link #CONTINUOUS_SHARE} of the torque limit (79.2 °C at the 5 s RMS of that torque), declared in
 * {@code hc1-demo.yaml}.
 *
 * <p>Surfaces people can touch ({@link #SURFACES}) sit on an actuator's housing and follow its
 * temperature: T_s = T_amb + k·(T_actuator − T_amb), k the share of the housing's rise that reaches
 * the surface (a simulator parameter).
 */
final class Thermal {

    static final double AMBIENT_C = 25.0;
    static final double LOSS_AT_MAX_TORQUE_W = 150.0;
    static final double HEAT_CAPACITY_J_K = 400.0;
    static final double RESISTANCE_K_W = 0.4;
    /** The temperature HC-1's actuators are rated for, °C (declared as {@code maxTemperature}). */
    static final double MAX_WINDING_C = 80.0;
    /** The continuous effort rating as a share of the torque limit (declared per joint as {@code continuousEffort}). */
    static final double CONTINUOUS_SHARE = 0.95;
    /** The joint whose actuator heats under the {@code overheating-actuator} fault: one without a touchable surface on it. */
    static final String OVERHEATING_JOINT = "left_hip_pitch";
    /** The temperature a failed cooling heats an actuator to, °C. */
    static final double OVERHEAT_CEILING_C = 120.0;

    /**
     * A touchable surface on an actuator's housing.
     *
     * @param frame the frame_id of its temperature on {@code /temperatures}
     * @param actuator the joint whose actuator lies beneath it
     * @param coupling the share of the actuator's rise above ambient that reaches the surface
     */
    record Surface(String frame, String actuator, double coupling) {}

    /** HC-1's surfaces: the palms (held in a handover), the knee covers and the torso cover (touched briefly). */
    static final List<Surface> SURFACES = List.of(
            new Surface("left_palm", "left_elbow", 0.3), new Surface("right_palm", "right_elbow", 0.3),
            new Surface("left_knee_cover", "left_knee", 0.6), new Surface("right_knee_cover", "right_knee", 0.6),
            new Surface("torso_cover", "torso_yaw", 0.5));

    private double temperatureC = AMBIENT_C;

    void step(double dt, double torqueNm, double maxTorqueNm) {
        double ratio = torqueNm / maxTorqueNm;
        double heat = LOSS_AT_MAX_TORQUE_W * ratio * ratio;
        double cooling = (temperatureC - AMBIENT_C) / RESISTANCE_K_W;
        temperatureC += dt * (heat - cooling) / HEAT_CAPACITY_J_K;
    }

    /** Heat by {@code ratePerS} K/s for dt seconds on top of the model (a failed cooling, a fault), up to {@code ceilingC}. */
    void heat(double dt, double ratePerS, double ceilingC) {
        temperatureC = Math.max(temperatureC, Math.min(ceilingC, temperatureC + ratePerS * dt));
    }

    /** Copper loss at this torque, W. */
    static double lossW(double torqueNm, double maxTorqueNm) {
        double ratio = torqueNm / maxTorqueNm;
        return LOSS_AT_MAX_TORQUE_W * ratio * ratio;
    }

    /** The temperature of a surface with {@code coupling} on an actuator at {@code actuatorC}, °C. */
    static double surfaceC(double actuatorC, double coupling) {
        return AMBIENT_C + coupling * (actuatorC - AMBIENT_C);
    }

    double temperatureC() {
        return temperatureC;
    }
}
