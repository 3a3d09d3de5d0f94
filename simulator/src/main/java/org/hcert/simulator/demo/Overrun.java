package org.hcert.simulator.demo;

/**
 * The largest excursion of a joint beyond its position limit.
 *
 * @param joint the joint's name
 * @param overrunRad how far beyond the limit it went at the peak, rad
 * @param peakRad the joint position at the peak, rad
 * @param timeNs time of the peak, ns since the Unix epoch
 * @param durationMs how long the joint stayed beyond the limit, ms
 */
record Overrun(String joint, double overrunRad, double peakRad, long timeNs, long durationMs) {}
