package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The {@code std_msgs/Header} of one recorded message, as its source wrote it: the stamp (the time
 * the source gave the data, on the source's clock) and the {@code frame_id}. A message type without
 * a header (hcert's {@code SafetyState} and {@code Event}) has none; a header whose stamp is zero is
 * unstamped (ROS leaves an unset stamp at zero, and a header-less body converted to CDR gets one), so
 * its stamp is never read as an instant.
 *
 * @param present whether the message has a header at all
 * @param stampNs the header stamp, ns since the Unix epoch; meaningful only when {@link #stamped()}
 * @param frameId the header's {@code frame_id}, empty when absent
 */
public record MessageHeader(boolean present, long stampNs, String frameId) {

    /** The header of a message that has none. */
    public static final MessageHeader NONE = new MessageHeader(false, 0, "");

    public MessageHeader {
        Objects.requireNonNull(frameId, "frameId must not be null");
    }

    /** Whether the header carries a stamp (present and not zero). */
    public boolean stamped() {
        return present && stampNs != 0;
    }

    /**
     * Read the header of a body in the JSON shape of its ROS definition: {@code header.stamp.sec},
     * {@code header.stamp.nanosec} (ROS 1 stamps are read into that shape too) and
     * {@code header.frame_id}; {@link #NONE} when the body has no {@code header} object. A stamp
     * whose fields are missing or not whole numbers is unstamped, never 0.
     */
    public static MessageHeader of(JsonNode body) {
        JsonNode header = body.path("header");
        if (!header.isObject()) {
            return NONE;
        }
        JsonNode frame = header.path("frame_id");
        String frameId = frame.isTextual() ? frame.textValue() : "";
        JsonNode sec = header.path("stamp").path("sec");
        JsonNode nanosec = header.path("stamp").path("nanosec");
        if (!sec.isIntegralNumber() || !nanosec.isIntegralNumber()) {
            return new MessageHeader(true, 0, frameId);
        }
        return new MessageHeader(true, stampNs(sec.longValue(), nanosec.longValue()), frameId);
    }

    /** {@code sec} seconds and {@code nanosec} nanoseconds as ns since the epoch. */
    public static long stampNs(long sec, long nanosec) {
        return sec * 1_000_000_000L + nanosec;
    }
}
