package org.hcert.runner.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.convert.BodyEncoding;
import org.hcert.telemetry.convert.Conversion;
import org.hcert.telemetry.convert.RecordingFormat;
import org.hcert.telemetry.mcap.Compression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert telemetry convert}: copy a recording into NDJSON, CSV or MCAP. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert telemetry convert samples/recordings/conformant.ndjson out/conformant.mcap", "  ./hcert telemetry convert bag_folder/ out/bag.mcap --compression lz4"},
        description = {
            "Convert a recording between NDJSON, CSV and MCAP, chosen by the extensions of IN and OUT.",
            "IN may also be a rosbag2 .db3 file. The same input always gives the same output bytes."
        })
public final class ConvertCommand implements Callable<Integer> {

    /** Option naming the MCAP chunk compression: {@value}; zstd (default), lz4 or none. */
    static final String COMPRESSION = "--compression";
    /** Option naming the MCAP body encoding: {@value}; cdr (default) or json. */
    static final String ENCODING = "--encoding";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "recording to read (.ndjson, .jsonl, .csv, .mcap, .db3, .bag, .hdf5, or a rosbag2 bag folder or LeRobot dataset)")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "file to write (.ndjson, .jsonl, .csv, .mcap); replaced if it exists")
    private Path out;

    @Mixin
    private RecordingOptions definitions = new RecordingOptions();

    @Option(names = COMPRESSION, paramLabel = "zstd|lz4|none", defaultValue = "zstd",
            description = "MCAP chunk compression (default: ${DEFAULT-VALUE})")
    private String compression;

    @Option(names = ENCODING, paramLabel = "cdr|json", defaultValue = "cdr",
            description = "MCAP message encoding: cdr with ros2msg schemas, like rosbag2 (default), or json; "
                    + "types without a bundled definition are always written as json")
    private String encoding;

    @Override
    public Integer call() {
        Conversion.Options options = new Conversion.Options(compression(), encoding());
        RecordingFiles.check(in);
        RecordingFormat format = RecordingFormat.of(out).orElseThrow(() -> new UsageException(
                "%s: cannot write this format; OUT must end in .ndjson, .jsonl, .csv or .mcap".formatted(out)));
        if (Files.exists(out) && in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UsageException("%s: IN and OUT are the same file".formatted(in));
        }
        Conversion.Result result = Conversion.convert(definitions.open(in), out, options);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("%s: %d messages on %d topics (%s)".formatted(out, result.messages(),
                result.encodingByTopic().size(), describe(format, options, result)));
        List<String> json = result.encodingByTopic().entrySet().stream().filter(e -> e.getValue().equals("json"))
                .map(Map.Entry::getKey).filter(t -> !result.keptAsJson().containsKey(t)).toList();
        result.keptAsJson().forEach((topic, why) -> stdout.println("written as json, so that nothing is invented: %s (%s)".formatted(topic, why)));
        if (format == RecordingFormat.MCAP && options.encoding() == BodyEncoding.CDR && !json.isEmpty()) {
            stdout.println("written as json (no bundled ROS 2 definition of their type): " + String.join(", ", json));
        }
        if (!result.skipped().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("hcert: warning: left out, their messages cannot be decoded (the other topics are copied whole):");
            result.skipped().forEach((topic, why) -> err.println("  %s: %s".formatted(topic, why)));
        }
        if (!result.damage().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("hcert: %s is damaged; %s holds what could be read%s:".formatted(in, out, format == RecordingFormat.MCAP
                    ? " and says so (its hcert.damage metadata keeps a certification from taking it as complete)"
                    : ", and cannot say so (only MCAP carries the damage): do not certify it as a complete recording"));
            result.damage().forEach(d -> err.println("  " + d));
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private static String describe(RecordingFormat format, Conversion.Options options, Conversion.Result result) {
        if (format != RecordingFormat.MCAP) {
            return format.name().toLowerCase(Locale.ROOT);
        }
        String compression = options.compression() == Compression.NONE ? "uncompressed" : options.compression().id();
        List<String> written = result.encodingByTopic().values().stream().flatMap(e -> java.util.Arrays.stream(e.split("\\+")))
                .distinct().toList();
        return "mcap, %s chunks, %s bodies".formatted(compression, written.isEmpty()
                ? options.encoding().name().toLowerCase(Locale.ROOT) : String.join(" and ", written));
    }

    private Compression compression() {
        return switch (compression) {
            case "zstd" -> Compression.ZSTD;
            case "lz4" -> Compression.LZ4;
            case "none" -> Compression.NONE;
            default -> throw new UsageException("%s must be zstd, lz4 or none, got \"%s\"".formatted(COMPRESSION, compression));
        };
    }

    private BodyEncoding encoding() {
        return switch (encoding) {
            case "cdr" -> BodyEncoding.CDR;
            case "json" -> BodyEncoding.JSON;
            default -> throw new UsageException("%s must be cdr or json, got \"%s\"".formatted(ENCODING, encoding));
        };
    }
}
