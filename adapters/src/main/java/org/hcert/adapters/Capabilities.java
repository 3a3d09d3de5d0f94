package org.hcert.adapters;

import java.util.List;
import java.util.Map;

/**
 * What the robot said about itself in its CAPABILITIES frame.
 *
 * @param protocol the protocol version it speaks
 * @param robot its identity, e.g. {@code ACME H1 s/n 0042 fw 3.2.1}
 * @param commands the command names it accepts
 * @param topics the telemetry it will send: topic to message type
 */
public record Capabilities(int protocol, String robot, List<String> commands, Map<String, String> topics) {

    public Capabilities {
        commands = List.copyOf(commands);
        topics = Map.copyOf(topics);
    }
}
