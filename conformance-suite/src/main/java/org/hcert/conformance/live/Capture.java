package org.hcert.conformance.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetrySource;

/**
 * The telemetry a live scenario saw, from its first action to the end of its observation window,
 * kept in memory (a scenario's window is seconds long) and read by the Then-steps like a recording.
 * Times are the robot's stamps mapped onto the harness clock by the link's offset estimate.
 */
public final class Capture implements LinkListener, TelemetrySource {

    private final String link;
    private final List<Message> messages = new ArrayList<>();
    private boolean stopped;

    Capture(String link) {
        this.link = link;
    }

    @Override
    public synchronized void onTelemetry(ReceivedTelemetry telemetry) {
        if (!stopped) {
            messages.add(telemetry.message());
        }
    }

    /** Stop capturing; the messages are then put in log-time order (a new clock estimate may reorder a few). */
    synchronized void stop() {
        stopped = true;
        messages.sort(Comparator.comparingLong(Message::logTimeNs));
    }

    public synchronized int size() {
        return messages.size();
    }

    @Override
    public String describe() {
        return "live link " + link;
    }

    @Override
    public synchronized MessageCursor open() {
        Iterator<Message> it = List.copyOf(messages).iterator();
        return new MessageCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Message next() {
                return it.next();
            }

            @Override
            public void close() {
                // Nothing to release: the capture is in memory.
            }
        };
    }
}
