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
     * Read every {@code <root>/<package>/msg/<Type>.msg}, the layout of a ROS share directory.
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
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = root.relativize(file);
                String name = file.getFileName().toString();
                if (relative.getNameCount() == 3 && relative.getName(1).toString().equals("msg") && name.endsWith(".msg")) {
                    String type = relative.getName(0) + "/" + name.substring(0, name.length() - 4);
                    texts.put(type, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TelemetryException("%s: cannot read message definitions: %s".formatted(root, e.getMessage()), e);
        }
        return new RosDefinitions(texts);
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
