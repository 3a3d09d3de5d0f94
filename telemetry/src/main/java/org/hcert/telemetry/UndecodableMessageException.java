package org.hcert.telemetry;

/**
 * One message was read whole but its body cannot be decoded (no decoder for its encoding, no
 * definition of its type, a body that does not match its schema). Unlike other format errors, the
 * recording goes on: a reader that only lists or copies other topics may skip this topic and say so.
 */
public final class UndecodableMessageException extends TelemetryFormatException {

    private final String topic;

    public UndecodableMessageException(String location, String topic, String problem, Throwable cause) {
        super(location, problem, cause);
        this.topic = topic;
    }

    /** The topic of the message. */
    public String topic() {
        return topic;
    }
}
