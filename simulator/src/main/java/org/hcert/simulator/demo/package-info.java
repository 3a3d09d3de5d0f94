/**
 * Deterministic, physically plausible demo recordings of the virtual biped HC-1.
 *
 * <p>{@link org.hcert.simulator.demo.DemoRecordings} is the public face: it writes the bundled
 * NDJSON recordings and their ground-truth files. Everything else is a small kinematic model
 * (gait, speed profile, fall dynamics) and the code that samples it into ROS-shaped messages.
 */
@NullMarked
package org.hcert.simulator.demo;

import org.jspecify.annotations.NullMarked;
