package org.hcert.telemetry.rosbag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.hcert.telemetry.ros.RosDefinitions;
import org.jspecify.annotations.Nullable;

/**
 * One rosbag2 SQLite file ({@code .db3}), its messages decoded into their JSON shape and returned
 * in timestamp order.
 *
 * <p>Message definitions come, in this order, from the overriding {@link RosDefinitions}, from the
 * bag's own {@code message_definitions} table (rosbag2 Iron and later), from the fallback
 * {@link RosDefinitions} (a user's {@code --definitions}), and from the common interfaces hcert
 * bundles ({@link RosDefinitions#bundledInterfaces()}), so that Foxy, Galactic and Humble bags of
 * standard types need nothing more. A topic without any definition fails at its first message.
 *
 * <p>The file is opened read-only and, unless a non-empty write-ahead log ({@code .db3-wal}) lies
 * next to it, as immutable, so reading never creates files beside the recording.
 */
public final class Rosbag2SqliteSource implements RawMessageSource {

    private final Path file;
    private final BodyDecoder decoder;
    private final RosDefinitions overriding;
    private final RosDefinitions fallback;

    private Rosbag2SqliteSource(Path file, BodyDecoder decoder, RosDefinitions overriding, RosDefinitions fallback) {
        this.file = file;
        this.decoder = decoder;
        this.overriding = overriding;
        this.fallback = fallback;
    }

    /** Read {@code file} with the standard decoders and the bag's own definitions. */
    public static Rosbag2SqliteSource of(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return new Rosbag2SqliteSource(file, RosBodyDecoders.standard(), RosDefinitions.none(), RosDefinitions.bundledInterfaces());
    }

    /** Use {@code definitions} for the types the bag has no definition for, before the bundled ones. */
    public Rosbag2SqliteSource withFallbackDefinitions(RosDefinitions definitions) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        return new Rosbag2SqliteSource(file, decoder, overriding, definitions.and(RosDefinitions.bundledInterfaces()));
    }

    /** Use {@code definitions} instead of the bag's own for the types they define (for bags with wrong definitions). */
    public Rosbag2SqliteSource withOverridingDefinitions(RosDefinitions definitions) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        return new Rosbag2SqliteSource(file, decoder, definitions, fallback);
    }

    /** Decode bodies with {@code bodyDecoder} instead of {@link RosBodyDecoders#standard()}. */
    public Rosbag2SqliteSource withDecoder(BodyDecoder bodyDecoder) {
        Objects.requireNonNull(bodyDecoder, "bodyDecoder must not be null");
        return new Rosbag2SqliteSource(file, bodyDecoder, overriding, fallback);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /**
     * @throws TelemetryException when the file is missing, is not SQLite, or lacks the rosbag2
     *     {@code topics} and {@code messages} tables
     */
    @Override
    public MessageCursor open() {
        return open((Set<String>) null);
    }

    /** A pass over the messages of {@code topics} only (null: all): the others are not read, so not decoded. */
    @Override
    public MessageCursor open(@Nullable Set<String> topicNames) {
        return cursor(topicNames);
    }

    /**
     * Every message as the bag stores it: its CDR bytes with the schema of its topic (the bag's own
     * definition, or the one given or bundled), so that a conversion to MCAP copies them unchanged.
     */
    @Override
    public RawCursor openRaw() {
        SqliteCursor cursor = cursor(null);
        return RawCursor.of(cursor::nextRaw, cursor::close, file.toString());
    }

    @Override
    public BodyDecoder decoder() {
        return decoder;
    }

    @Override
    public String profile() {
        return "ros2";
    }

    private SqliteCursor cursor(@Nullable Set<String> topicNames) {
        if (!Files.isRegularFile(file)) {
            throw new TelemetryException("%s: recording not found".formatted(file));
        }
        Connection connection = connect();
        try {
            Set<String> tables = tables(connection);
            if (!tables.containsAll(Set.of("topics", "messages"))) {
                throw new TelemetryException("%s: not a rosbag2 database: it has no topics and messages tables (tables: %s)"
                        .formatted(file, tables.isEmpty() ? "none" : String.join(", ", tables.stream().sorted().toList())));
            }
            Map<Long, Topic> topics = topics(connection, tables.contains("message_definitions"));
            Set<Long> wanted = topicNames == null ? null : topics.entrySet().stream()
                    .filter(e -> topicNames.contains(e.getValue().name())).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
            return new SqliteCursor(file.toString(), connection, topics, decoder, wanted);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new TelemetryException("%s: not a rosbag2 database: %s".formatted(file, e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        String uri = file.toAbsolutePath().toUri() + (hasWriteAheadLog() ? "?mode=ro" : "?mode=ro&immutable=1");
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + uri, properties);
        } catch (SQLException e) {
            throw new TelemetryException("%s: cannot open as SQLite: %s".formatted(file, e.getMessage()), e);
        }
    }

    private boolean hasWriteAheadLog() {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private Map<Long, Topic> topics(Connection connection, boolean hasDefinitions) throws SQLException {
        Map<String, SchemaInfo> stored = hasDefinitions ? storedDefinitions(connection) : Map.of();
        Map<Long, Topic> topics = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name, type, serialization_format FROM topics")) {
            while (rs.next()) {
                String type = rs.getString(3);
                topics.put(rs.getLong(1), new Topic(rs.getString(2), type, rs.getString(4),
                        TopicSchemas.resolve(type, overriding, stored, fallback)));
            }
        }
        return topics;
    }

    private static Map<String, SchemaInfo> storedDefinitions(Connection connection) throws SQLException {
        Map<String, SchemaInfo> definitions = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT topic_type, encoding, encoded_message_definition FROM message_definitions")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String encoding = rs.getString(2);
                String text = rs.getString(3);
                if (text != null && !text.isEmpty() && encoding != null && !encoding.equals("unknown")) {
                    definitions.put(type, new SchemaInfo(type, encoding, text.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return definitions;
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing useful to do: the pass is over.
        }
    }
}
