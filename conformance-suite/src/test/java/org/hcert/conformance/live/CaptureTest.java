package org.hcert.conformance.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.junit.jupiter.api.Test;

class CaptureTest {

    private static ReceivedTelemetry at(long tNs) {
        return new ReceivedTelemetry(new Message(tNs, "/x", "std_msgs/msg/Empty", JsonNodeFactory.instance.objectNode(),
                "live frame " + tNs), tNs, tNs, tNs);
    }

    private static List<Long> times(Capture c) {
        List<Long> out = new ArrayList<>();
        try (MessageCursor m = c.open()) {
            m.forEachRemaining(x -> out.add(x.logTimeNs()));
        }
        return out;
    }

    @Test
    void keepsWhatArrivesUntilStoppedInLogTimeOrder() {
        Capture c = new Capture("tcp://robot:1");
        c.onTelemetry(at(20));
        c.onTelemetry(at(10));
        c.stop();
        c.onTelemetry(at(30));
        assertThat(times(c)).containsExactly(10L, 20L);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.describe()).isEqualTo("live link tcp://robot:1");
    }

    @Test
    void aFullCaptureKeepsNoMoreAndSaysSoSoTheScenarioCannotPass() {
        Capture c = new Capture("tcp://robot:1", 3);
        for (long t = 1; t <= 5; t++) {
            c.onTelemetry(at(t));
        }
        c.stop();
        assertThat(times(c)).containsExactly(1L, 2L, 3L);
        assertThat(c.warnings()).containsExactly("the scenario's capture is full: 3 messages kept, 2 later ones not "
                + "(the limit bounds the harness's memory; shorten the scenario's window)");
    }

    private static ReceivedTelemetry event(long tNs) {
        return new ReceivedTelemetry(new Message(tNs, "/events", "hcert/msg/Event", JsonNodeFactory.instance.objectNode()
                .put("kind", "provenance").put("detail", ""), "live frame " + tNs), tNs, tNs, tNs);
    }

    @Test
    void theSessionsEarlierEventsJoinTheCaptureOnceAndInLogTimeOrder() {
        SessionEvents session = new SessionEvents();
        session.onTelemetry(event(1));
        session.onTelemetry(at(2));
        Capture c = new Capture("tcp://robot:1");
        ReceivedTelemetry during = event(5);
        session.onTelemetry(during);
        c.onTelemetry(during);
        c.onTelemetry(at(6));
        assertThat(session.messages()).extracting(Message::logTimeNs).containsExactly(1L, 5L);
        c.include(session.messages(), session.warnings());
        c.stop();
        assertThat(times(c)).containsExactly(1L, 5L, 6L);
        assertThat(c.warnings()).isEmpty();
    }
}
