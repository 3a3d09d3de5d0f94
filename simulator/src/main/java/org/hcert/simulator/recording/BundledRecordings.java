package org.hcert.simulator.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hcert.telemetry.convert.Conversion;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ndjson.NdjsonWriter;

/**
 * Write the bundled recordings of {@code samples/recordings/}: the live model HC-1 run through one
 * script, once without a fault and once with each fault that makes a failing example, as NDJSON
 * with a {@code <name>.truth.json} of the model's true values beside each. The output is the same,
 * byte for byte, on every run.
 */
public final class BundledRecordings {

    private BundledRecordings() {}

    /** Write every recording and its truth file into the directory {@code args[0]}, creating it if needed. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BundledRecordings <output-directory>   (e.g. samples/recordings)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (String name : names()) {
            write(name, dir);
        }
        writeCatalogue(dir);
    }

    /** The file name of the recording of {@link Script#CATALOGUE}. */
    public static final String CATALOGUE = "catalogue.mcap";

    /**
     * Run {@link Script#CATALOGUE} without faults and write {@value #CATALOGUE} into {@code dir},
     * replacing it: MCAP with zstd chunks and CDR bodies, as {@code hcert telemetry convert} writes it.
     */
    public static void writeCatalogue(Path dir) throws IOException {
        Path ndjson = Files.createTempFile("hcert-catalogue", ".ndjson");
        try {
            try (NdjsonWriter out = NdjsonWriter.open(ndjson)) {
                Script.CATALOGUE.on(ScriptedRun.CONFIG).run(out::write);
            }
            Conversion.convert(new NdjsonSource(ndjson), dir.resolve(CATALOGUE), Conversion.Options.defaults());
        } finally {
            Files.deleteIfExists(ndjson);
        }
    }

    /** The names of the recordings, in a fixed order: conformant, slow-estop, … */
    public static List<String> names() {
        return Arrays.stream(Variant.values()).map(Variant::fileName).toList();
    }

    /**
     * Run the recording {@code name} and write {@code <name>.ndjson} and {@code <name>.truth.json}
     * into {@code dir}, replacing them.
     *
     * @throws IllegalArgumentException if {@code name} is not one of {@link #names()}
     */
    public static void write(String name, Path dir) throws IOException {
        Objects.requireNonNull(name, "name must not be null");
        Variant variant = Variant.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "no bundled recording named \"%s\"; expected one of %s".formatted(name, names())));
        RecordingTruth truth;
        try (NdjsonWriter out = NdjsonWriter.open(dir.resolve(name + ".ndjson"))) {
            truth = ScriptedRun.run(variant, out::write);
        }
        Files.writeString(dir.resolve(name + ".truth.json"), truth.toJson(), StandardCharsets.UTF_8);
    }
}
