package org.hcert.telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Several recordings read as one evidence stream: their messages merged by log time (ties in the
 * order the recordings are given, then each recording's own order). The split files of one bag,
 * or the recordings of one session made by separate recorders (a robot's bag and a force plate's
 * log), so that a clause sees every signal it needs at once.
 */
public final class MergedSource implements TelemetrySource {

    private final String name;
    private final List<TelemetrySource> parts;

    /**
     * @param name how the whole is named in reports (a bag folder's path, or the files' names)
     * @param parts the recordings, at least one
     */
    public MergedSource(String name, List<TelemetrySource> parts) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a merged source needs at least one recording");
        }
        this.parts = List.copyOf(parts);
    }

    /** The recordings merged, in the order given. */
    public List<TelemetrySource> parts() {
        return parts;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public MessageCursor open() {
        return open((Set<String>) null);
    }

    @Override
    public MessageCursor open(@Nullable Set<String> topics) {
        List<MessageCursor> cursors = new ArrayList<>();
        try {
            for (TelemetrySource part : parts) {
                cursors.add(part.open(topics));
            }
        } catch (RuntimeException e) {
            cursors.forEach(MessageCursor::close);
            throw e;
        }
        return new Merge(cursors);
    }

    /** What the parts' last passes could not read, each already naming its file. */
    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.warnings()));
        return all;
    }

    private static final class Merge extends LookaheadCursor {

        private record Head(Message message, int part) {}

        private final List<MessageCursor> cursors;
        private final PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparingLong((Head h) -> h.message().logTimeNs()).thenComparingInt(Head::part));
        private boolean started;

        Merge(List<MessageCursor> cursors) {
            super("merged recordings");
            this.cursors = cursors;
        }

        @Override
        protected @Nullable Message readNext() {
            if (!started) {
                started = true;
                for (int i = 0; i < cursors.size(); i++) {
                    advance(i);
                }
            }
            Head h = heads.poll();
            if (h == null) {
                return null;
            }
            advance(h.part());
            return h.message();
        }

        private void advance(int part) {
            MessageCursor c = cursors.get(part);
            if (c.hasNext()) {
                heads.add(new Head(c.next(), part));
            }
        }

        @Override
        public void close() {
            cursors.forEach(MessageCursor::close);
        }
    }
}
