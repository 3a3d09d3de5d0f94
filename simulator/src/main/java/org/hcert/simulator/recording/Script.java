package org.hcert.simulator.recording;

import org.hcert.simulator.Command;

/**
 * The scenario every bundled recording follows: what the harness (or an operator) tells HC-1, and
 * when, in ms of simulated time from the start of the recording. It does what a live certification
 * does, in one run:
 *
 * <ul>
 *   <li>0.2 s: {@code start} (motion enabled);
 *   <li>0.5 s: the test motion of LC-JNT-01 on the left elbow: to 95 % of its declared range
 *       (0 to 2.4 rad) at 1 rad/s, at 2.75 s back to the middle of the range;
 *   <li>1.25 s: walk forward at 0.5 m/s (reached 0.5 s later; a step takes 0.5 s);
 *   <li>5.0 s: the emergency stop, in the middle of a step; it stays latched;
 *   <li>8.5 s: the e-stop is reset, and no start follows: 1.5 s in which HC-1 must not move;
 *   <li>10.0 s: the end.
 * </ul>
 */
final class Script {

    /** The e-stop is pressed at 5.000 s, and reset at 8.500 s; the recording ends at 10.000 s. */
    static final long ESTOP_MS = 5_000;
    static final long RESET_MS = 8_500;
    static final long END_MS = 10_000;

    /** The joint of the test motion, its target (95 % of 0 to 2.4 rad) and the middle of its range, rad. */
    static final String TEST_JOINT = "left_elbow";
    static final double TEST_TARGET_RAD = 2.28;
    static final double TEST_MIDDLE_RAD = 1.2;
    static final double TEST_SPEED_RAD_S = 1.0;
    /** The walking speed, m/s. */
    static final double WALK_SPEED_MPS = 0.5;

    /** The script without faults, on HC-1 at the recordings' rates. */
    static final Scenario BUNDLED = Scenario.until(END_MS)
            .at(200, new Command.Start())
            .at(500, new Command.MoveJoint(TEST_JOINT, TEST_TARGET_RAD, TEST_SPEED_RAD_S))
            .at(1_250, new Command.Walk(WALK_SPEED_MPS, 0, 0))
            .at(2_750, new Command.MoveJoint(TEST_JOINT, TEST_MIDDLE_RAD, TEST_SPEED_RAD_S))
            .at(ESTOP_MS, new Command.EmergencyStop())
            .at(RESET_MS, new Command.Reset());

    private Script() {}
}
