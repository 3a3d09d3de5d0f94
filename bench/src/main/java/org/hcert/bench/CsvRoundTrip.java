package org.hcert.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.convert.Conversion;

/**
 * Time hcert's CSV writer and reader on one recording: {@code CsvRoundTrip SOURCE CSV}. Three
 * phases, each timed from opening to the last message, JVM start excluded: {@code source} reads
 * every message of SOURCE once (the reference: the conversion reads it twice), {@code write}
 * converts SOURCE to CSV with {@link Conversion#convert} (one pass for the columns, one for the
 * rows), {@code read} reads every message of CSV back through {@link Recordings#open}. Prints one
 * line per phase: {@code phase messages bytes seconds MB/s msg/s}, the bytes being those of the
 * file read or written.
 *
 * <p>The bench defines {@code hcert/msg/SafetyState} and {@code hcert/msg/Event} with a
 * {@code std_msgs/Header} that hcert's bundled definitions do not have (see {@link RosTypes}), and
 * the CSV reader rejects a column that is not a field of the row's type. The conversion therefore
 * leaves that {@code header} out of those two types.
 */
public final class CsvRoundTrip {

    private CsvRoundTrip() {}

    public static void main(String[] args) {
        if (args.length != 2 || !args[1].endsWith(".csv")) {
            System.err.println("usage: CsvRoundTrip SOURCE OUT.csv");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        long started = System.nanoTime();
        long n = pass(Recordings.open(source));
        report("source", n, size(source), started);
        started = System.nanoTime();
        n = Conversion.convert(new WithoutHcertHeaders(Recordings.open(source)), csv, Conversion.Options.defaults())
                .messages();
        report("write", n, size(csv), started);
        started = System.nanoTime();
        n = pass(Recordings.open(csv));
        report("read", n, size(csv), started);
    }

    /** Read every message; touch each body so that nothing is left unread. */
    private static long pass(TelemetrySource source) {
        long n = 0;
        long fields = 0;
        try (MessageCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Message m = cursor.next();
                fields += m.body().size();
                n++;
            }
        }
        if (fields < 0) {
            throw new AssertionError("unreachable");
        }
        return n;
    }

    /** {@code source} with the {@code header} field left out of the bodies of {@code hcert/msg/*} messages. */
    private record WithoutHcertHeaders(TelemetrySource source) implements TelemetrySource {

        @Override
        public String describe() {
            return source.describe();
        }

        @Override
        public MessageCursor open() {
            MessageCursor cursor = source.open();
            return new MessageCursor() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Message next() {
                    Message m = cursor.next();
                    if (!m.type().startsWith("hcert/msg/") || !m.body().has("header")) {
                        return m;
                    }
                    ObjectNode body = ((ObjectNode) m.body()).deepCopy();
                    body.remove("header");
                    return new Message(m.logTimeNs(), m.topic(), m.type(), body, m.origin());
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }
    }

    private static void report(String phase, long messages, long bytes, long startedNs) {
        double seconds = (System.nanoTime() - startedNs) / 1e9;
        System.out.printf(Locale.ROOT, "%s %d %d %.3f %.1f %.0f%n", phase, messages, bytes, seconds,
                bytes / 1e6 / seconds, messages / seconds);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
