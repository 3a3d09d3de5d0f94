package org.hcert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.MessageView;
import org.hcert.telemetry.mcap.MessageViews;

/**
 * Time hcert's raw MCAP reader on one file, without decoding message bodies:
 * {@code RawDecode FILE stream|indexed}. {@code stream} walks {@link McapReader#streamMessages()}
 * (file order, every record checked, chunks decompressed and CRC-checked, as {@link
 * McapReader#records()}), {@code indexed} walks {@link McapReader#indexedMessages()} (log-time
 * order through the summary, as {@link McapReader#messages()}). Prints one line, {@code mode bytes
 * messages seconds MB/s msg/s payload=N}, measured from opening the file to the last message, JVM
 * start excluded.
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
            MessageViews views = args[1].equals("stream") ? reader.streamMessages() : reader.indexedMessages();
            MessageView m = views.view();
            while (views.advance()) {
                messages++;
                payload += m.dataLength();
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
