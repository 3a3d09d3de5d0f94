package org.hcert.telemetry.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.hcert.telemetry.JsonBodies;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TimeBase;
import org.jspecify.annotations.Nullable;

/**
 * A LeRobot dataset (a folder with {@code meta/info.json} and parquet episodes under {@code data/},
 * codebase v2.0, v2.1 or v3.0), read with DuckDB's embedded engine through JDBC, one parquet file
 * at a time and one row at a time. Each row (a frame) is one message on the topic
 * {@code /<dataset folder name>} of type {@value #TYPE}, whose body holds the row's columns, a
 * dotted column name as nested fields ({@code observation.state} as
 * {@code {"observation": {"state": [...]}}}); a null cell is no field. Image columns (structs,
 * bytes) are not read, and videos are separate files that hcert does not read.
 *
 * <p>A frame's time is its {@code timestamp} column (seconds from the start of its episode), or
 * {@code frame_index}/fps where there is none; episodes are laid end to end ({@link EpisodeTimeline}).
 */
public final class LeRobotSource implements TelemetrySource {

    /** The type of a frame's message. */
    public static final String TYPE = "lerobot/msg/Frame";
    /** The file that marks a folder as a LeRobot dataset. */
    public static final String INFO = "meta/info.json";

    private static final Set<String> VERSIONS = Set.of("v2.0", "v2.1", "v3.0");
    /** LeRobot's timestamp column: seconds from the start of the episode. */
    private static final TimeBase.Field SECONDS = new TimeBase.Field("timestamp", "s");

    private final Path dir;

    public LeRobotSource(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir must not be null");
    }

