package org.hcert.adapters.wire;

import java.util.Optional;

/** The kind of a frame and its code on the wire (byte 1 of the header). */
public enum FrameType {
    /** Harness to robot: open a session; payload {@code protocol}, {@code client}, optional {@code token}. */
    HELLO(0x01),
    /** Robot to harness: accept a session; payload {@code protocol}, {@code robot}, {@code commands}, {@code topics}. */
    CAPABILITIES(0x02),
    /** Robot to harness: one telemetry message; payload {@code topic}, {@code type}, {@code msg}. */
    TELEMETRY(0x03),
    /** Harness to robot: a command; payload {@code cmd} and its arguments. */
    COMMAND(0x04),
    /** Robot to harness: a command (or hello) was accepted; payload {@code ack}, its sequence number. */
    ACK(0x05),
    /** Robot to harness: a command (or hello) was refused; payload {@code ack} and {@code reason}. */
    NACK(0x06),
    /** Harness to robot: clock exchange and heartbeat; the header time is t1. */
    PING(0x07),
    /** Robot to harness: answer to a ping; payload {@code ping}, {@code t1}, {@code t2}; the header time is t3. */
    PONG(0x08),
    /** Either side: the session ends; optional payload {@code reason}. */
    BYE(0x09);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The code on the wire, 1 to 9. */
    public int code() {
        return code;
    }

    /** The type with this wire code, if any. */
    public static Optional<FrameType> of(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
