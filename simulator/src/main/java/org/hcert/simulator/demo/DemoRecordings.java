package org.hcert.simulator.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Write the bundled demo recordings of the virtual biped HC-1: synthetic, deterministic NDJSON
 * telemetry of a 10 s walk interrupted by an e-stop at 5.000 s, with a {@code <name>.truth.json}
 * file of the model's true values beside each. The output is byte-identical on every run.
 */
public final class DemoRecordings {

    private DemoRecordings() {}

    /**
     * Write every recording and its truth file into the directory {@code args[0]}, creating it if
     * needed.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoRecordings <output-directory>   (e.g. samples/recordings)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (String name : names()) {
            write(name, dir.resolve(name + ".ndjson"));
            writeTruth(name, dir.resolve(name + ".truth.json"));
        }
    }

    /** The names of the recordings, in a fixed order: conformant, slow-estop, … */
    public static List<String> names() {
        return Arrays.stream(Scenario.values()).map(Scenario::fileName).toList();
    }

    /**
     * Write the recording {@code name} as NDJSON to {@code file}, replacing it.
     *
     * @throws IllegalArgumentException if {@code name} is not one of {@link #names()}
     */
    public static void write(String name, Path file) throws IOException {
        Scenario scenario = scenario(name);
        Motion motion = scenario.motion();
        Truth truth = TruthAnalysis.of(scenario, motion);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new RecordingWriter(scenario, motion, truth).write(out);
        }
    }

    /** Write the truth file (JSON) of the recording {@code name} to {@code file}, replacing it. */
    public static void writeTruth(String name, Path file) throws IOException {
        Scenario scenario = scenario(name);
        Files.writeString(file, TruthAnalysis.of(scenario, scenario.motion()).toJson(), StandardCharsets.UTF_8);
    }

    private static Scenario scenario(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return Scenario.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "no demo recording named \"%s\"; expected one of %s".formatted(name, names())));
    }
}
