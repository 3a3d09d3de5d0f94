package org.hcert.adapters.robotside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.Command;
import org.hcert.adapters.wire.Frame;
import org.hcert.adapters.wire.FrameAssembler;
import org.hcert.adapters.wire.FrameCodec;
import org.hcert.adapters.wire.FrameType;
import org.hcert.adapters.wire.Payloads;
import org.hcert.adapters.wire.Transport;
import org.hcert.adapters.wire.WireFormatException;

/**
 * The robot side of the wire protocol over one transport, on its own reader thread: checks the
 * hello (protocol and token) and answers CAPABILITIES or NACK, answers every PING with a PONG on
 * the robot clock, decodes every COMMAND and answers it as the {@link Handler} decides, and
 * reports BYE and the end of the connection. A new HELLO on the same transport starts a new
 * session (the sequence counter restarts at 0). Telemetry is sent by {@link #publish}, from any
 * thread. Faults for tests: silence, skipped sequence numbers, damaged frames.
 */
public final class RobotSession implements AutoCloseable {

    /**
     * How the robot presents itself in CAPABILITIES.
     *
     * @param robot its identity, e.g. {@code ACME H1 s/n 0042 fw 3.2.1}
     * @param token the token a hello must carry, or empty for none
     * @param commands the command names it accepts
     * @param topics the telemetry it declares: topic to type
     */
    public record Identity(String robot, String token, List<String> commands, Map<String, String> topics) {

        public Identity {
            Objects.requireNonNull(robot, "robot must not be null");
            Objects.requireNonNull(token, "token must not be null");
            commands = List.copyOf(commands);
            topics = Map.copyOf(topics);
        }
    }

    /** How the robot answers one command. */
    public record Answer(boolean answered, boolean accepted, String reason) {

        /** ACK. */
        public static Answer ack() {
            return new Answer(true, true, "");
        }

        /** NACK with a reason for the report. */
        public static Answer nack(String reason) {
            return new Answer(true, false, reason);
        }

        /** No answer at all (a robot that hangs; the harness times out). */
        public static Answer none() {
            return new Answer(false, false, "");
        }
    }

    /** What the robot does; called on the session's reader thread. */
    public interface Handler {

        /** Decide a valid command; the session sends the ACK or NACK. */
        Answer command(Command command);

        /** The answer to {@code command} has been sent (or, for {@link Answer#none()}, withheld). */
        default void answered(Command command) {}

        /** A valid hello opened a session. */
        default void sessionOpened() {}

        /**
         * The session ended: the harness said BYE, closed the connection, or the transport failed.
         *
         * @param why for the robot's log, e.g. {@code the harness said BYE: harness closed the link}
         */
        default void sessionEnded(String why) {}
    }

    private final Transport transport;
    private final Identity identity;
    private final LongSupplier robotClock;
    private final Handler handler;
    private final Thread reader;
    private long txSeq;
    private volatile boolean session;
    private volatile boolean silent;
    private volatile boolean closed;
    /** A write failed: the connection is going; send nothing more, but let the reader drain what came. */
    private volatile boolean writeFailed;
    private volatile long lastHarnessFrameNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicInteger byes = new java.util.concurrent.atomic.AtomicInteger();
    private long readRobotNs;

    private RobotSession(Transport transport, Identity identity, LongSupplier robotClock, Handler handler) {
        this.transport = Objects.requireNonNull(transport, "transport must not be null");
        this.identity = Objects.requireNonNull(identity, "identity must not be null");
        this.robotClock = Objects.requireNonNull(robotClock, "robotClock must not be null");
        this.handler = Objects.requireNonNull(handler, "handler must not be null");
        this.reader = new Thread(this::run, "hcert-robot-session " + transport.describe());
        this.reader.setDaemon(true);
    }

    /**
     * Serve the protocol on an open transport, on a new daemon thread.
     *
     * @param robotClock the robot's clock, ns (any clock that does not go backwards)
     */
    public static RobotSession serve(Transport transport, Identity identity, LongSupplier robotClock, Handler handler) {
        RobotSession s = new RobotSession(transport, identity, robotClock, handler);
        s.reader.start();
        return s;
    }

    /** Publish one telemetry message with the given robot-clock stamp (the sampling time), ns. */
    public void publish(long robotTimeNs, String topic, String type, JsonNode msg) {
        send(FrameType.TELEMETRY, robotTimeNs, Payloads.telemetry(topic, type, msg));
    }

    /**
     * Send one telemetry frame with one byte flipped after the CRC was computed: the frame's
     * sequence number is used up, so the harness sees a corrupt frame and then a gap.
     */
    public synchronized void publishDamaged(long robotTimeNs, String topic, String type, JsonNode msg) {
        if (silent || closed || writeFailed) {
            return;
        }
        writeRaw(damage(FrameCodec.encode(new Frame(FrameType.TELEMETRY, txSeq, robotTimeNs, Payloads.telemetry(topic, type, msg)))));
        txSeq = (txSeq + 1) & Frame.MAX_SEQ;
    }

    /** Send {@code n} frames with a wrong CRC that use no sequence number, as line noise would leave them. */
    public synchronized void sendNoise(int n) {
        for (int i = 0; i < n && !silent && !closed && !writeFailed; i++) {
            writeRaw(damage(FrameCodec.encode(new Frame(FrameType.TELEMETRY, txSeq, robotClock.getAsLong(),
                    Payloads.telemetry("/noise", "std_msgs/msg/Empty", JsonNodeFactory.instance.objectNode())))));
        }
    }

