package org.hcert.simulator.recording;

import org.hcert.simulator.Command;
import org.hcert.simulator.OperatingMode;
import org.hcert.simulator.SafetyFaultKind;
import org.hcert.simulator.Side;

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

    /** The catalogue script ends at 41.000 s. */
    static final long CATALOGUE_END_MS = 41_000;

    /**
     * The script of {@code catalogue.mcap}: the bundled script's first ten seconds, with the e-stop
     * released before its reset, then one of each other stop and power event, each from a walk or
     * while standing, and a hand moved in manual reduced-speed mode, so that every clause of the
     * bundled catalogue that a recording can show has its evidence in one run:
     *
     * <ul>
     *   <li>0.2 s start; 0.5 s the elbow test motion (LC-JNT-01); 1.25 s walk at 0.5 m/s;
     *   <li>5.0 s e-stop while walking (SE-ESTOP-01, SE-BAL-01); 6.5 s its actuator released, the stop
     *       stays latched (SE-ESTOP-03); 8.5 s reset without start (SE-ESTOP-02); 10.0 s start;
     *   <li>10.5 s walk; 14.5 s protective stop (SE-PSTOP-01), released at 16.0 s; 16.5 s start;
     *   <li>17.0 s walk; 21.0 s normal stop (SE-NSTOP-01); 22.5 s start;
     *   <li>23.0 s walk; 25.0 s a safety fault (encoder dropout) is injected (SE-STOP-07), removed at
     *       26.5 s, reset at 27.0 s; 27.5 s start;
     *   <li>28.5 s a safety fault is injected while standing; 29.0 s drive power cut (SE-BAL-02) and
     *       restored at 30.0 s: the self-test fails on the fault and the drives stay off (SE-FS-03);
     *       31.0 s the fault removed (the power cycle cleared its latch); 31.5 s power cut again and restored at 32.0 s:
     *       the self-test passes, and nothing moves before the start at 34.0 s (SE-STOP-08);
     *   <li>34.5 s manual reduced-speed mode; 35.0 s the left hand is commanded at 0.5 m/s, faster than
     *       the mode's 250 mm/s (SE-SPD-01, SE-SPD-02), and at 37.0 s back; 38.6 s automatic mode;
     *   <li>41.0 s the end.
     * </ul>
     *
     * The three walks from standstill of at least 4 s are the trials of CM-LOC-01.
     */
    static final Scenario CATALOGUE = Scenario.until(CATALOGUE_END_MS)
            .at(200, new Command.Start())
            .at(500, new Command.MoveJoint(TEST_JOINT, TEST_TARGET_RAD, TEST_SPEED_RAD_S))
            .at(1_250, new Command.Walk(WALK_SPEED_MPS, 0, 0))
            .at(2_750, new Command.MoveJoint(TEST_JOINT, TEST_MIDDLE_RAD, TEST_SPEED_RAD_S))
            .at(ESTOP_MS, new Command.EmergencyStop())
            .at(6_500, new Command.ReleaseEmergencyStop())
            .at(RESET_MS, new Command.Reset())
            .at(10_000, new Command.Start())
            .at(10_500, new Command.Walk(WALK_SPEED_MPS, 0, 0))
            .at(14_500, new Command.ProtectiveStop(true))
            .at(16_000, new Command.ProtectiveStop(false))
            .at(16_500, new Command.Start())
            .at(17_000, new Command.Walk(WALK_SPEED_MPS, 0, 0))
            .at(21_000, new Command.Stop())
            .at(22_500, new Command.Start())
            .at(23_000, new Command.Walk(WALK_SPEED_MPS, 0, 0))
            .at(25_000, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true))
            .at(26_500, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, false))
            .at(27_000, new Command.Reset())
            .at(27_500, new Command.Start())
            .at(28_500, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true))
            .at(29_000, new Command.DrivePower(false))
            .at(30_000, new Command.DrivePower(true))
            .at(31_000, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, false))
            .at(31_500, new Command.DrivePower(false))
            .at(32_000, new Command.DrivePower(true))
            .at(34_000, new Command.Start())
            .at(34_500, new Command.SetMode(OperatingMode.MANUAL_REDUCED))
            .at(35_000, new Command.MoveHand(Side.LEFT, 0.25, -0.53, 0.5))
            .at(37_000, new Command.MoveHand(Side.LEFT, 0.10, -0.58, 0.5))
            .at(38_600, new Command.SetMode(OperatingMode.AUTO));

    private Script() {}
}