    /** Whether {@code dir} is a LeRobot dataset: a folder holding {@value #INFO}. */
    public static boolean isDataset(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(INFO));
    }

    /**
     * The files of the dataset that its evidence rests on, in a fixed order: the metadata under
     * {@code meta/} and the parquet files under {@code data/} (videos are not read, so not listed).
     */
    public static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                return rel.startsWith("meta/") || (rel.startsWith("data/") && rel.endsWith(".parquet"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot list the dataset's files: %s".formatted(dir, e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    /** What {@value #INFO} says that hcert uses. */
    record Info(String version, double fps, List<Path> files) {}

    Info info() {
        Path infoFile = dir.resolve(INFO);
        JsonNode info;
        try {
            info = new ObjectMapper().readTree(infoFile.toFile());
        } catch (IOException e) {
            throw new TelemetryFormatException(infoFile.toString(), "not readable JSON: " + e.getMessage(), e);
        }
        String version = info.path("codebase_version").asText("");
        if (!VERSIONS.contains(version)) {
            throw new TelemetryFormatException(infoFile.toString(), "codebase_version \"%s\" is not one hcert reads (%s)"
                    .formatted(version, String.join(", ", VERSIONS.stream().sorted().toList())));
        }
        JsonNode fps = info.get("fps");
        if (fps == null || !fps.isNumber() || !(fps.doubleValue() > 0)) {
            throw new TelemetryFormatException(infoFile.toString(), "fps must be a positive number, got " + fps);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("data"))) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new TelemetryException("%s: the dataset has no readable data/ folder: %s".formatted(dir, e.getMessage()), e);
        }
        if (files.isEmpty()) {
            throw new TelemetryException("%s: the dataset has no parquet file under data/".formatted(dir));
        }
        return new Info(version, fps.doubleValue(), files);
    }

    @Override
    public MessageCursor open() {
        if (!isDataset(dir)) {
            throw new TelemetryException("%s: not a LeRobot dataset (no %s)".formatted(dir, INFO));
        }
        Info info = info();
        Connection db;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties props = new Properties();
            props.setProperty("jdbc_stream_results", "true");
            db = DriverManager.getConnection("jdbc:duckdb:", props);
        } catch (SQLException | ClassNotFoundException e) {
            throw new TelemetryException("%s: cannot start DuckDB to read the parquet files: %s".formatted(dir, e.getMessage()), e);
        }
        return new Cursor(db, info);
    }

    private final class Cursor implements MessageCursor {

        private final Connection db;
        private final Info info;
        private final EpisodeTimeline timeline = new EpisodeTimeline();
        private final String topic = "/" + dir.toAbsolutePath().normalize().getFileName();
        private int nextFile;
        private @Nullable Statement statement;
        private @Nullable ResultSet rows;
        private Path current = Path.of("");
        private List<String> columns = List.of();
        private long row;
        private @Nullable Message next;
        private long episode = Long.MIN_VALUE;
        private long offsetNs;
        private long lastInEpisodeNs;

        Cursor(Connection db, Info info) {
            this.db = db;
            this.info = info;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            try {
                while (rows == null || !rows.next()) {
                    closeFile();
                    if (nextFile >= info.files().size()) {
                        return false;
                    }
                    openFile(info.files().get(nextFile++));
                }
                next = message(Objects.requireNonNull(rows));
                return true;
            } catch (SQLException e) {
                throw new TelemetryFormatException("%s row %d".formatted(current, row + 1), "cannot read the parquet file: " + e.getMessage(), e);
            }
        }

        private void openFile(Path file) throws SQLException {
            current = file;
            row = 0;
            Statement s = db.createStatement();
            statement = s;
            ResultSet r = s.executeQuery("SELECT * FROM read_parquet('%s')".formatted(file.toString().replace("'", "''")));
            rows = r;
            ResultSetMetaData meta = r.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String type = meta.getColumnTypeName(i).toUpperCase(java.util.Locale.ROOT);
                // images: structs of bytes and path, or blobs
                names.add(type.startsWith("STRUCT") || type.startsWith("BLOB") || type.startsWith("MAP") ? "" : meta.getColumnLabel(i));
            }
            columns = names;
        }

        private Message message(ResultSet r) throws SQLException {
            row++;
            String origin = "%s row %d".formatted(current, row);
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode body = f.objectNode();
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                if (name.isEmpty()) {
                    continue;
                }
                JsonNode value = json(r.getObject(i + 1), origin, name);
                if (value != null) {
                    put(body, name, value);
                }
            }
            long ep = body.path("episode_index").asLong(episode == Long.MIN_VALUE ? 0 : episode);
            long relNs = relativeNs(body, origin);
            if (ep != episode) {
                if (episode != Long.MIN_VALUE && ep < episode) {
                    throw new TelemetryFormatException(origin, "episode_index goes back: %d after %d".formatted(ep, episode));
                }
                episode = ep;
                offsetNs = timeline.next(relNs, Math.round(1e9 / info.fps()));
                lastInEpisodeNs = Long.MIN_VALUE;
            } else if (relNs < lastInEpisodeNs) {
                throw new TelemetryFormatException(origin, "the time goes back within episode %d: %d ns after %d ns".formatted(ep, relNs,
                        lastInEpisodeNs));
            }
            lastInEpisodeNs = relNs;
            long tNs = Math.addExact(relNs, offsetNs);
            timeline.frame(tNs);
            return new Message(tNs, topic, TYPE, body, origin);
        }

        /** The frame's time from the start of its episode: timestamp (s), or frame_index / fps. */
        private long relativeNs(ObjectNode body, String origin) {
            JsonNode ts = body.get("timestamp");
            if (ts != null && ts.isNumber()) {
                // a float32 timestamp as written (0.033333335), not as its double expansion
                String seconds = ts.isFloat() ? Float.toString(ts.floatValue()) : ts.asText();
                return SECONDS.toNs(seconds).orElseThrow(() -> new TelemetryFormatException(origin,
                        "timestamp %s is not a time from the start of the episode".formatted(ts)));
            }
            JsonNode frame = body.get("frame_index");
            if (frame != null && frame.canConvertToLong() && frame.longValue() >= 0) {
                return Math.round(frame.longValue() * 1e9 / info.fps());
            }
            throw new TelemetryFormatException(origin, "the row has neither timestamp nor frame_index, so it has no time");
        }

        /** A dotted column name as nested fields; as written when a shorter column already holds a value on the way. */
        private static void put(ObjectNode body, String name, JsonNode value) {
            if (!JsonBodies.put(body, List.of(name.split("\\.", -1)), value)) {
                body.set(name, value);
            }
        }

        private @Nullable JsonNode json(@Nullable Object v, String origin, String column) throws SQLException {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (v == null) {
                return null;
            }
            if (v instanceof java.sql.Array a) {
                ArrayNode out = f.arrayNode();
                for (Object e : (Object[]) a.getArray()) {
                    JsonNode n = json(e, origin, column);
                    out.add(n == null ? f.nullNode() : n);
                }
                return out;
            }
            if (v instanceof Float x) {
                return f.numberNode(Floats.asDecimal(x));
            }
            if (v instanceof Double x) {
                return f.numberNode(x);
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return f.numberNode(((Number) v).longValue());
            }
            if (v instanceof BigInteger x) {
                return f.numberNode(x);
            }
            if (v instanceof BigDecimal x) {
                return f.numberNode(x);
            }
            if (v instanceof Boolean x) {
                return f.booleanNode(x);
            }
            if (v instanceof String x) {
                return f.textNode(x);
            }
            throw new TelemetryFormatException(origin, "column %s holds a %s, which hcert does not read".formatted(column,
                    v.getClass().getSimpleName()));
        }

        @Override
        public Message next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more frames in " + dir);
            }
            Message m = Objects.requireNonNull(next);
            next = null;
            return m;
        }

        private void closeFile() {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
            } catch (SQLException e) {
                // the file has been read; nothing to recover
            }
            rows = null;
            statement = null;
        }

        @Override
        public void close() {
            closeFile();
            try {
                db.close();
            } catch (SQLException e) {
                // nothing to recover at the end of a pass
            }
        }
    }
}
