package org.hcert.telemetry;

/** A temperature reading in °C from the sensor named by {@code frameId} ({@code sensor_msgs/msg/Temperature}). */
public record TemperatureSample(long tNs, String topic, String frameId, double temperatureDegC) implements Sample {}
