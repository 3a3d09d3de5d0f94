package org.hcert.adapters.safety;

import java.util.Objects;
import org.hcert.adapters.Command;
import org.hcert.adapters.RobotLink;

/**
 * Let motion commands through only when motion is allowed for the run and the operator has
 * confirmed, and cap their speeds to the limits. A software stop always passes. Thread-safe.
 */
public final class MotionInterlock {

    private final MotionLimits limits;
    private final boolean motionAllowed;
    private volatile boolean confirmed;

    /**
     * @param limits the speed caps
     * @param motionAllowed whether this run may move the robot at all (the lab's or the command
     *     line's decision); when false, no confirmation unlocks motion
     */
    public MotionInterlock(MotionLimits limits, boolean motionAllowed) {
        this.limits = Objects.requireNonNull(limits, "limits must not be null");
        this.motionAllowed = motionAllowed;
    }

    /**
     * Ask the operator to confirm that the robot may move, and remember the answer.
     *
     * @return whether motion is now unlocked
     */
    public boolean confirm(Operator operator) {
        if (!motionAllowed) {
            return false;
        }
        confirmed = operator.confirm("The robot will move under hcert's command (%s). Is the test area clear and the emergency stop within reach?"
                .formatted(limits));
        return confirmed;
    }

    /** Lock motion again until the next confirmation. */
    public void revoke() {
        confirmed = false;
    }

    /**
     * Check a command and cap its speeds.
     *
     * @return the command to send: the same one, or one with capped speeds
     * @throws MotionRefusedException when motion is not allowed or not confirmed, or a value is not finite
     */
    public Command vet(Command command) {
        if (!command.moves()) {
            return command;
        }
        if (!motionAllowed) {
            throw new MotionRefusedException("%s command refused: motion is not allowed for this run; allow it in the lab profile or on the command line"
                    .formatted(command.name()));
        }
        if (!confirmed) {
            throw new MotionRefusedException("%s command refused: the operator has not confirmed that the robot may move"
                    .formatted(command.name()));
        }
        return Caps.apply(command, limits);
    }

    /** Wrap a link so that every command it sends passes {@link #vet}. */
    public RobotLink guard(RobotLink link) {
        return new InterlockedLink(link, this);
    }
}
