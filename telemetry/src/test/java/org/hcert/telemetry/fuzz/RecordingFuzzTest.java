package org.hcert.telemetry.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.ros.BundledDefinitions;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzz tests of what hcert reads from a recording: the MCAP, NDJSON and CSV readers
 * (each input written as a file and read to its end, every body decoded) and the ROS 2 (CDR) and
 * ROS 1 message decoders. A reader may refuse any input, with a {@link TelemetryException} that
 * says why; anything else it throws (an index out of bounds, a negative array size, an out of
 * memory, a stack overflow) is a defect, and the input that caused it is kept beside the seeds
 * (in {@code RecordingFuzzTestInputs/<method>/}) so that every later run replays it.
 *
 * <p>Without {@code JAZZER_FUZZ} these run as ordinary tests over their seeds and kept crashes;
 * {@code bench/fuzz} fuzzes each for a bounded time (docs/robustness.md).
 */
class RecordingFuzzTest {

    /** Messages read from one input at most: a reader that never ends is a finding of its own (a timeout). */
    private static final int MAX_MESSAGES = 100_000;
    /** Where each input is written as a file; one for the class, emptied at its end. */
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "15s")
    void mcap(byte[] input) throws IOException {
        readToTheEnd(input, "in.mcap");
    }

    @FuzzTest(maxDuration = "15s")
    void ndjson(byte[] input) throws IOException {
        readToTheEnd(input, "in.ndjson");
    }

    @FuzzTest(maxDuration = "15s")
    void csv(byte[] input) throws IOException {
        readToTheEnd(input, "in.csv");
    }

    /** The first byte picks a type and an encoding (CDR for ROS 2, ROS 1); the rest is the message. */
    @FuzzTest(maxDuration = "15s")
    void rosMessage(byte[] input) {
        if (input.length == 0) {
            return;
        }
        List<String> types = BundledDefinitions.TYPES;
        String type = types.get((input[0] & 0x7F) % types.size());
        SchemaInfo ros2 = BundledDefinitions.schema(type).orElseThrow();
        boolean asRos1 = (input[0] & 0x80) != 0;
        SchemaInfo schema = asRos1 ? new SchemaInfo(ros2.name().replace("/msg/", "/"), "ros1msg", ros2.data()) : ros2;
        try {
            RosBodyDecoders.standard().decode(schema, asRos1 ? "ros1" : "cdr", ByteBuffer.wrap(input, 1, input.length - 1));
        } catch (TelemetryException e) {
            requireReason(e);
        }
    }

    private static void readToTheEnd(byte[] input, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, input);
        try {
            TelemetrySource source = Recordings.open(file);
            try (MessageCursor cursor = source.open()) {
                for (int n = 0; n < MAX_MESSAGES && cursor.hasNext(); n++) {
                    Message m = cursor.next();
                    m.body();
                }
            }
            source.warnings();
        } catch (TelemetryException e) {
            requireReason(e);
        }
    }

    /** A refusal must say why, in words a user can act on. */
    private static void requireReason(TelemetryException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            throw new AssertionError("a refusal without a reason", e);
        }
    }
}
