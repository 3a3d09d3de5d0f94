package org.hcert.simulator.demo;

/** The noise-free motion of HC-1 over the timeline. */
interface Motion {

    /** The state at time t, s since the start of the recording. */
    BodyState at(double t);
}
