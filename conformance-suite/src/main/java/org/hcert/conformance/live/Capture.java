package org.hcert.conformance.live;

import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>Memory is bounded: beyond {@link #MAX_MESSAGES} messages (about 30 s of HC-1's 4,600
 * messages/s, some 400 MB of decoded messages) the capture keeps no more and says so in
 * {@link #warnings()}, which makes the scenario INCONCLUSIVE rather than the harness run out of
 * memory.
 */
public final class Capture implements LinkListener, TelemetrySource {

    private final String link;
    /** The most messages one scenario's capture holds. */
    public static final int MAX_MESSAGES = 150_000;

    private final List<Message> messages = new ArrayList<>();
    private final List<String> included = new ArrayList<>();
    private final int maxMessages;
    private boolean stopped;
    private long dropped;

    Capture(String link) {
        this(link, MAX_MESSAGES);
    }

    Capture(String link, int maxMessages) {
        this.link = link;
        this.maxMessages = maxMessages;
    }

    @Override
    public synchronized void onTelemetry(ReceivedTelemetry telemetry) {
        if (stopped) {
            return;
        }
        if (messages.size() < maxMessages) {
            messages.add(telemetry.message());
        } else {
            dropped++;
        }
    }

    /**
     * Add {@code earlier} messages of the session (from before the capture began) that the capture does
     * not hold yet, and what is known to be missing from them.
     */
    synchronized void include(List<Message> earlier, List<String> missing) {
        java.util.Set<Message> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        held.addAll(messages);
        for (Message m : earlier) {
            if (!held.contains(m)) {
                messages.add(m);
            }
        }
        missing.stream().filter(w -> !included.contains(w)).forEach(included::add);
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
    public synchronized List<String> warnings() {
        List<String> out = new ArrayList<>(included);
        if (dropped > 0) {
            out.add(("the scenario's capture is full: %d messages kept, %d later ones "
                    + "not (the limit bounds the harness's memory; shorten the scenario's window)").formatted(messages.size(), dropped));
        }
        return out;
    }

    @Override
    public String describe() {
        return "live link " + link;
    }

    @Override
    public synchronized MessageCursor open() {
        return MessageCursor.of(messages);
    }
}
