package org.hcert.telemetry.ros;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;

/**
 * ROS 2 {@code .msg} files kept outside a recording, for recordings that do not carry their message
 * definitions (rosbag2 before Iron) or carry wrong ones.
 *
 * <p>{@link #schema} assembles the definition of a type with all its dependencies in the form
 * MCAP and rosbag2 store ({@code ros2msg}): the type's own text, then for each dependency a line of
 * {@code =} and a line {@code MSG: pkg/msg/Type} followed by its text.
 */
public final class RosDefinitions {

    private static final String SEPARATOR = "=".repeat(80);
    /** How deep {@link #fromDirectory} looks: {@code install/<pkg>/share/<pkg>/msg/<Type>.msg} is 5. */
    private static final int MAX_DEPTH = 8;

    private final Map<String, String> textByType;

    private RosDefinitions(Map<String, String> textByType) {
        this.textByType = Map.copyOf(textByType);
    }

    /** The definitions given as text by type, {@code pkg/Type} to the {@code .msg} text. */
    static RosDefinitions of(Map<String, String> textByType) {
        return new RosDefinitions(textByType);
    }

    /** No definitions at all. */
    public static RosDefinitions none() {
        return new RosDefinitions(Map.of());
    }

    /**
     * Read every {@code <package>/msg/<Type>.msg} under {@code root}, at any depth: a ROS
     * {@code share} directory, a workspace's {@code install} tree (merged or isolated) or source
     * tree. When two files define the same type, the one with the shorter path wins (then the first
     * in name order), so {@code root/<package>/msg} beats a copy deeper down.
     *
     * @throws TelemetryException when {@code root} is not a readable directory
     */
    public static RosDefinitions fromDirectory(Path root) {
        Objects.requireNonNull(root, "root must not be null");
        if (!Files.isDirectory(root)) {
            throw new TelemetryException("%s: not a directory of ROS message definitions (<package>/msg/<Type>.msg)"
                    .formatted(root));
        }
        Map<String, String> texts = new HashMap<>();
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".msg") && f.getNameCount() >= 3
                    && f.getName(f.getNameCount() - 2).toString().equals("msg") && Files.isRegularFile(f))
                    .sorted(java.util.Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString)).toList();
            for (Path file : found) {
                String name = file.getFileName().toString();
                String type = file.getName(file.getNameCount() - 3) + "/" + name.substring(0, name.length() - 4);
                if (!texts.containsKey(type)) {
                    texts.put(type, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TelemetryException("%s: cannot read message definitions: %s".formatted(root, e.getMessage()), e);
        }
        if (texts.isEmpty()) {
            throw new TelemetryException("%s: no message definitions in it (looked for <package>/msg/<Type>.msg, %d levels deep)"
                    .formatted(root, MAX_DEPTH));
        }
        return new RosDefinitions(texts);
    }

    /**
     * The common ROS 2 interface packages as released for Humble (std_msgs, builtin_interfaces, rcl_interfaces,
     * geometry_msgs, sensor_msgs, nav_msgs, tf2_msgs, diagnostic_msgs, trajectory_msgs,
     * control_msgs) and hcert's own types, bundled in the jar.
     */
    public static RosDefinitions bundledInterfaces() {
        return Bundled.INSTANCE;
    }

    /** These definitions, and {@code other}'s for the types these lack. */
    public RosDefinitions and(RosDefinitions other) {
        Map<String, String> both = new HashMap<>(other.textByType);
        both.putAll(textByType);
        return new RosDefinitions(both);
    }

    /** How many types are defined here. */
    public int size() {
        return textByType.size();
    }

    /** Loaded on first use. */
    private static final class Bundled {
        static final RosDefinitions INSTANCE = new RosDefinitions(loadBundled());
    }

    private static Map<String, String> loadBundled() {
        Map<String, String> texts = new HashMap<>();
        for (String type : resource("/ros-interfaces/INDEX").lines().filter(l -> !l.isBlank()).toList()) {
            texts.put(type, resource("/ros-interfaces/" + type.replace("/", "/msg/") + ".msg"));
        }
        for (String own : List.of("hcert/SafetyState", "hcert/Event")) {
            texts.put(own, resource("/ros-definitions/" + own.replace("/", "/msg/") + ".msg"));
        }
        return texts;
    }

    private static String resource(String name) {
        try (java.io.InputStream in = RosDefinitions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled definition %s is missing from the jar".formatted(name));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled definition " + name, e);
        }
    }

    /**
     * Assemble the ros2msg schema of {@code type} ({@code pkg/msg/Type} or {@code pkg/Type}) with
     * the dependencies found here; empty when this catalog does not define {@code type}.
     * Dependencies missing from the catalog are left out, and decoding then names them.
     *
     * @throws TelemetryException when one of the definitions is not valid
     */
    public Optional<SchemaInfo> schema(String type) {
        String key = DefinitionParser.key(type);
        if (!textByType.containsKey(key)) {
            return Optional.empty();
        }
        Set<String> included = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(key);
        StringBuilder text = new StringBuilder();
        while (!pending.isEmpty()) {
            String next = pending.removeFirst();
            String own = textByType.get(next);
            if (own == null || !included.add(next)) {
                continue;
            }
            if (!next.equals(key)) {
                text.append(SEPARATOR).append('\n').append("MSG: ").append(next.replace("/", "/msg/")).append('\n');
            }
            text.append(own);
            if (!own.endsWith("\n")) {
                text.append('\n');
            }
            pending.addAll(DefinitionParser.referencedTypes(next, own, Dialect.ROS2));
        }
        return Optional.of(new SchemaInfo(RosJsonDecoder.normalise(type), "ros2msg", text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
