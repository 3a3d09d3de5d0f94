package org.hcert.telemetry;

/**
 * Battery pack state as in {@code sensor_msgs/msg/BatteryState}: voltage (V), current (A, negative
 * while discharging), state of charge in [0, 1] (NaN when unknown), temperature (°C, NaN when unknown).
 */
public record BatterySample(
        long tNs, String topic, double voltageV, double currentA, double stateOfCharge, double temperatureDegC)
        implements Sample {}
