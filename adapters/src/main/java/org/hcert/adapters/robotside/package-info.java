/**
 * The robot side of the wire protocol: {@link org.hcert.adapters.robotside.RobotSession} answers
 * the hello, pings and commands and publishes telemetry over a
 * {@link org.hcert.adapters.wire.Transport}; a {@link org.hcert.adapters.robotside.RobotSession.Handler}
 * decides the commands. Used by the test peer {@code EchoRobot} and by the simulator's server, and
 * a reference for vendors writing a bridge.
 */
@NullMarked
package org.hcert.adapters.robotside;

import org.jspecify.annotations.NullMarked;
