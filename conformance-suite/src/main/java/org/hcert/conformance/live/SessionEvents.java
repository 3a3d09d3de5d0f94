package org.hcert.conformance.live;

import java.util.ArrayList;
import java.util.List;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * The robot's events ({@code hcert/msg/Event} messages) from the moment the link opened, kept for the
 * whole session: a robot reports some things once, at start-up or when the session opens (its
 * provenance, the models it loaded), before any scenario's capture begins. Events are few; at most
 * {@link #MAX_MESSAGES} are kept, and the rest are counted and said to be missing.
 */
final class SessionEvents implements LinkListener {

    static final int MAX_MESSAGES = 10_000;

    private final List<Message> messages = new ArrayList<>();
    private long dropped;

    @Override
    public synchronized void onTelemetry(ReceivedTelemetry telemetry) {
        Message m = telemetry.message();
        if (!RosJsonDecoder.EVENT.equals(RosJsonDecoder.normalise(m.type()))) {
            return;
        }
        if (messages.size() < MAX_MESSAGES) {
            messages.add(m);
        } else {
            dropped++;
        }
    }

    /** The events so far, in arrival order. */
    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Why the events kept are not all the session's, if they are not. */
    synchronized List<String> warnings() {
        return dropped == 0 ? List.of() : List.of("the session's events are full: %d kept since the link opened, %d later ones not"
                .formatted(messages.size(), dropped));
    }
}
