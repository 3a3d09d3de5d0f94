package org.hcert.adapters.wire;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hcert.adapters.LinkException;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.jspecify.annotations.Nullable;

/** A cursor over telemetry arriving on a link, fed by the link's receiving thread. */
final class LiveCursor implements MessageCursor {

    private final BlockingQueue<Message> queue;
    private final Supplier<@Nullable LinkException> failure;
    private final Supplier<Boolean> linkClosed;
    private final Runnable onClose;
    private volatile @Nullable LinkException own;
    private volatile boolean closed;
    private @Nullable Message next;

    LiveCursor(int capacity, Supplier<@Nullable LinkException> failure, Supplier<Boolean> linkClosed, Runnable onClose) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.failure = failure;
        this.linkClosed = linkClosed;
        this.onClose = onClose;
    }

    /** Offer a message; false when the queue is full (the reader then fails this cursor or the link). */
    boolean offer(Message m) {
        return closed || queue.offer(m);
    }

    void fail(LinkException e) {
        own = e;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (closed) {
                return false;
            }
            Message m = queue.poll();
            if (m == null) {
                LinkException e = own != null ? own : failure.get();
                if (e != null) {
                    throw e;
                }
                if (linkClosed.get()) {
                    return false;
                }
                try {
                    m = queue.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            next = m;
        }
        return true;
    }

    @Override
    public Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the link is closed");
        }
        Message m = java.util.Objects.requireNonNull(next, "hasNext() found a message");
        next = null;
        return m;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        onClose.run();
    }
}
