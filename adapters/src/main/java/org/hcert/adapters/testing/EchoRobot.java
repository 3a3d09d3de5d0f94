package org.hcert.adapters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.Command;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.tcp.TcpTransport;
import org.hcert.adapters.wire.Frame;
import org.hcert.adapters.wire.FrameAssembler;
import org.hcert.adapters.wire.FrameCodec;
import org.hcert.adapters.wire.FrameType;
import org.hcert.adapters.wire.Payloads;
import org.hcert.adapters.wire.Transport;
import org.hcert.adapters.wire.WireFormatException;

/**
 * A robot that answers the hello (checking the token), pongs with its own clock, acknowledges
 * commands and records them, and publishes the telemetry it is told to. Its clock is the
 * harness's system clock plus a fixed offset, so tests know the truth. Faults on demand: silence,
 * sequence gaps, corrupt frames, refused or unanswered commands, hang-up.
 */
public final class EchoRobot implements AutoCloseable {

    /**
     * How the robot presents itself.
     *
     * @param name its identity in CAPABILITIES
     * @param token the token a hello must carry, or empty for none
     * @param clockOffsetNs its clock minus the harness's system clock, nanoseconds
     * @param topics the telemetry it declares: topic to type
     */
    public record Config(String name, String token, long clockOffsetNs, Map<String, String> topics) {

        public Config {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(token, "token must not be null");
            topics = Map.copyOf(topics);
        }

        /** An echo robot with no token, a clock 1234.5 s ahead, declaring {@code /joint_states}. */
        public static Config defaults() {
            return new Config("hcert EchoRobot", "", 1_234_500_000_000L, Map.of("/joint_states", "sensor_msgs/msg/JointState"));
        }

        public Config withToken(String t) {
            return new Config(name, t, clockOffsetNs, topics);
        }
    }

    private static final List<String> COMMANDS = List.of("walk", "joint", "hand", "stop", "reset", "mode");

    private final Transport transport;
    private final Config config;
    private final HarnessClock clock = HarnessClock.system();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Thread thread;
    private long txSeq;
    private volatile boolean session;
    private volatile boolean silent;
    private volatile boolean ignoreCommands;
    private volatile boolean closed;
    private volatile int byes;
    private long readRobotNs;

    private EchoRobot(Transport transport, Config config) {
        this.transport = transport;
        this.config = config;
        this.thread = new Thread(this::run, "hcert-echo-robot " + transport.describe());
        this.thread.setDaemon(true);
    }

    /** Serve the protocol on an open transport, on a new thread. */
    public static EchoRobot serve(Transport transport, Config config) {
        EchoRobot robot = new EchoRobot(transport, config);
        robot.thread.start();
        return robot;
    }

    /** Accept one connection on {@code server} (blocking) and serve it. */
    public static EchoRobot acceptOne(ServerSocket server, Config config) throws IOException {
        return serve(TcpTransport.over(server.accept()), config);
    }

    /** Now on the robot's clock, nanoseconds. */
    public long robotNowNs() {
        return clock.nowNs() + config.clockOffsetNs();
    }

    /** Publish one telemetry message stamped now. */
    public void publish(String topic, String type, JsonNode msg) {
        publishStamped(robotNowNs(), topic, type, msg);
    }

    /** Publish one telemetry message with the given robot-clock stamp, nanoseconds. */
    public void publishStamped(long robotTimeNs, String topic, String type, JsonNode msg) {
        send(FrameType.TELEMETRY, robotTimeNs, Payloads.telemetry(topic, type, msg));
    }

    /** Stop sending anything: no pongs, acks or telemetry (a stalled robot). */
    public void goSilent() {
        silent = true;
    }

    /** Leave out {@code n} sequence numbers, as if {@code n} frames were lost. */
    public synchronized void skipSequenceNumbers(int n) {
        txSeq = (txSeq + n) & Frame.MAX_SEQ;
    }

