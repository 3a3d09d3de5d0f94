package org.hcert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;

/**
 * Time hcert's raw MCAP reader on one file, without decoding message bodies:
 * {@code RawDecode FILE stream|indexed}. {@code stream} iterates {@link McapReader#records()} (file
 * order, chunks decompressed and CRC-checked), {@code indexed} iterates {@link McapReader#messages()}
 * (log-time order through the summary). Prints one line, {@code mode bytes messages seconds MB/s
 * msg/s}, measured from opening the file to the last message, JVM start excluded.
 */
public final class RawDecode {

    private RawDecode() {}

    public static void main(String[] args) {
        if (args.length != 2 || !(args[1].equals("stream") || args[1].equals("indexed"))) {
            System.err.println("usage: RawDecode FILE stream|indexed");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long started = System.nanoTime();
        long messages = 0;
        long payload = 0;
        try (McapReader reader = McapReader.open(file)) {
            Iterator<? extends McapRecord> records = args[1].equals("stream") ? reader.records() : reader.messages();
            while (records.hasNext()) {
                if (records.next() instanceof McapRecord.Message m) {
                    messages++;
                    payload += m.data().remaining();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = size(file);
        System.out.printf(Locale.ROOT, "%s %d %d %.3f %.1f %.0f payload=%d%n", args[1], bytes, messages, seconds,
                bytes / 1e6 / seconds, messages / seconds, payload);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
