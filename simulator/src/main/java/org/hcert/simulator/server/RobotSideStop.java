package org.hcert.simulator.server;

/**
 * A stop the server commanded on its own (a software stop: the robot-side deadman, a BYE, a lost
 * connection).
 *
 * @param simNs simulator time of the stop, ns (the model's {@code lastStop().triggerNs()})
 * @param reason why, e.g. {@code robot-side deadman: no frame from the harness for 1000 ms}
 */
public record RobotSideStop(long simNs, String reason) {}
