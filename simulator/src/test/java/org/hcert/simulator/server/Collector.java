package org.hcert.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hcert.adapters.RobotLink;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;

/** Reads a link's telemetry on a daemon thread into a list, and keeps the exception that ended it. */
final class Collector implements AutoCloseable {

    private final List<Message> messages = new ArrayList<>();
    private final MessageCursor cursor;
    private final Thread thread;
    private volatile Optional<RuntimeException> failure = Optional.empty();

    Collector(RobotLink link) {
        this.cursor = link.telemetry();
        this.thread = new Thread(this::run, "test-collector");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (cursor.hasNext()) {
                Message m = cursor.next();
                synchronized (this) {
                    messages.add(m);
                    notifyAll();
                }
            }
        } catch (RuntimeException e) {
            failure = Optional.of(e);
        }
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    List<Message> topic(String topic) {
        return messages().stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Wait for a message on {@code topic} whose body matches. */
    Optional<Message> await(String topic, Predicate<JsonNode> body, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < end) {
            List<Message> all = messages();
            for (int i = seen; i < all.size(); i++) {
                if (all.get(i).topic().equals(topic) && body.test(all.get(i).body())) {
                    return Optional.of(all.get(i));
                }
            }
            seen = all.size();
            synchronized (this) {
                wait(20);
            }
        }
        return Optional.empty();
    }

    /** Wait until the cursor failed, and return the exception. */
    Optional<RuntimeException> awaitFailure(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return failure;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
