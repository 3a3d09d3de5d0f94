package org.hcert.simulator;

/** An event the robot reports on {@code /events} (kinds as in {@link org.hcert.telemetry.EventSample}). */
record RobotEvent(long simNs, String kind, String detail) {}
