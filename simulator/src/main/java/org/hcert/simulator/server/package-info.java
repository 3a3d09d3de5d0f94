/**
 * The simulator as a live robot: {@link org.hcert.simulator.server.SimulatorServer} serves one
 * {@link org.hcert.simulator.VirtualHumanoid} over the wire protocol (TCP or a serial line) to one
 * harness at a time, in real time, with the model's faults and the transport faults, and stops the
 * robot on its own when the harness goes quiet (the robot-side deadman).
 */
@NullMarked
package org.hcert.simulator.server;

import org.jspecify.annotations.NullMarked;
