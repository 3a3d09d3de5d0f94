/**
 * The virtual humanoid HC-1 as a deterministic simulation, for live runs of hcert without a robot.
 *
 * <p>{@link org.hcert.simulator.VirtualHumanoid} is the public face: the caller advances it with
 * {@code step(dtNs)} (no wall clock; {@link org.hcert.simulator.RealTimePacer} paces it for serving),
 * sends {@link org.hcert.simulator.Command}s, pulls telemetry as {@link org.hcert.telemetry.Message}s in
 * the NDJSON/ROS JSON shapes hcert reads, injects faults through
 * {@link org.hcert.simulator.FaultInjector}, and reads the {@link org.hcert.simulator.TrueState} that a
 * test compares hcert's measurements against. Everything else (joint servos, the linear inverted
 * pendulum, footsteps, the topple, contact, battery, heating, telemetry) is package-private.
 * {@link org.hcert.simulator.recording} runs this same model through a script to make the bundled
 * recordings.
 */
@NullMarked
package org.hcert.simulator;

import org.jspecify.annotations.NullMarked;
