package org.hcert.simulator;

/**
 * A 48 V class lithium-ion pack: open-circuit voltage V_oc = 44 V + 8.4 V·SoC, internal resistance
 * R; the load draws power P, so the current solves P = (V_oc − I·R)·I and the terminal voltage sags
 * to V_oc − I·R. State of charge falls by I·dt/capacity. Volts, amperes, ampere-hours, watts. The
 * numbers are simulator parameters.
 */
final class Battery {

    static final double CAPACITY_AH = 10.0;
    static final double EMPTY_V = 44.0;
    static final double SPAN_V = 8.4;
    static final double RESISTANCE_OHM = 0.045;
    /** Computers and sensors, W; holding posture with the drives on, W; drive efficiency. */
    static final double IDLE_W = 60;
    static final double HOLD_W = 180;
    static final double DRIVE_EFFICIENCY = 0.85;

    private double stateOfCharge;
    private double currentA;

    Battery(double stateOfCharge) {
        this.stateOfCharge = stateOfCharge;
    }

    /** Draw {@code powerW} for dt seconds. */
    void draw(double powerW, double dt) {
        double voc = openCircuitV();
        double disc = voc * voc - 4 * RESISTANCE_OHM * powerW;
        currentA = disc > 0 ? (voc - Math.sqrt(disc)) / (2 * RESISTANCE_OHM) : voc / (2 * RESISTANCE_OHM);
        stateOfCharge = Math.max(0, stateOfCharge - currentA * dt / 3600 / CAPACITY_AH);
    }

    double openCircuitV() {
        return EMPTY_V + SPAN_V * stateOfCharge;
    }

    /** Terminal voltage under the present load, V. */
    double voltageV() {
        return openCircuitV() - currentA * RESISTANCE_OHM;
    }

    /** Discharge current, A (positive while discharging; ROS publishes it negative). */
    double currentA() {
        return currentA;
    }

    double stateOfCharge() {
        return stateOfCharge;
    }
}
