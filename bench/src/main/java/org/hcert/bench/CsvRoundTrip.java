package org.hcert.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.csv.CsvWriter;

/**
 * Time hcert's CSV writer and reader on one recording: {@code CsvRoundTrip SOURCE OUT.csv}. Four
 * phases, each timed from opening to the last message, JVM start excluded: {@code source} reads
 * every message of SOURCE (the reference; after one untimed pass), {@code columns} reads them again and finds the CSV
 * columns ({@link CsvWriter#columns}), {@code write} reads them a third time and writes each as a
 * CSV row ({@link CsvWriter#write}; {@code write} minus {@code source} is the writer's cost), and
 * {@code read} reads every message of the CSV back through {@link Recordings#open}. The two middle
 * phases are what {@code hcert telemetry convert IN OUT.csv} does. Prints one line per phase:
 * {@code phase messages bytes wall-seconds cpu-seconds}, the bytes being those of the file read or
 * written and the CPU time that of the whole process (GC and JIT included), which a shared machine's
 * load disturbs less than the wall time.
 *
 * <p>The bench defines {@code hcert/msg/SafetyState} and {@code hcert/msg/Event} with a
 * {@code std_msgs/Header} that hcert's bundled definitions do not have (see {@link RosTypes}), and
 * the CSV reader rejects a column that is not a field of the row's type. The CSV therefore leaves
 * that {@code header} out of those two types.
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
        TelemetrySource messages = new WithoutHcertHeaders(Recordings.open(source));
        pass(messages); // warms the JIT for the source reader, so that source is comparable with write
        Clock started = Clock.now();
        long n = pass(messages);
        report("source", n, size(source), started);
        started = Clock.now();
        List<String> columns = CsvWriter.columns(messages);
        report("columns", n, size(source), started);
        started = Clock.now();
        n = 0;
        try (CsvWriter writer = CsvWriter.open(csv, columns); MessageCursor cursor = messages.open()) {
            while (cursor.hasNext()) {
                writer.write(cursor.next());
                n++;
            }
        }
        report("write", n, size(csv), started);
        started = Clock.now();
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

    private static void report(String phase, long messages, long bytes, Clock started) {
        Clock now = Clock.now();
        System.out.printf(Locale.ROOT, "%s %d %d %.3f %.3f%n", phase, messages, bytes, (now.wallNs - started.wallNs) / 1e9,
                (now.cpuNs - started.cpuNs) / 1e9);
    }

    /** The wall clock and the CPU time of this process, in ns. */
    private record Clock(long wallNs, long cpuNs) {

        static Clock now() {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Clock(System.nanoTime(), os.getProcessCpuTime());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
