package org.hcert.adapters.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hcert.adapters.Command;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.robotside.RobotSession;
import org.hcert.adapters.tcp.TcpTransport;
import org.hcert.adapters.wire.Transport;

/**
 * A robot that answers the hello (checking the token), pongs with its own clock, acknowledges
 * commands and records them, and publishes the telemetry it is told to. Its clock is the
 * harness's system clock plus a fixed offset, so tests know the truth. Faults on demand: silence,
 * sequence gaps, corrupt frames, refused or unanswered commands, hang-up. The protocol itself is
 * {@link RobotSession}'s.
 */
public final class EchoRobot implements RobotPeer {

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

    private final Config config;
    private final HarnessClock clock = HarnessClock.system();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final RobotSession session;
    private volatile boolean opened;
    private volatile boolean ignoreCommands;

    private EchoRobot(Transport transport, Config config) {
        this.config = config;
        this.session = RobotSession.serve(transport, new RobotSession.Identity(config.name(), config.token(), COMMANDS, config.topics()),
                this::robotNowNs, new RobotSession.Handler() {
                    @Override
                    public RobotSession.Answer command(Command c) {
                        return decide(c);
                    }

                    @Override
                    public void sessionOpened() {
                        opened = true;
                    }
                });
    }

    /** Serve the protocol on an open transport, on a new thread. */
    public static EchoRobot serve(Transport transport, Config config) {
        return new EchoRobot(transport, config);
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
    @Override
    public void publish(String topic, String type, JsonNode msg) {
        publishStamped(robotNowNs(), topic, type, msg);
    }

    /** Publish one telemetry message with the given robot-clock stamp, nanoseconds. */
    @Override
    public void publishStamped(long robotTimeNs, String topic, String type, JsonNode msg) {
        session.publish(robotTimeNs, topic, type, msg);
    }

    /** Stop sending anything: no pongs, acks or telemetry (a stalled robot). */
    @Override
    public void goSilent() {
        session.silence(true);
    }

    /** Leave out {@code n} sequence numbers, as if {@code n} frames were lost. */
    public void skipSequenceNumbers(int n) {
        session.skipSequenceNumbers(n);
    }

    /** Send {@code n} frames whose CRC is wrong, as line noise would leave them. */
    public void sendCorruptFrames(int n) {
        session.sendNoise(n);
    }

    /** Answer commands named {@code name} with a NACK carrying {@code reason}. */
    @Override
    public void refuse(String name, String reason) {
        refusals.put(name, reason);
    }

    /** Receive commands but never answer them. */
    @Override
    public void ignoreCommands() {
        ignoreCommands = true;
    }

    /** Close the connection abruptly, without a BYE. */
    @Override
    public void hangUp() {
        session.hangUp();
    }

    /** The commands received so far, in order. */
    @Override
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Wait until a command matching {@code wanted} has been received. */
    @Override
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
    @Override
    public int byes() {
        return session.byes();
    }

    /** Whether a session was opened by a valid hello. */
    @Override
    public boolean inSession() {
        return opened;
    }

    @Override
    public void close() {
        session.close();
    }

    private RobotSession.Answer decide(Command c) {
        synchronized (this) {
            commands.add(c);
            notifyAll();
        }
        if (ignoreCommands) {
            return RobotSession.Answer.none();
        }
        String refusal = refusals.get(c.name());
        return refusal == null ? RobotSession.Answer.ack() : RobotSession.Answer.nack(refusal);
    }
}