    /** Flip a bit of the CRC (three bytes before the delimiter), keeping the byte non-zero for COBS. */
    private static byte[] damage(byte[] wire) {
        int at = wire.length - 3;
        wire[at] ^= 0x10;
        wire[at] = wire[at] == 0 ? 1 : wire[at];
        return wire;
    }

    /** Leave out {@code n} sequence numbers, as if {@code n} frames were lost. */
    public synchronized void skipSequenceNumbers(int n) {
        txSeq = (txSeq + n) & Frame.MAX_SEQ;
    }

    /** Send nothing (no pongs, answers or telemetry) while {@code on}; commands are still decided. */
    public void silence(boolean on) {
        silent = on;
    }

    /** Whether a session is open: a valid hello came, and no BYE or end of connection since. */
    public boolean inSession() {
        return session;
    }

    /** When the last valid frame from the harness arrived, {@link System#nanoTime()}. */
    public long lastHarnessFrameNanos() {
        return lastHarnessFrameNanos;
    }

    /** How many BYE frames the harness sent. */
    public int byes() {
        return byes.get();
    }

    /** Whether the reader still runs (the transport is open and the other side has not closed it). */
    public boolean isAlive() {
        return reader.isAlive();
    }

    /** Wait until the reader ends (the connection closed), at most {@code millis} ms (0: for ever). */
    public void join(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** Close the connection abruptly, without a BYE. */
    public void hangUp() {
        closed = true;
        transport.close();
    }

    /** Say BYE with a reason, ending the session from the robot's side. */
    public void bye(String reason) {
        send(FrameType.BYE, robotClock.getAsLong(), JsonNodeFactory.instance.objectNode().put("reason", reason));
        end("the robot said BYE: " + reason);
    }

    /** Close the transport and wait for the reader to end; never throws. */
    @Override
    public void close() {
        closed = true;
        transport.close();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        FrameAssembler assembler = new FrameAssembler(new FrameAssembler.Sink() {
            @Override
            public void frame(Frame frame) {
                lastHarnessFrameNanos = System.nanoTime();
                handle(frame);
            }

            @Override
            public void corrupt(WireFormatException problem) {
                // Dropped: the harness's sequence numbers show whether it was a real frame.
            }
        });
        byte[] buf = new byte[8192];
        String why = "the transport was closed";
        while (!closed) {
            int n;
            try {
                n = transport.read(buf);
            } catch (IOException e) {
                why = "the transport failed: " + e.getMessage();
                break;
            }
            if (n < 0) {
                why = "the harness closed the connection";
                break;
            }
            readRobotNs = robotClock.getAsLong();
            assembler.feed(buf, 0, n);
        }
        end(why);
        closed = true;
        transport.close();
    }

    private void end(String why) {
        if (session) {
            session = false;
            handler.sessionEnded(why);
        }
    }

    private void handle(Frame f) {
        switch (f.type()) {
            case HELLO -> hello(f);
            case PING -> send(FrameType.PONG, robotClock.getAsLong(), JsonNodeFactory.instance.objectNode().put("ping", f.seq())
                    .put("t1", f.timeNs()).put("t2", readRobotNs));
            case COMMAND -> command(f);
            case BYE -> {
                byes.incrementAndGet();
                end("the harness said BYE: " + f.get("reason").asText("no reason given"));
            }
            default -> { }
        }
    }

    private void hello(Frame f) {
        synchronized (this) {
            txSeq = 0;
        }
        if (f.get("protocol").asInt() != FrameCodec.VERSION) {
            nack(0, "protocol version %s is not supported; this robot speaks %d".formatted(f.get("protocol"), FrameCodec.VERSION));
        } else if (!identity.token().isEmpty() && !identity.token().equals(f.get("token").asText(""))) {
            nack(0, "the token does not match");
        } else {
            send(FrameType.CAPABILITIES, robotClock.getAsLong(), Payloads.capabilities(
                    new Capabilities(FrameCodec.VERSION, identity.robot(), identity.commands(), identity.topics())));
            session = true;
            handler.sessionOpened();
        }
    }

    private void command(Frame f) {
        Command c;
        try {
            c = Command.fromBody(f.body());
        } catch (IllegalArgumentException e) {
            nack(f.seq(), java.util.Objects.requireNonNullElse(e.getMessage(), "malformed command"));
            return;
        }
        Answer a = handler.command(c);
        if (a.answered() && a.accepted()) {
            send(FrameType.ACK, robotClock.getAsLong(), JsonNodeFactory.instance.objectNode().put("ack", f.seq()));
        } else if (a.answered()) {
            nack(f.seq(), a.reason());
        }
        handler.answered(c);
    }

    private void nack(long seq, String reason) {
        send(FrameType.NACK, robotClock.getAsLong(), JsonNodeFactory.instance.objectNode().put("ack", seq).put("reason", reason));
    }

    private synchronized void send(FrameType type, long robotTimeNs, ObjectNode body) {
        if (silent || closed || writeFailed) {
            return;
        }
        writeRaw(FrameCodec.encode(new Frame(type, txSeq, robotTimeNs, body)));
        txSeq = (txSeq + 1) & Frame.MAX_SEQ;
    }

    private void writeRaw(byte[] bytes) {
        try {
            transport.write(bytes);
        } catch (IOException e) {
            // Not closed here: a BYE may still wait in the receive buffer, and closing under the
            // reader would report "Socket closed" instead. The reader ends at the end of stream.
            writeFailed = true;
        }
    }
}
