package org.hcert.simulator.demo;

/**
 * A 48 V class lithium-ion pack discharged by the robot's electrical power: open-circuit voltage
 * rises linearly with charge, internal resistance drops the terminal voltage under load, and the
 * pack warms with the energy drawn. Volts, amperes, ampere-hours, °C.
 */
final class Battery {

    static final double CAPACITY_AH = 10.0;
    private static final double EMPTY_V = 44.0;
    private static final double SPAN_V = 8.4;
    private static final double RESISTANCE_OHM = 0.045;
    private static final double START_TEMPERATURE_C = 31.0;
    private static final double WARMING_C_PER_J = 1e-4;

    private double chargeAh = 0.82 * CAPACITY_AH;
    private double currentA;
    private double energyJ;

    /** Draw {@code powerW} watts for {@code dtS} seconds. */
    void draw(double powerW, double dtS) {
        currentA = -powerW / openCircuitV();
        chargeAh += currentA * dtS / 3600;
        energyJ += powerW * dtS;
    }

    private double openCircuitV() {
        return EMPTY_V + SPAN_V * chargeAh / CAPACITY_AH;
    }

    /** A sensor_msgs/msg/BatteryState body; {@code currentNoiseA} is added to the reported current. */
    JsonObject message(long tNs, double currentNoiseA) {
        double current = currentA + currentNoiseA;
        return new JsonObject().put("header", RosMessages.header(tNs, "battery"))
                .put("voltage", openCircuitV() + RESISTANCE_OHM * current, 3)
                .put("temperature", START_TEMPERATURE_C + WARMING_C_PER_J * energyJ, 2)
                .put("current", current, 3).put("charge", chargeAh, 4).put("capacity", CAPACITY_AH, 1)
                .put("design_capacity", CAPACITY_AH, 1).put("percentage", chargeAh / CAPACITY_AH, 5)
                .put("power_supply_status", 2).put("power_supply_health", 1).put("power_supply_technology", 2)
                .put("present", true).putNumbers("cell_voltage", new double[0], 3)
                .putNumbers("cell_temperature", new double[0], 2).put("location", "torso")
                .put("serial_number", "HC1-DEMO-0001");
    }
}
