package org.hcert.simulator;

/** Whether the virtual humanoid accepted a command, and why not. */
public record CommandResult(boolean accepted, String detail) {

    static CommandResult ok() {
        return new CommandResult(true, "");
    }

    static CommandResult refused(String reason) {
        return new CommandResult(false, reason);
    }
}
