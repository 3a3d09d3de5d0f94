package org.hcert.telemetry.rosbag1;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.LookaheadCursor;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.RawMessageSource.RawMessage;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.UndecodableMessageException;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a bag in time order (ties in the order the bag stores them): chunks are
 * decompressed in the order of their first message, and a message is handed out once no chunk not
 * yet read can hold an earlier one. Only the wanted topics' bodies are decoded.
 */
final class Ros1BagCursor extends LookaheadCursor {

    /** A message read from a chunk and not yet handed out. */
    private record Pending(long tNs, int chunk, int order, long connection, ByteBuffer data, long recordOffset) {}

    private final Ros1Bag bag;
    private final @Nullable Set<String> topics;
    private final BodyDecoder decoder;
    private final List<String> warnings;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong(Pending::tNs).thenComparingInt(Pending::chunk).thenComparingInt(Pending::order));
    private int nextChunk;
    private long lastNs = Long.MIN_VALUE;
    private boolean outOfOrder;

    /**
     * @param topics the topics whose messages are wanted, or null for all
     * @param warnings where problems met on the way are added
     */
    Ros1BagCursor(Ros1Bag bag, @Nullable Set<String> topics, BodyDecoder decoder, List<String> warnings) {
        super(bag.file().toString());
        this.bag = bag;
        this.topics = topics;
        this.decoder = decoder;
        this.warnings = warnings;
    }

    @Override
    protected @Nullable Message readNext() {
        RawMessage raw = nextRaw();
        if (raw == null) {
            return null;
        }
        JsonNode body;
        try {
            body = decoder.decode(raw.schema(), raw.messageEncoding(), raw.data());
        } catch (TelemetryException e) {
            throw new UndecodableMessageException(raw.origin(), raw.topic(), "topic %s (%s): %s".formatted(raw.topic(), type(raw),
                    e.getMessage()), e);
        }
        return new Message(raw.logTimeNs(), raw.topic(), RosJsonDecoder.normalise(type(raw)), body, raw.origin());
    }

    private static String type(RawMessage raw) {
        return raw.schema() == null ? "" : raw.schema().name();
    }

    /** The next message in time order, undecoded, or null at the end. */
    @Nullable RawMessage nextRaw() {
        List<Ros1Bag.Chunk> chunks = bag.chunks();
        while (nextChunk < chunks.size() && (pending.isEmpty() || chunks.get(nextChunk).startNs() <= pending.peek().tNs())) {
            load(nextChunk++);
        }
        Pending p = pending.poll();
        if (p == null) {
            return null;
        }
        if (p.tNs() < lastNs && !outOfOrder) {
            outOfOrder = true;
            warnings.add(("%s@%d: a message at %d ns comes after one at %d ns: a chunk holds messages earlier than the bag's "
                    + "index says; they are read late").formatted(bag.file(), p.recordOffset(), p.tNs(), lastNs));
        }
        lastNs = Math.max(lastNs, p.tNs());
        Ros1Bag.Connection c = bag.connections().get(p.connection());
        String where = "%s@%d".formatted(bag.file(), p.recordOffset());
        if (c == null) {
            throw new TelemetryFormatException(where, "a message of connection %d, which the bag never defines".formatted(p.connection()));
        }
        return new RawMessage(p.tNs(), c.topic(), c.schema(), "ros1", p.data(), where);
    }

    /** Decompress chunk {@code index} and keep its wanted messages. */
    private void load(int index) {
        Ros1Bag.Chunk chunk = bag.chunks().get(index);
        String where = "%s@%d".formatted(bag.file(), chunk.offset());
        ByteBuffer records;
        try {
            records = bag.decompress(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("%s: cannot read the chunk: %s".formatted(where, e.getMessage()), e);
        }
        int order = 0;
        while (records.hasRemaining()) {
            BagRecord r = BagRecord.next(records, where);
            if (r.op() == BagRecord.CONNECTION) {
                bag.connection(r, r.data(), where);
            } else if (r.op() == BagRecord.MESSAGE_DATA) {
                long connection = r.int32("conn", where);
                Ros1Bag.Connection c = bag.connections().get(connection);
                if (topics == null || c == null || topics.contains(c.topic())) {
                    pending.add(new Pending(r.timeNs("time", where), index, order++, connection, r.data(), chunk.offset()));
                }
            }
        }
    }

    @Override
    public void close() {
        bag.close();
    }
}
