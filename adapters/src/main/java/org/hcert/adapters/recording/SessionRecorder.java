package org.hcert.adapters.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapWriter;

/**
 * Write everything a link carries to an MCAP file as it arrives: telemetry on the robot's topics
 * (log time = the robot's stamp mapped to the harness clock, publish time = arrival), and on
 * {@code /hcert/link/*} the commands sent, the answers, the clock estimates, the status messages of
 * the robot's server and the loss of the link. Message encoding {@code json}, one schema per message type, zstd chunks. A chunk is closed
 * and written at least every {@code flushEvery}, so a killed harness leaves a file that
 * {@code McapReader.openRecovering} reads up to that moment. Thread-safe.
 */
public final class SessionRecorder implements AutoCloseable {

    /** The topics the recorder writes about the link itself. */
    public static final String COMMAND_TOPIC = "/hcert/link/command";

    public static final String REPLY_TOPIC = "/hcert/link/reply";

    public static final String CLOCK_TOPIC = "/hcert/link/clock";

    public static final String LOST_TOPIC = "/hcert/link/lost";

    public static final String STATUS_TOPIC = "/hcert/link/status";
    /** Topic of the harness's own session events (an abort): {@value}. */
    public static final String SESSION_TOPIC = "/hcert/session";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McapWriter writer;
    private final RobotLink link;
    private final HarnessClock clock;
    private final Map<String, Integer> channels = new HashMap<>();
    private final Map<String, long[]> lastLogTimes = new java.util.HashMap<>();
    private final Map<String, Integer> schemas = new HashMap<>();
    private final ScheduledExecutorService flusher;
    private final LinkListener listener = new Listener();
    private long ownSeq;
    private boolean closed;

    private SessionRecorder(McapWriter writer, RobotLink link, Duration flushEvery) {
        this.writer = writer;
        this.link = link;
        this.clock = link.options().clock();
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hcert-recorder-flush");
            t.setDaemon(true);
            return t;
        });
        long every = flushEvery.toNanos();
        @SuppressWarnings("FutureReturnValueIgnored") // cancelled by shutting the executor down on close
        var unused = flusher.scheduleAtFixedRate(this::flush, every, every, TimeUnit.NANOSECONDS);
    }

    /**
     * Start recording a link into {@code file} (created or replaced).
     *
     * @param flushEvery the longest time a received message waits before it is on disk; e.g. 1 s
     */
    public static SessionRecorder start(Path file, RobotLink link, Duration flushEvery) {
        McapWriter writer = McapWriter.builder().compression(Compression.ZSTD).chunkSize(256 * 1024).library("hcert adapters")
                .open(file);
        writer.metadata("hcert.session", Map.of("link", link.describe()));
        SessionRecorder recorder = new SessionRecorder(writer, link, flushEvery);
        link.addListener(recorder.listener);
        return recorder;
    }

    /** Close the open chunk and write it out now. */
    public synchronized void flush() {
        if (!closed) {
            writer.flush();
        }
    }

    /** Record that the harness aborts the session, and why (an event {@code run_aborted} on {@link #SESSION_TOPIC}), and flush. */
    public void abort(String reason) {
        own(SESSION_TOPIC, "hcert/msg/Event", JsonNodeFactory.instance.objectNode().put("kind", "run_aborted").put("detail", reason));
        flush();
    }

    /** Stop recording and finish the file (summary and footer). */
    @Override
    public void close() {
        link.removeListener(listener);
        // shutdown, not shutdownNow: an interrupt during the flusher's write would close the file's
        // channel, and the summary below could not be written; a flush in progress ends first (both
        // hold this recorder's lock), later ones are cancelled
        flusher.shutdown();
        synchronized (this) {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
    }

    private synchronized void write(String topic, String type, long seq, long logTimeNs, long publishTimeNs, JsonNode body) {
        if (closed) {
            return;
        }
        int channel = channels.computeIfAbsent(topic + '\n' + type, k -> writer.registerChannel(topic, "json",
                schemas.computeIfAbsent(type, t -> writer.registerSchema(t, "jsonschema",
                        "{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8))), Map.of()));
        try {
            writer.write(channel, seq, logTimeNs, publishTimeNs, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    /**
     * The log time to write for a message of {@code topic}: its robot stamp mapped to the harness
     * clock, but never before the topic's previous message. The mapping follows the clock-offset
     * estimate, which may step back by a millisecond or more between two messages; readers order an
     * MCAP file by log time, so without this a topic's messages could be read back out of the order
     * they were published and received in (and its header stamps seem to step back).
     */
    private synchronized long monotonic(String topic, long logTimeNs) {
        long[] last = lastLogTimes.computeIfAbsent(topic, k -> new long[] {Long.MIN_VALUE});
        last[0] = Math.max(last[0], logTimeNs);
        return last[0];
    }

    private void own(String topic, String type, ObjectNode body) {
        long now = clock.nowNs();
        long seq;
        synchronized (this) {
            seq = ownSeq++;
        }
        write(topic, type, seq, now, now, body);
    }

    /** The recorder's view of the link. */
    private final class Listener implements LinkListener {

        @Override
        public void onTelemetry(ReceivedTelemetry t) {
            write(t.message().topic(), t.message().type(), t.seq(), monotonic(t.message().topic(), t.message().logTimeNs()),
                    t.receivedNs(), t.message().body());
        }

        @Override
        public void onCommand(long seq, Command command, long sentNs) {
            own(COMMAND_TOPIC, "hcert/msg/LinkCommand", command.toBody().put("seq", seq));
        }

        @Override
        public void onReply(CommandReply reply, long receivedNs) {
            own(REPLY_TOPIC, "hcert/msg/LinkReply", JsonNodeFactory.instance.objectNode().put("seq", reply.seq())
                    .put("accepted", reply.accepted()).put("reason", reply.reason()).put("robot_time_ns", reply.robotTimeNs()));
        }

        @Override
        public void onClockOffset(ClockOffset o) {
            own(CLOCK_TOPIC, "hcert/msg/ClockOffset", JsonNodeFactory.instance.objectNode().put("offset_ns", o.offsetNs())
                    .put("uncertainty_ns", o.uncertaintyNs()).put("round_trip_ns", o.roundTripNs()).put("exchanges", o.exchanges()));
        }

        @Override
        public void onStatus(String level, String message, long receivedNs) {
            own(STATUS_TOPIC, "hcert/msg/LinkStatus", JsonNodeFactory.instance.objectNode().put("level", level).put("message", message));
        }

        @Override
        public void onLost(LinkException problem) {
            own(LOST_TOPIC, "hcert/msg/Event", JsonNodeFactory.instance.objectNode().put("kind", "link_lost")
                    .put("detail", problem.getMessage()));
            flush();
        }

        @Override
        public String toString() {
            return "the session recorder";
        }
    }
}
