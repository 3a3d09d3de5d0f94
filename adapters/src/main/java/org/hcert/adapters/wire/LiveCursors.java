package org.hcert.adapters.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkLostException;
import org.hcert.adapters.LinkPosition;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.jspecify.annotations.Nullable;

/**
 * The telemetry cursors a link has handed out: each gets every message from its opening on; one
 * that falls {@code capacity} messages behind fails alone (the link goes on), and when the link
 * fails every cursor throws its failure.
 */
public final class LiveCursors {

    private final List<LiveCursor> open = new CopyOnWriteArrayList<>();
    private final int capacity;
    private final Supplier<@Nullable LinkException> failure;
    private final Supplier<Boolean> closed;

    /**
     * @param capacity the messages a cursor may hold
     * @param failure the link's failure, once it failed
     * @param closed whether the link is closed
     */
    public LiveCursors(int capacity, Supplier<@Nullable LinkException> failure, Supplier<Boolean> closed) {
        this.capacity = capacity;
        this.failure = failure;
        this.closed = closed;
    }

    /** A new cursor, from now on. */
    public MessageCursor open() {
        LiveCursor[] self = new LiveCursor[1];
        self[0] = new LiveCursor(capacity, failure, closed, () -> open.remove(self[0]));
        open.add(self[0]);
        return self[0];
    }

    /** Hand {@code m} to every cursor; a cursor that is full fails, naming {@code position}. */
    public void deliver(Message m, LinkPosition position) {
        List<LiveCursor> behind = new ArrayList<>(0);
        for (LiveCursor c : open) {
            if (!c.offer(m)) {
                c.fail(LinkLostException.consumerFailed(position, "a telemetry cursor",
                        new IllegalStateException("it fell %d messages behind".formatted(capacity))));
                behind.add(c);
            }
        }
        open.removeAll(behind);
    }

    /** Fail every cursor with the link's {@code failure}. */
    public void fail(LinkException e) {
        open.forEach(c -> c.fail(e));
    }
}
