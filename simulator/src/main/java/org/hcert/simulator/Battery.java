package org.hcert.simulator;

/**
 * A 48 V class lithium-ion pack: open-circuit voltage V_oc = 44 V + 8.4 V·SoC, internal resistance
 * R; the load draws power P, so the current solves P = (V_oc − I·R)·I and the terminal voltage sags
 * to V_oc − I·R. State of charge falls by I·dt/capacity. The pack's temperature is constant
 * ({@link #TEMPERATURE_C}) unless a fault heats it. Volts, amperes, ampere-hours, watts, °C. The
 * numbers, and the pack's ratings declared in {@code hc1-demo.yaml} ({@link #MAX_TEMPERATURE_C} …),
 * are simulator parameters.
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
    /** The pack's temperature, °C. */
    static final double TEMPERATURE_C = 31.0;
    /** Ratings declared as {@code batteryMaxTemperature}, {@code batteryMinTemperature}, °C. */
    static final double MAX_TEMPERATURE_C = 60.0;
    static final double MIN_TEMPERATURE_C = 0.0;
    /** Ratings declared as {@code batteryMaxVoltage} (full charge, no load) and {@code batteryMinVoltage}, V. */
    static final double MAX_VOLTAGE_V = EMPTY_V + SPAN_V;
    static final double MIN_VOLTAGE_V = 40.0;
    /** Ratings declared as {@code batteryMaxChargeCurrent} and {@code batteryMaxDischargeCurrent}, A. */
    static final double MAX_CHARGE_A = 10.0;
    static final double MAX_DISCHARGE_A = 80.0;

    private double stateOfCharge;
    private double currentA;
    private double temperatureC = TEMPERATURE_C;

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

    /** The temperature a fault heats the pack to, °C. */
    static final double OVERHEAT_CEILING_C = 90.0;

    /** Heat the pack by {@code ratePerS} K/s for dt seconds (a failing cell, a fault), up to {@link #OVERHEAT_CEILING_C}. */
    void heat(double dt, double ratePerS) {
        temperatureC = Math.max(temperatureC, Math.min(OVERHEAT_CEILING_C, temperatureC + ratePerS * dt));
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

    /** The pack's temperature, °C. */
    double temperatureC() {
        return temperatureC;
    }
}
