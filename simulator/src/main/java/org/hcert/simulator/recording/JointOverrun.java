package org.hcert.simulator.recording;

/**
 * The largest true excursion of a joint beyond its declared soft limit in a run.
 *
 * @param joint the joint's name
 * @param overrunRad how far beyond the limit it went, rad
 * @param peakRad its position then, rad
 * @param timeNs when, ns since the Unix epoch (robot clock)
 * @param durationMs for how long that joint was beyond a limit in all, ms
 */
record JointOverrun(String joint, double overrunRad, double peakRad, long timeNs, long durationMs) {}
