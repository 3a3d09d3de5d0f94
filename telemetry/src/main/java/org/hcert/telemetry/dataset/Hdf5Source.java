package org.hcert.telemetry.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.hcert.telemetry.JsonBodies;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TimeBase;
import org.jspecify.annotations.Nullable;

/**
 * An HDF5 file of episodes as embodied-AI teams record them, read with jhdf (pure Java):
 * <ul>
 *   <li>robomimic: the groups {@code data/demo_N}, each one episode, in order of N;</li>
 *   <li>otherwise (ALOHA and the like) the whole file is one episode.</li>
 * </ul>
 * In an episode, every numeric dataset whose first dimension is the episode's frame count, of one
 * value or one row of values per frame, is read; a frame is one message on the topic
 * {@code /<file stem>} of type {@value #TYPE}, whose body holds each dataset's value at that frame
 * under its path ({@code observations/qpos} as {@code {"observations": {"qpos": [...]}}}), with
 * {@code _episode} (its name) and {@code _frame} (its index). Images and other datasets of more
 * dimensions, strings and compound types are not read. Episodes are laid end to end
 * ({@link EpisodeTimeline}).
 *
 * <p>HDF5 episodes carry no log time, so the {@link TimeBase} says where it is: a frame rate
 * ({@code 50Hz}: frame i at i/50 s) or a dataset of one time per frame ({@code timestamp:s}).
 */
public final class Hdf5Source implements TelemetrySource {

    /** The type of a frame's message. */
    public static final String TYPE = "hdf5/msg/Frame";

    private final Path file;
    private final @Nullable TimeBase time;

