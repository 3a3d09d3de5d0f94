package org.hcert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hcert.telemetry.mcap.Compression;

/**
 * Write a bench recording of the 40-joint humanoid: {@code GenerateRecordings MINUTES DIR FORMAT...}
 * with FORMAT one of {@code zstd} ({@code DIR/hb40-<M>min-zstd.mcap}), {@code none}
 * ({@code DIR/hb40-<M>min-none.mcap}, chunks uncompressed) and {@code ndjson}
 * ({@code DIR/hb40-<M>min.ndjson}). The output is byte-identical on every run.
 */
public final class GenerateRecordings {

    private GenerateRecordings() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: GenerateRecordings MINUTES DIR FORMAT... (FORMAT: zstd, none, ndjson)");
            System.exit(2);
        }
        double minutes = Double.parseDouble(args[0]);
        Path dir = Path.of(args[1]);
        List<String> formats = List.of(args).subList(2, args.length);
        long started = System.nanoTime();
        List<Path> written = write(minutes, dir, formats);
        System.out.printf(Locale.ROOT, "generated %s min in %.1f s:%n", args[0], (System.nanoTime() - started) / 1e9);
        for (Path p : written) {
            System.out.printf(Locale.ROOT, "  %s  %.1f MB%n", p, size(p) / 1e6);
        }
    }

    /** Write {@code minutes} of recording into {@code dir} in each format; return the files. */
    static List<Path> write(double minutes, Path dir, List<String> formats) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        String stem = "hb40-" + name(minutes) + "min";
        List<Path> files = new ArrayList<>();
        List<Sink> sinks = new ArrayList<>();
        try {
            for (String format : formats) {
                switch (format) {
                    case "zstd" -> sinks.add(new McapSink(add(files, dir.resolve(stem + "-zstd.mcap")), Compression.ZSTD));
                    case "none" -> sinks.add(new McapSink(add(files, dir.resolve(stem + "-none.mcap")), Compression.NONE));
                    case "ndjson" -> sinks.add(new NdjsonSink(add(files, dir.resolve(stem + ".ndjson"))));
                    default -> throw new IllegalArgumentException("unknown format %s; expected zstd, none or ndjson".formatted(format));
                }
            }
            new Generator().run(Math.round(minutes * 60_000), sinks.toArray(Sink[]::new));
        } finally {
            sinks.forEach(Sink::close);
        }
        return files;
    }

    private static Path add(List<Path> files, Path file) {
        files.add(file);
        return file;
    }

    private static String name(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
