package org.hcert.simulator.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import org.hcert.adapters.Command;
import org.hcert.adapters.robotside.RobotSession;
import org.hcert.adapters.serial.SerialSettings;
import org.hcert.adapters.serial.SerialTransport;
import org.hcert.adapters.tcp.TlsFiles;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.wire.Transport;
import org.hcert.simulator.CommandResult;
import org.hcert.simulator.OutboundMessage;
import org.hcert.simulator.RealTimePacer;
import org.hcert.simulator.StopTruth;
import org.hcert.simulator.TrueState;
import org.hcert.simulator.VirtualHumanoid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serve one {@link VirtualHumanoid} over the wire protocol to one harness at a time, in real time.
 *
 * <p>A pacer thread steps the model at 1 kHz ({@link LockSupport#parkNanos}) by the real time
 * elapsed, and publishes its telemetry as it is produced, stamped with the robot clock (the model's
 * time plus its boot epoch). Unlike {@link RealTimePacer}, it never drops time after a long pause
 * (a garbage collection, a loaded machine): it catches up in one go and sends that telemetry late
 * but truthfully stamped, so that the robot clock stays one continuous clock, which the harness's
 * clock-offset estimate relies on. Commands are translated into the model's and answered ACK, or NACK with the
 * model's refusal reason. When no frame has come from the harness for the deadman timeout during
 * a session, or the harness says BYE or disconnects, the server commands a software stop and
 * records why ({@link #robotSideStops()}).
 *
 * <p>Over TLS ({@link ServeConfig#tls}) the accepting thread finishes each connection's TLS 1.3
 * handshake (within {@link TlsServer#HANDSHAKE_TIMEOUT_MS} ms) before the session starts; a
 * connection whose handshake fails is logged with the reason and the next one is served.
 *
 * <p>In-process use: {@code SimulatorServer.start(ServeConfig.tcp(0))}, connect to
 * {@code tcp://127.0.0.1:} + {@link #port()}, compare with {@link #truth()}, then {@link #close()}.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

    private static final Map<String, String> TOPICS = topics();

    private final ServeConfig config;
    private final VirtualHumanoid robot;
    /** When the model was last stepped, System.nanoTime(); guarded by the model's lock. */
    private long lastTickNanos;
    private final long startNanos;
    private final RobotSession.Identity identity;
    private final List<RobotSideStop> stops = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final TransportFaults transport;
    private final Thread pacerThread;
    private final @Nullable Thread endpointThread;
    private final @Nullable FoxgloveEndpoint foxglove;
    private final @Nullable ServerSocket listener;
    private final @Nullable Transport serial;
    private volatile boolean running = true;
    private volatile @Nullable RobotSession current;
    private volatile boolean deadmanTripped;
    private volatile long clockJumpNs;
    private volatile @Nullable Consumer<OutboundMessage> tape;

    private SimulatorServer(ServeConfig config, FaultPlan faults) throws IOException {
        this.config = config;
        this.robot = VirtualHumanoid.create(config.simulator());
        faults.modelSpecs().forEach(robot.faults()::activate);
        this.transport = new TransportFaults(faults, robot, config.simulator().seed(), config.simulator().epochNs(), this::say,
                jump -> clockJumpNs = jump);
        this.identity = new RobotSession.Identity("hcert simulator %s s/n %s".formatted(config.simulator().robot().model(),
                config.simulator().robot().serial()), config.token(), WireCommands.NAMES, TOPICS);
        if (config.foxglove() && !faults.isEmpty()) {
            throw new IllegalArgumentException("the link faults (dropped-frames, corrupted-frames, stalled-link, clock-jump) act on "
                    + "hcert's wire protocol and are not served over Foxglove; the robot's faults are");
        }
        this.foxglove = config.foxglove() ? new FoxgloveEndpoint(new InetSocketAddress(InetAddress.getByName(config.bind()),
                config.tcpPort()), identity.robot(), TOPICS, new Handler(), this::say, config.tls()) : null;
        if (foxglove != null) {
            this.listener = null;
            this.serial = null;
        } else if (config.isSerial()) {
            this.listener = null;
            this.serial = SerialTransport.open(new SerialSettings(config.serialDevice(), config.baud(), "none", 8, 1));
        } else if (config.tls() != null) {
            this.listener = config.tls().bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.tcpPort()));
            this.serial = null;
        } else {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.tcpPort()));
            this.listener = s;
            this.serial = null;
        }
        this.startNanos = System.nanoTime();
        this.lastTickNanos = startNanos;
        this.pacerThread = new Thread(this::pace, "hcert-simulator-pacer");
        this.endpointThread = foxglove != null ? null : new Thread(new Endpoint(config, listener, serial, this::open, () -> running, this::say),
                "hcert-simulator-endpoint");
        pacerThread.setDaemon(true);
        if (endpointThread != null) {
            endpointThread.setDaemon(true);
        }
    }

    /**
     * Start serving: bind the TCP port or open the serial device, and start the model in real time.
     *
     * @throws IllegalArgumentException for an unknown fault (listing the valid ones), a bad parameter,
     *     or a TLS certificate or key that cannot be read (naming the file)
     * @throws IOException when the port cannot be bound or the device opened
     */
    public static SimulatorServer start(ServeConfig config) throws IOException {
        Objects.requireNonNull(config, "config must not be null");
        SimulatorServer s = new SimulatorServer(config, FaultPlan.parse(config.faults()));
        if (s.foxglove != null) {
            s.foxglove.open();
        }
        s.pacerThread.start();
        if (s.endpointThread != null) {
            s.endpointThread.start();
        }
        s.say("serving %s on %s%s".formatted(s.identity.robot(), s.describe(),
                config.faults().isEmpty() ? "" : " with faults " + String.join(", ", config.faults())));
        if (config.tls() != null) {
            s.say(describeCertificate(config.tls()));
        }
        return s;
    }

    /**
     * Check fault specs before serving anything.
     *
     * @throws IllegalArgumentException for an unknown fault (listing the valid ones) or a bad parameter
     */
    public static void checkFaults(List<String> specs) {
        FaultPlan.parse(specs);
    }

    /** The TCP port listened on (the ephemeral one when 0 was asked for); -1 on a serial line. */
    public int port() {
        return foxglove != null ? foxglove.getPort() : listener == null ? -1 : listener.getLocalPort();
    }

    /**
     * Where the server listens, e.g. {@code tcp://127.0.0.1:7447}, {@code tls://127.0.0.1:7447} or
     * {@code serial:///dev/pts/3?baud=921600}.
     */
    public String describe() {
        return foxglove != null ? "%s://%s:%d".formatted(config.tls() == null ? "ws" : "wss", config.bind(), port())
                : listener == null ? "serial://%s?baud=%d".formatted(config.serialDevice(), config.baud())
                : "%s://%s:%d".formatted(config.tls() == null ? "tcp" : "tls", config.bind(), port());
    }

    private static String describeCertificate(TlsServer tls) {
        X509Certificate leaf = tls.leaf();
        return "TLS 1.3 certificate %s, valid until %s, fingerprint %s%s".formatted(
                leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                leaf.getNotAfter().toInstant(), TlsFiles.fingerprint(leaf),
                tls.clientCa() == null ? "" : "; client certificates required, signed by a CA in " + tls.clientCa());
    }

    /** The truth about every stop so far (the last 64), oldest first. */
    public List<StopTruth> stops() {
        synchronized (robot) {
            return robot.stops();
        }
    }

    /**
     * Hand every message published to the harness from now on to {@code sink}, in order, on the
     * pacer's thread: exactly what the robot sent, with its own stamps, before any link. Certified
     * as a recording, it is the truth on what the harness can observe (the published, noisy
     * samples), which a live measurement over a link must reproduce.
     */
    public void tape(Consumer<OutboundMessage> sink) {
        tape = Objects.requireNonNull(sink, "sink must not be null");
    }

    /** The model's noise-free true state now. */
    public TrueState truth() {
        synchronized (robot) {
            return robot.truth();
        }
    }

    /** Now on the robot clock (what its stamps and pongs use), ns since the Unix epoch. */
    public long robotClockNs() {
        return config.simulator().epochNs() + (System.nanoTime() - startNanos) + clockJumpNs;
    }

    /** The stops the server commanded on its own, in order. */
    public List<RobotSideStop> robotSideStops() {
        return List.copyOf(stops);
    }

    /** The log lines so far (the same lines went to {@link ServeConfig#log()}). */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Whether a harness session is open now. */
    public boolean inSession() {
        if (foxglove != null) {
            return foxglove.inSession();
        }
        RobotSession s = current;
        return s != null && s.inSession();
    }

    /** Say BYE to the harness, stop serving and stop the model's thread; never throws. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        RobotSession s = current;
        if (s != null) {
            if (s.inSession()) {
                s.bye("simulator shutting down");
            }
            s.close();
        }
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
        if (serial != null) {
            serial.close();
        }
        if (foxglove != null) {
            foxglove.bye("simulator shutting down");
            try {
                foxglove.stop(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (endpointThread != null) {
            join(endpointThread);
        }
        join(pacerThread);
        say("stopped");
    }

    private static void join(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void say(String line) {
        LOG.info("{}", line);
        log.add(line);
        config.log().accept(line);
    }

    private RobotSession open(Transport transport) {
        RobotSession s = RobotSession.serve(transport, identity, this::robotClockNs, new Handler());
        current = s;
        return s;
    }

    /** Answers the harness; runs on the session's reader thread. */
    private final class Handler implements RobotSession.Handler {

        @Override
        public RobotSession.Answer command(Command c) {
            RobotSession.Answer a = decide(c);
            say("command %s -> %s".formatted(c.toBody(), a.accepted() ? "ACK" : "NACK: " + a.reason()));
            return a;
        }

        @Override
        public void answered(Command c) {
            // after the answer is out: a stall that began before it would hold back the answer to the
            // first command, and the harness would time out on it instead of seeing the stall
            transport.commandReceived();
        }

        @Override
        public void sessionOpened() {
            deadmanTripped = false;
            synchronized (robot) {
                robot.reportProvenance(); // a new session is a new episode: it gets the robot's provenance from its start
            }
            transport.sessionOpened();
            say("session opened");
        }

        @Override
        public void sessionEnded(String why) {
            say("session ended: " + why);
            stop("the session ended: " + why);
        }
    }

    private RobotSession.Answer decide(Command c) {
        List<org.hcert.simulator.Command> model;
        try {
            model = WireCommands.toModel(c);
        } catch (IllegalArgumentException e) {
            return RobotSession.Answer.nack(Objects.requireNonNullElse(e.getMessage(), "malformed command"));
        }
        synchronized (robot) {
            catchUp();
            for (org.hcert.simulator.Command m : model) {
                CommandResult r = robot.accept(m);
                if (!r.accepted()) {
                    return RobotSession.Answer.nack(r.detail());
                }
            }
        }
        return RobotSession.Answer.ack();
    }

    /** Command a software stop and record why. */
    private void stop(String why) {
        long simNs;
        synchronized (robot) {
            catchUp();
            robot.accept(new org.hcert.simulator.Command.Stop());
            simNs = robot.simTimeNs();
        }
        stops.add(new RobotSideStop(simNs, why));
        say("software stop: " + why);
    }

    /**
     * Step the model to now; the caller holds the model's lock. The pacer calls it every tick, and a
     * command calls it before it is applied: after a pause of the pacer (a garbage collection, a
     * loaded machine) a command is applied at the model time it arrived at, not at the model time
     * the pause left behind, so that the robot's own clock and what the harness waited agree.
     */
    private void catchUp() {
        long now = System.nanoTime();
        if (now > lastTickNanos) {
            robot.step(now - lastTickNanos);
            lastTickNanos = now;
        }
    }

    private void pace() {
        while (running) {
            List<OutboundMessage> out;
            try {
                LockSupport.parkNanos(config.simulator().physicsPeriodNs());
                synchronized (robot) {
                    catchUp();
                    out = robot.drainTelemetry();
                }
                watchDeadman();
                publish(out);
            } catch (RuntimeException e) {
                say("simulator failed: " + e);
                return;
            }
        }
    }

    private void watchDeadman() {
        RobotSession s = current;
        FoxgloveEndpoint f = foxglove;
        long silentNs = f != null ? System.nanoTime() - f.lastHarnessFrameNanos() : s == null ? 0 : System.nanoTime() - s.lastHarnessFrameNanos();
        if (inSession() && !deadmanTripped && silentNs > config.deadman().toNanos()) {
            deadmanTripped = true;
            stop("robot-side deadman: no frame from the harness for %d ms (deadman %d ms)"
                    .formatted(silentNs / 1_000_000L, config.deadman().toMillis()));
        }
    }

    private void publish(List<OutboundMessage> out) {
        if (foxglove != null) {
            foxglove.publish(out);
            toTape(out);
            return;
        }
        RobotSession s = current;
        if (s != null && s.inSession()) {
            transport.publish(s, out);
            toTape(out);
        }
    }

    private void toTape(List<OutboundMessage> out) {
        Consumer<OutboundMessage> t = tape;
        if (t != null) {
            out.forEach(t);
        }
    }

    private static Map<String, String> topics() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("/joint_states", "sensor_msgs/msg/JointState");
        t.put("/imu/torso", "sensor_msgs/msg/Imu");
        t.put("/odom", "nav_msgs/msg/Odometry");
        t.put("/wrist/left/ft", "geometry_msgs/msg/WrenchStamped");
        t.put("/wrist/right/ft", "geometry_msgs/msg/WrenchStamped");
        t.put("/safety/state", "hcert/msg/SafetyState");
        t.put("/events", "hcert/msg/Event");
        t.put("/battery", "sensor_msgs/msg/BatteryState");
        t.put("/temperatures", "sensor_msgs/msg/Temperature");
        return t;
    }
}