    public Hdf5Source(Path file, @Nullable TimeBase time) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.time = time;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The topic of the frames of {@code file}: {@code /} and its name without the extension. */
    public static String topicOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return "/" + (dot > 0 ? name.substring(0, dot) : name);
    }

    @Override
    public MessageCursor open() {
        if (!Files.isRegularFile(file)) {
            throw new TelemetryException("%s: recording not found".formatted(file));
        }
        TimeBase t = time;
        if (t == null) {
            throw new TelemetryException(("%s: an HDF5 episode file has no time of its own; say where it is: its frame rate "
                    + "(--time-from 50Hz) or a dataset of times (--time-from timestamp:s), or recordingTime in the robot profile")
                    .formatted(file));
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (HdfException | IllegalArgumentException e) {
            throw new TelemetryFormatException(file.toString(), "not a readable HDF5 file: " + e.getMessage(), e);
        }
        try {
            return new Cursor(hdf, episodes(hdf), t);
        } catch (RuntimeException e) {
            hdf.close();
            throw damaged(e, file.toString());
        }
    }

    /**
     * {@code e} as an error naming {@code where}: jhdf reads lazily, so a cut or damaged file fails
     * wherever its structure is first read, with an HdfException or a buffer error.
     */
    private static RuntimeException damaged(RuntimeException e, String where) {
        if (e instanceof TelemetryException) {
            return e;
        }
        return new TelemetryFormatException(where, "the HDF5 file is damaged or cut: " + e, e);
    }

    /** The episode groups: data/demo_N by N (robomimic), or the file itself. */
    private static List<Group> episodes(HdfFile hdf) {
        Node data = hdf.getChildren().get("data");
        if (data instanceof Group g) {
            List<Group> demos = new ArrayList<>();
            for (Node n : g.getChildren().values()) {
                if (n instanceof Group d && d.getName().startsWith("demo")) {
                    demos.add(d);
                }
            }
            if (!demos.isEmpty()) {
                demos.sort(Comparator.comparingLong((Group d) -> number(d.getName())).thenComparing(Group::getName));
                return demos;
            }
        }
        return List.of(hdf);
    }

    private static long number(String name) {
        String digits = name.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** One episode in memory: its datasets by relative path, their values flat, and its frame times. */
    private static final class Episode {
        private final String name;
        private final int frames;
        private final Map<String, Column> columns;
        private final long[] timesNs;

        Episode(String name, int frames, Map<String, Column> columns, long[] timesNs) {
            this.name = name;
            this.frames = frames;
            this.columns = columns;
            this.timesNs = timesNs;
        }

        String name() {
            return name;
        }

        int frames() {
            return frames;
        }

        Map<String, Column> columns() {
            return columns;
        }

        long timeNs(int frame) {
            return timesNs[frame];
        }
    }

    /** A dataset of {@code width} values per frame (0 for one value), flat in frame order. */
    private static final class Column {
        private final List<String> path;
        private final int width;
        private final Object flat;

        Column(List<String> path, int width, Object flat) {
            this.path = path;
            this.width = width;
            this.flat = flat;
        }

        List<String> path() {
            return path;
        }

        int width() {
            return width;
        }

        Object flat() {
            return flat;
        }
    }

    private Episode load(Group group, TimeBase t) {
        String name = group instanceof HdfFile ? "/" : group.getPath().replaceAll("/$", "");
        Map<String, Dataset> candidates = new LinkedHashMap<>();
        collect(group, "", candidates);
        String timePath = t instanceof TimeBase.Field f ? f.field().replace('.', '/') : null;
        int frames;
        if (timePath != null) {
            Dataset d = candidates.get(timePath);
            if (d == null || d.getDimensions().length != 1) {
                throw new TelemetryFormatException("%s episode %s".formatted(file, name), "there is no dataset %s of one time per frame; its datasets are %s"
                        .formatted(timePath, String.join(", ", candidates.keySet())));
            }
            frames = d.getDimensions()[0];
        } else {
            frames = mostCommonLength(candidates.values());
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        candidates.forEach((path, d) -> {
            int[] dims = d.getDimensions();
            if (dims[0] == frames) {
                columns.put(path, new Column(List.of(path.split("/", -1)), dims.length == 2 ? dims[1] : 0, read(d, name)));
            }
        });
        long[] times = new long[frames];
        for (int i = 0; i < frames; i++) {
            if (t instanceof TimeBase.Rate r) {
                times[i] = r.atNs(i);
            } else {
                TimeBase.Field f = (TimeBase.Field) t;
                Object value = Array.get(Objects.requireNonNull(columns.get(timePath)).flat(), i);
                String origin = "%s episode %s frame %d".formatted(file, name, i);
                times[i] = f.toNs(String.valueOf(value)).orElseThrow(() -> new TelemetryFormatException(origin,
                        "the time %s is %s, not a non-negative number of %s".formatted(f.field(), value, f.unit())));
                if (i > 0 && times[i] < times[i - 1]) {
                    throw new TelemetryFormatException(origin, "the time goes back: %d ns after %d ns".formatted(times[i], times[i - 1]));
                }
            }
        }
        return new Episode(name, frames, columns, times);
    }

    private Object read(Dataset d, String episode) {
        try {
            Object flat = d.getDataFlat();
            if (!flat.getClass().isArray() || !flat.getClass().getComponentType().isPrimitive()) {
                throw new TelemetryFormatException("%s episode %s".formatted(file, episode), "dataset %s holds %s, not numbers"
                        .formatted(d.getPath(), flat.getClass().getSimpleName()));
            }
            return flat;
        } catch (HdfException e) {
            throw new TelemetryFormatException("%s episode %s".formatted(file, episode), "dataset %s cannot be read: %s"
                    .formatted(d.getPath(), e.getMessage()), e);
        }
    }

    /** The numeric datasets under {@code g} of one or two dimensions, by path relative to the episode. */
    private static void collect(Group g, String prefix, Map<String, Dataset> out) {
        for (Node n : g.getChildren().values()) {
            String path = prefix.isEmpty() ? n.getName() : prefix + "/" + n.getName();
            if (n instanceof Group child) {
                collect(child, path, out);
            } else if (n instanceof Dataset d && !d.isScalar() && !d.isEmpty() && !d.isCompound() && !d.isVariableLength()
                    && d.getJavaType().isPrimitive() && d.getDimensions().length >= 1 && d.getDimensions().length <= 2) {
                out.put(path, d);
            }
        }
    }

    private static int mostCommonLength(Iterable<Dataset> datasets) {
        Map<Integer, Integer> counts = new HashMap<>();
        datasets.forEach(d -> counts.merge(d.getDimensions()[0], 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(0);
    }

    private final class Cursor implements MessageCursor {

        private final HdfFile hdf;
        private final List<Group> groups;
        private final TimeBase time;
        private final EpisodeTimeline timeline = new EpisodeTimeline();
        private final String topic = topicOf(file);
        private int nextGroup;
        private @Nullable Episode episode;
        private long offsetNs;
        private int frame;

        Cursor(HdfFile hdf, List<Group> groups, TimeBase time) {
            this.hdf = hdf;
            this.groups = groups;
            this.time = time;
        }

        @Override
        public boolean hasNext() {
            while (episode == null || frame >= episode.frames()) {
                if (nextGroup >= groups.size()) {
                    return false;
                }
                Episode e;
                try {
                    e = load(groups.get(nextGroup++), time);
                } catch (RuntimeException x) {
                    throw damaged(x, "%s episode %d".formatted(file, nextGroup - 1));
                }
                episode = e;
                frame = 0;
                if (e.frames() > 0) {
                    long period = time instanceof TimeBase.Rate r ? r.atNs(1)
                            : e.frames() > 1 ? e.timeNs(1) - e.timeNs(0) : 1;
                    offsetNs = timeline.next(e.timeNs(0), period);
                }
            }
            return true;
        }

        @Override
        public Message next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more frames in " + file);
            }
            Episode e = Objects.requireNonNull(episode);
            int i = frame++;
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode body = f.objectNode();
            body.put("_episode", e.name());
            body.put("_frame", i);
            for (Column c : e.columns().values()) {
                JsonNode v;
                if (c.width() == 0) {
                    v = value(c.flat(), i);
                } else {
                    com.fasterxml.jackson.databind.node.ArrayNode row = f.arrayNode(c.width());
                    for (int j = 0; j < c.width(); j++) {
                        row.add(value(c.flat(), i * c.width() + j));
                    }
                    v = row;
                }
                // HDF5 paths name groups and datasets apart, so nothing on the way is a value
                JsonBodies.put(body, c.path(), v);
            }
            long tNs = Math.addExact(e.timeNs(i), offsetNs);
            timeline.frame(tNs);
            return new Message(tNs, topic, TYPE, body, "%s episode %s frame %d".formatted(file, e.name(), i));
        }

        private JsonNode value(Object flat, int index) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (flat.getClass().getComponentType().getName().toLowerCase(Locale.ROOT)) {
                case "double" -> f.numberNode(Array.getDouble(flat, index));
                case "float" -> f.numberNode(Floats.asDecimal(Array.getFloat(flat, index)));
                case "boolean" -> f.booleanNode(Array.getBoolean(flat, index));
                case "char" -> f.numberNode((int) Array.getChar(flat, index));
                default -> f.numberNode(Array.getLong(flat, index));
            };
        }

        @Override
        public void close() {
            hdf.close();
        }
    }
}
