package org.hcert.simulator;

import java.util.List;

/** The events a robot published since the last drain, as {@code kind} or {@code kind: detail}. */
final class Events {

    private Events() {}

    /** The kinds of the events on {@code /events} among the messages published since the last drain. */
    static List<String> kinds(VirtualHumanoid robot) {
        return robot.drainTelemetry().stream().map(OutboundMessage::message).filter(m -> m.topic().equals("/events"))
                .map(m -> m.body().path("kind").asText()).toList();
    }

    /** The events since the last drain as {@code kind: detail}. */
    static List<String> described(VirtualHumanoid robot) {
        return robot.drainTelemetry().stream().map(OutboundMessage::message).filter(m -> m.topic().equals("/events"))
                .map(m -> m.body().path("kind").asText() + ": " + m.body().path("detail").asText()).toList();
    }

    /** The mode of the last {@code /safety/state} among the messages since the last drain. */
    static String lastMode(List<OutboundMessage> messages) {
        return messages.stream().map(OutboundMessage::message).filter(m -> m.topic().equals("/safety/state"))
                .reduce((a, b) -> b).orElseThrow().body().path("mode").asText();
    }
}
