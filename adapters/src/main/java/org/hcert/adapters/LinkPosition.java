package org.hcert.adapters;

import java.time.Instant;

/**
 * Where a link stood when something happened: its URI (token redacted), the last sequence number
 * received from the robot and when.
 *
 * @param uri the link URI with any token redacted
 * @param lastSeq the last sequence number received from the robot, or -1 when none was
 * @param atNs when that frame arrived (or the link opened, when none did), harness clock,
 *     nanoseconds since the Unix epoch
 */
public record LinkPosition(String uri, long lastSeq, long atNs) {

    /** Describe the last frame for an error message. */
    String describeLast() {
        String at = Instant.ofEpochSecond(0, atNs).toString();
        return lastSeq < 0 ? "no frame received since the link opened at " + at
                : "last sequence number %d, received at %s".formatted(lastSeq, at);
    }
}
