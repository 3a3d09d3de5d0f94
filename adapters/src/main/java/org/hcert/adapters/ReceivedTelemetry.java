package org.hcert.adapters;

import org.hcert.telemetry.Message;

/**
 * A telemetry message as it arrived.
 *
 * @param message the message, its log time being the robot's stamp mapped to the harness clock
 * @param seq the frame's sequence number
 * @param robotTimeNs the robot's stamp, robot clock, nanoseconds
 * @param receivedNs when the frame arrived, harness clock, nanoseconds since the Unix epoch
 */
public record ReceivedTelemetry(Message message, long seq, long robotTimeNs, long receivedNs) {}
