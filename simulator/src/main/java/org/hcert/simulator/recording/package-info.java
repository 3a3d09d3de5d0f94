/**
 * The bundled recordings of {@code samples/recordings/}, made by the live model.
 *
 * <p>{@link org.hcert.simulator.recording.BundledRecordings} is the public face: it runs the same
 * {@link org.hcert.simulator.VirtualHumanoid} that {@code hcert simulate} serves through one fixed
 * script (stand, start, the joint-limit test motion, walk, e-stop, reset without start) on a
 * simulated clock, once per variant (no fault, or one of the simulator's faults), and writes what
 * the robot published as NDJSON and what really happened, from the model's true state, as a
 * {@code <name>.truth.json} file beside it.
 */
@NullMarked
package org.hcert.simulator.recording;

import org.jspecify.annotations.NullMarked;
