package org.hcert.telemetry.rosbag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.hcert.telemetry.MergedSource;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;

/**
 * A rosbag2 bag as {@code ros2 bag record} leaves it: a folder with {@code metadata.yaml} and the
 * storage files it lists ({@code relative_file_paths}: one, or several when the bag was split),
 * read as one recording. The files may be sqlite3 ({@code .db3}) or MCAP.
 */
public final class BagFolder {

    /** The name of a bag folder's description. */
    public static final String METADATA = "metadata.yaml";

    private BagFolder() {}

    /** Whether {@code dir} is a bag folder (it holds {@code metadata.yaml}). */
    public static boolean is(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(METADATA));
    }

    /** The storage files of the bag folder {@code dir}, in the order its metadata lists them. */
    public static List<Path> files(Path dir) {
        Path metadata = dir.resolve(METADATA);
        if (!Files.isRegularFile(metadata)) {
            throw new TelemetryException("%s: a folder, but not a rosbag2 bag: it has no %s".formatted(dir, METADATA));
        }
        JsonNode info;
        try {
            info = new ObjectMapper(new YAMLFactory()).readTree(metadata.toFile()).path("rosbag2_bagfile_information");
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getOriginalMessage() != null
                    ? j.getOriginalMessage() : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
            throw new TelemetryException("%s: not readable as YAML: %s".formatted(metadata, why), e);
        }
        if (!info.isObject()) {
            throw new TelemetryException("%s: no rosbag2_bagfile_information: not a rosbag2 bag's metadata".formatted(metadata));
        }
        String compression = info.path("compression_mode").asText("");
        if (compression.toLowerCase(Locale.ROOT).equals("file")) {
            throw new TelemetryException(("%s: the bag's files are compressed whole (compression_mode FILE, %s); hcert does not read "
                    + "them: decompress them with `ros2 bag convert` first").formatted(metadata, info.path("compression_format").asText()));
        }
        JsonNode paths = info.path("relative_file_paths");
        if (!paths.isArray() || paths.isEmpty()) {
            throw new TelemetryException("%s: relative_file_paths lists no file".formatted(metadata));
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode p : paths) {
            Path file = dir.resolve(p.asText()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new TelemetryException("%s: relative_file_paths names %s, outside the bag folder".formatted(metadata, p.asText()));
            }
            if (!Files.isRegularFile(file)) {
                throw new TelemetryException("%s: relative_file_paths names %s, which is missing".formatted(metadata, p.asText()));
            }
            files.add(file);
        }
        return files;
    }

    /** The bag folder {@code dir} as one recording, each of its files opened by {@code open}. */
    public static TelemetrySource open(Path dir, Function<Path, TelemetrySource> open) {
        List<TelemetrySource> parts = files(dir).stream().map(open).toList();
        return parts.size() == 1 ? parts.get(0) : new MergedSource(dir.toString(), parts);
    }
}
