package org.hcert.telemetry.rosbag;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.LookaheadCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/** A pass over the {@code messages} table in timestamp order, one row in memory at a time. */
final class SqliteCursor extends LookaheadCursor {

    private final String file;
    private final Connection connection;
    private final Map<Long, Topic> topics;
    private final BodyDecoder decoder;
    private final Statement statement;
    private final ResultSet rows;

    /** @param wanted the ids of the topics whose messages are read, or null for all */
    SqliteCursor(String file, Connection connection, Map<Long, Topic> topics, BodyDecoder decoder, @Nullable Set<Long> wanted)
            throws SQLException {
        super(file);
        this.file = file;
        this.connection = connection;
        this.topics = topics;
        this.decoder = decoder;
        this.statement = connection.createStatement();
        // ids are numbers from the bag's own topics table, never text: safe to write into the query
        String where = wanted == null ? "" : " WHERE topic_id IN (%s)".formatted(wanted.isEmpty() ? "NULL"
                : String.join(", ", wanted.stream().sorted().map(String::valueOf).toList()));
        this.rows = statement.executeQuery("SELECT id, topic_id, timestamp, data FROM messages" + where + " ORDER BY timestamp, id");
    }

    @Override
    protected @Nullable Message readNext() {
        RawMessageSource.RawMessage raw = nextRaw();
        if (raw == null) {
            return null;
        }
        Topic topic = java.util.Objects.requireNonNull(lastTopic);
        return new Message(raw.logTimeNs(), topic.name(), RosJsonDecoder.normalise(topic.type()), decode(topic, raw.data(), raw.origin()),
                raw.origin());
    }

    private @Nullable Topic lastTopic;

    /** The next row as stored: its CDR bytes with the topic's schema, undecoded; null at the end. */
    RawMessageSource.@Nullable RawMessage nextRaw() {
        long id = -1;
        try {
            if (!rows.next()) {
                return null;
            }
            id = rows.getLong(1);
            String where = "%s:messages.id=%d".formatted(file, id);
            Topic topic = topics.get(rows.getLong(2));
            if (topic == null) {
                throw new TelemetryFormatException(where, "topic_id %d is not in the topics table".formatted(rows.getLong(2)));
            }
            lastTopic = topic;
            byte[] data = rows.getBytes(4);
            return new RawMessageSource.RawMessage(rows.getLong(3), topic.name(), topic.schema(), topic.serializationFormat(),
                    ByteBuffer.wrap(data == null ? new byte[0] : data), where);
        } catch (SQLException e) {
            throw new TelemetryFormatException("%s:messages.id=%d".formatted(file, id), "cannot read: " + e.getMessage(), e);
        }
    }

    private JsonNode decode(Topic topic, ByteBuffer data, String where) {
        if (topic.schema() == null) {
            throw new TelemetryFormatException(where, ("no message definition for type %s (topic %s): the bag stores none "
                    + "and hcert bundles none for it; give the folder of its .msg files (a workspace's share/ folder) with "
                    + "--definitions DIR").formatted(topic.type(), topic.name()));
        }
        try {
            return decoder.decode(topic.schema(), topic.serializationFormat(), data);
        } catch (TelemetryException e) {
            throw new TelemetryFormatException(where, "topic %s: %s".formatted(topic.name(), e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            // Nothing useful to do: the pass is over.
        }
        Rosbag2SqliteSource.closeQuietly(connection);
    }
}
