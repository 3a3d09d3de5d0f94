/**
 * {@code EchoRobot}: a minimal robot-side peer speaking the wire protocol through
 * {@code RobotSession}, with faults on demand (silence, sequence gaps, corrupt frames, refused or
 * unanswered commands, hang-up). This module's link contract tests and timing tests run against
 * it; the simulator's server does not use it (it drives {@code RobotSession} itself). Not a mock:
 * it runs the real codec over a real transport. It is also the shortest example of a robot side
 * built on {@code RobotSession}, for vendors writing a bridge.
 */
@NullMarked
package org.hcert.adapters.testing;

import org.jspecify.annotations.NullMarked;