    /** Send {@code n} frames whose CRC is wrong, as line noise would leave them. */
    public synchronized void sendCorruptFrames(int n) {
        for (int i = 0; i < n; i++) {
            byte[] raw = FrameCodec.encode(new Frame(FrameType.TELEMETRY, txSeq, robotNowNs(),
                    Payloads.telemetry("/noise", "std_msgs/msg/Empty", JsonNodeFactory.instance.objectNode())));
            raw[raw.length - 3] ^= 0x10;
            raw[raw.length - 3] = raw[raw.length - 3] == 0 ? 1 : raw[raw.length - 3];
            writeRaw(raw);
        }
    }

    /** Answer commands named {@code name} with a NACK carrying {@code reason}. */
    public void refuse(String name, String reason) {
        refusals.put(name, reason);
    }

    /** Receive commands but never answer them. */
    public void ignoreCommands() {
        ignoreCommands = true;
    }

    /** Close the connection abruptly, without a BYE. */
    public void hangUp() {
        closed = true;
        transport.close();
    }

    /** The commands received so far, in order. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Wait until a command matching {@code wanted} has been received. */
    public Optional<Command> awaitCommand(Predicate<Command> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<Command> hit = commands.stream().filter(wanted).findFirst();
                long left = end - System.nanoTime();
                if (hit.isPresent() || left <= 0) {
                    return hit;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** How many BYE frames the harness sent. */
    public int byes() {
        return byes;
    }

    /** Whether a session was opened by a valid hello. */
    public boolean inSession() {
        return session;
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        FrameAssembler assembler = new FrameAssembler(new FrameAssembler.Sink() {
            @Override
            public void frame(Frame frame) {
                handle(frame);
            }

            @Override
            public void corrupt(WireFormatException problem) {
                // A real bridge counts these; the harness's own checks are under test here.
            }
        });
        byte[] buf = new byte[8192];
        while (!closed) {
            int n;
            try {
                n = transport.read(buf);
            } catch (IOException e) {
                return;
            }
            if (n < 0) {
                return;
            }
            readRobotNs = robotNowNs();
            assembler.feed(buf, 0, n);
        }
    }

    private void handle(Frame f) {
        switch (f.type()) {
            case HELLO -> hello(f);
            case PING -> send(FrameType.PONG, robotNowNs(), JsonNodeFactory.instance.objectNode().put("ping", f.seq())
                    .put("t1", f.timeNs()).put("t2", readRobotNs));
            case COMMAND -> command(f);
            case BYE -> byes++;
            default -> { }
        }
    }

    private void hello(Frame f) {
        synchronized (this) {
            txSeq = 0;
        }
        if (f.get("protocol").asInt() != FrameCodec.VERSION) {
            nack(0, "protocol version %s is not supported; this robot speaks %d".formatted(f.get("protocol"), FrameCodec.VERSION));
        } else if (!config.token().isEmpty() && !config.token().equals(f.get("token").asText(""))) {
            nack(0, "the token does not match");
        } else {
            session = true;
            send(FrameType.CAPABILITIES, robotNowNs(), Payloads.capabilities(
                    new Capabilities(FrameCodec.VERSION, config.name(), COMMANDS, config.topics())));
        }
    }

    private void command(Frame f) {
        Command c;
        try {
            c = Command.fromBody(f.body());
        } catch (IllegalArgumentException e) {
            nack(f.seq(), e.getMessage());
            return;
        }
        synchronized (this) {
            commands.add(c);
            notifyAll();
        }
        String refusal = refusals.get(c.name());
        if (ignoreCommands) {
            return;
        }
        if (refusal != null) {
            nack(f.seq(), refusal);
        } else {
            send(FrameType.ACK, robotNowNs(), JsonNodeFactory.instance.objectNode().put("ack", f.seq()));
        }
    }

    private void nack(long seq, String reason) {
        send(FrameType.NACK, robotNowNs(), JsonNodeFactory.instance.objectNode().put("ack", seq).put("reason", reason));
    }

    private synchronized void send(FrameType type, long robotTimeNs, ObjectNode body) {
        if (silent || closed) {
            return;
        }
        writeRaw(FrameCodec.encode(new Frame(type, txSeq, robotTimeNs, body)));
        txSeq = (txSeq + 1) & Frame.MAX_SEQ;
    }

    private void writeRaw(byte[] bytes) {
        try {
            transport.write(bytes);
        } catch (IOException e) {
            closed = true;
        }
    }
}
