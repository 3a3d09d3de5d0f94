package org.hcert.adapters;

import java.util.Objects;

/**
 * The robot's answer to a command: an ACK, or a NACK with its reason.
 *
 * @param seq the sequence number of the command answered
 * @param accepted true for an ACK
 * @param reason why the robot refused; empty for an ACK
 * @param robotTimeNs when the robot answered, robot clock, nanoseconds
 */
public record CommandReply(long seq, boolean accepted, String reason, long robotTimeNs) {

    public CommandReply {
        Objects.requireNonNull(reason, "reason must not be null");
    }

    public static CommandReply ack(long seq, long robotTimeNs) {
        return new CommandReply(seq, true, "", robotTimeNs);
    }

    public static CommandReply nack(long seq, String reason, long robotTimeNs) {
        return new CommandReply(seq, false, reason, robotTimeNs);
    }
}
