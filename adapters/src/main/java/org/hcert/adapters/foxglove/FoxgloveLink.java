package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkLostException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkPosition;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkTimeoutException;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.wire.LiveCursors;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.ros.CdrEncoder;
import org.hcert.telemetry.ros.RosDefinitions;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link to a robot that runs a Foxglove WebSocket server ({@code foxglove_bridge} on a ROS 2
 * robot), on Java-WebSocket's client: {@code ws://host:port} or {@code wss://host:port}, the
 * subprotocol {@code foxglove.websocket.v1}. Not on the JDK's: its client loses or garbles bytes
 * that arrive with the handshake's answer (a server that speaks at once, as foxglove_bridge does,
 * failed 1 connection in 300 on JDK 17 and 21 in 300 on JDK 25; {@code FoxgloveOpeningIT}).
 *
 * <p>It subscribes to every channel the server advertises (or to those of the topics it is given),
 * as it advertises it (and forgets those it unadvertises), decodes each binary message frame by the schema the server sent (CDR with
 * ros2msg, ROS 1, JSON, protobuf, flatbuffers: hcert's {@link RosBodyDecoders}), and hands the
 * messages out as telemetry. A frame's timestamp is the server's log time of the message; the link
 * places it on the harness clock by one offset (so that durations between messages are the
 * server's own, to the ns), fixed after a warm-up of {@value #WARMUP_MS} ms from the first frame
 * (the messages of the warm-up are held until then) as the offset of the frame that came fastest:
 * the server's stamp minus the arrival time is the offset less that frame's delay, so the largest
 * of them is the closest. Its uncertainty is the shortest ping round trip seen by then, a bound on
 * that delay. (A frame alone, the first, would carry the delay of the connection's first burst
 * into every time, and into every duration between a command and what the robot did.)
 * Status messages the server sends are logged and kept ({@link #statuses()}).
 *
 * <p>Commands go by the {@link CommandRoutes} of the robot profile: a command routed to a topic is
 * published on a client channel the link advertises at connect (CDR encoded by the type's ROS 2
 * definition, taken from a channel of the same type the server advertises or from hcert's bundled
 * interfaces; or JSON) and is acknowledged once written, since a topic has no answer; a command
 * routed to a service is a service call encoded by the schemas the server advertised for it, and
 * its answer is the response (a {@code success: false} in it, or a {@code serviceCallFailure}, is
 * the robot's refusal with its message). A command without a route, or whose route the server
 * cannot take (no {@code clientPublish} or {@code services} capability, the service not
 * advertised), is refused by the link with the reason; it is never reported as accepted.
 * {@link #stopNow} sends the routed {@code stop} without waiting, also after the link failed; with
 * no {@code stop} routed it cannot stop the robot and says so.
 *
 * <p>Loss is never silent: a connection the server closes or drops, a frame that does not parse,
 * a message on a subscription it never advertised, or a server that stops answering pings fails
 * the link; a message that does not decode by its schema fails it too, naming topic and channel.
 */
public final class FoxgloveLink implements RobotLink {

    /** The subprotocol the link asks for. */
    public static final String SUBPROTOCOL = "foxglove.websocket.v1";

    private static final Logger LOG = LoggerFactory.getLogger(FoxgloveLink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final LinkOptions options;
    private final HarnessClock clock;
    private final CommandRoutes routes;
    private final javax.net.ssl.@Nullable SSLContext tls;
    private final java.util.Set<String> topics;
    private final Map<String, FoxgloveService> services = new ConcurrentHashMap<>();
    /** Client channel id by topic, for the routes that publish. */
    private final Map<String, Integer> clientChannels = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<CommandReply>> calls = new ConcurrentHashMap<>();
    private final AtomicLong nextSeq = new AtomicLong(1);
    private volatile List<String> serverCapabilities = List.of();
    private volatile List<String> supportedEncodings = List.of();
    private final BodyDecoder decoder = RosBodyDecoders.standard();
    private final Map<Long, FoxgloveChannel> channels = new ConcurrentHashMap<>();
    /** Subscription id to channel; the link uses the channel id as subscription id. */
    private final Map<Long, FoxgloveChannel> subscriptions = new ConcurrentHashMap<>();
    private final LiveCursors cursors;
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    /** The channels whose messages the link has delivered. */
    private final java.util.Set<Long> delivering = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<JsonNode> serverInfo = new CompletableFuture<>();
    private volatile @Nullable Client socket;
    private volatile @Nullable LinkException failure;
    private volatile boolean closed;
    private volatile long lastFrameNs = -1;
    private volatile long lastPongNs;
    private long frames;
    private volatile @Nullable ClockOffset offset;
    private final CompletableFuture<ClockOffset> offsetFixed = new CompletableFuture<>();
    /** Frames of the warm-up, decoded, waiting for the offset. */
    private final List<Held> warmup = new java.util.ArrayList<>();
    private long warmupStartNs = -1;
    private long fastestOffsetNs = Long.MIN_VALUE;
    private volatile long shortestRoundTripNs = Long.MAX_VALUE;
    /** Completed by the first pong whose ping was sent at or after {@link #pongAfterNanos} (System.nanoTime()). */
    private volatile CompletableFuture<Boolean> nextPong = new CompletableFuture<>();
    private volatile long pongAfterNanos = Long.MIN_VALUE;

    /** How long the link watches frames before it fixes the clock offset: {@value} ms. */
    public static final long WARMUP_MS = 300;

    private record Held(FoxgloveChannel channel, JsonNode body, long stampNs, long receivedNs, long frame, String where) {}
    private @Nullable Thread heartbeat;

    /** A link that commands nothing: every command is refused with that reason. */
    public FoxgloveLink(URI uri, LinkOptions options, HarnessClock clock) {
        this(uri, options, clock, CommandRoutes.none());
    }

    /** A link that sends hcert's commands by {@code routes}; a {@code wss://} one trusts the JDK's CA certificates. */
    public FoxgloveLink(URI uri, LinkOptions options, HarnessClock clock, CommandRoutes routes) {
        this(uri, options, clock, routes, null, java.util.Set.of());
    }

    /**
     * A link that sends hcert's commands by {@code routes}; a {@code wss://} one checks the server's
     * certificate by {@code tls} (a pin, or a trust store and the host name), or by the JDK's CA
     * certificates when {@code tls} is null. It subscribes to the channels of {@code topics} only
     * (the topics the robot profile maps: not the camera streams a robot may also serve), or to
     * every channel when {@code topics} is empty.
     */
    public FoxgloveLink(URI uri, LinkOptions options, HarnessClock clock, CommandRoutes routes, javax.net.ssl.@Nullable SSLContext tls,
            java.util.Set<String> topics) {
        this.tls = tls;
        this.topics = java.util.Set.copyOf(topics);
        this.uri = uri;
        this.options = options;
        this.clock = clock;
        this.routes = routes;
        this.cursors = new LiveCursors(options.queueCapacity(), () -> failure, () -> closed);
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public Capabilities connect() {
        if (socket != null) {
            throw new IllegalStateException("the link is already connected");
        }
        Client ws = new Client(uri, (int) options.linkTimeout().multipliedBy(3).toMillis());
        try {
            if (tls != null) {
                ws.setSocketFactory(tls.getSocketFactory());
            }
            if (!ws.connectBlocking(options.linkTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)) {
                boolean ended = ws.ended.getCount() == 0;
                if (ended && ws.openingError == null) {
                    // the client's reading and writing threads both meet a failed TLS handshake; the one that
                    // closes the connection may not be the one that reports the error: give the other a moment
                    ws.errored.await(500, TimeUnit.MILLISECONDS);
                }
                ws.closeConnection(CloseFrame.NEVER_CONNECTED, "hcert: no connection");
                Throwable cause = ws.openingError;
                String refusal = ws.refusal;
                String why = cause instanceof java.net.ConnectException ? "nothing accepts connections there"
                        : cause != null ? tlsProblem(cause).orElse(describeError(cause))
                        : refusal != null ? refusal
                        : ended ? "the connection was closed during the WebSocket handshake"
                        : "no WebSocket connection within " + options.linkTimeout().multipliedBy(3);
                throw LinkRefusedException.cannotOpen(position(), why, cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.closeConnection(CloseFrame.NEVER_CONNECTED, "hcert: interrupted");
            throw LinkRefusedException.cannotOpen(position(), "interrupted while connecting", e);
        }
        socket = ws;
        if (!SUBPROTOCOL.equals(ws.subprotocol)) {
            ws.closeConnection(CloseFrame.PROTOCOL_ERROR, "hcert: subprotocol " + SUBPROTOCOL + " needed");
            throw LinkRefusedException.refused(position(), "the server does not speak %s (it chose subprotocol \"%s\")"
                    .formatted(SUBPROTOCOL, ws.subprotocol));
        }
        JsonNode info;
        try {
            info = serverInfo.get(options.answerTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ws.abort();
            LinkException f = failure;
            throw LinkRefusedException.refused(position(), f != null ? "the connection failed before serverInfo: " + f.getMessage()
                    : "the server sent no serverInfo within " + options.answerTimeout().multipliedBy(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.abort();
            throw LinkRefusedException.cannotOpen(position(), "interrupted while waiting for serverInfo", e);
        }
        lastPongNs = clock.nowNs();
        List<String> caps = new java.util.ArrayList<>();
        info.path("capabilities").forEach(c -> caps.add(c.asText()));
        serverCapabilities = List.copyOf(caps);
        List<String> encodings = new java.util.ArrayList<>();
        info.path("supportedEncodings").forEach(c -> encodings.add(c.asText()));
        supportedEncodings = List.copyOf(encodings);
        advertiseClientChannels();
        // What the server said on connecting (its channels and services) came before the answer to
        // the first ping: once that answer is in, the channels are known. The reading thread
        // subscribed to them as it read them, which may be after these pings went out; the answer to
        // a ping sent after that one confirms that the server has the subscriptions, so that nothing
        // the robot publishes from now on is missed.
        for (int round = 0; round < 2; round++) {
            CompletableFuture<Boolean> pong = new CompletableFuture<>();
            pongAfterNanos = System.nanoTime();
            nextPong = pong;
            for (int i = 0; i < (round == 0 ? 3 : 1); i++) {
                ws.ping();
            }
            try {
                pong.get(options.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("{} did not answer a ping within {}; its channels may still be arriving", describe(), options.answerTimeout());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LinkException opening = failure;
        if (opening != null) {
            ws.abort();
            throw LinkRefusedException.refused(position(), "the connection failed while the server said what it serves: " + opening.getMessage());
        }
        startHeartbeat();
        Map<String, String> topics = new LinkedHashMap<>();
        channels.values().forEach(c -> topics.put(c.topic(), c.schemaName()));
        LOG.info("connected to {}: server \"{}\", capabilities {}", describe(), info.path("name").asText(), info.path("capabilities"));
        return new Capabilities(1, info.path("name").asText(""), List.of(), topics);
    }

    /** What TLS refused, from the certificate check's own words where it gave them. */
    private static Optional<String> tlsProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException c && c.getMessage() != null) {
                return Optional.of("TLS handshake failed: " + c.getMessage());
            }
            if (t instanceof javax.net.ssl.SSLException s && t.getCause() == null) {
                return Optional.of("TLS handshake failed: " + s.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The status messages the server sent, oldest first, each as {@code LEVEL: message}. */
    public List<String> statuses() {
        return List.copyOf(statuses);
    }

    /** The channels the server advertises now, by id. */
    public Map<Long, FoxgloveChannel> channels() {
        return Map.copyOf(channels);
    }

    /** The services the server advertises now, by name. */
    public Map<String, FoxgloveService> services() {
        return Map.copyOf(services);
    }

    @Override
    public CommandReply send(Command command, Duration timeout) {
        java.util.Objects.requireNonNull(command, "command must not be null");
        checkUsable();
        long seq = nextSeq.getAndIncrement();
        Optional<CommandRoutes.Route> route = routes.route(command.name());
        if (route.isEmpty()) {
            return refused(seq, command, "the robot profile routes no %s command over the Foxglove protocol (commands.%s); it was not sent"
                    .formatted(command.name(), command.name()));
        }
        CommandRoutes.Route r = route.get();
        byte[] frame;
        CompletableFuture<CommandReply> answer = null;
        try {
            if (r instanceof CommandRoutes.Publish p) {
                frame = publishFrame(p, command);
            } else {
                answer = new CompletableFuture<>();
                calls.put(seq, answer);
                frame = callFrame((CommandRoutes.Call) r, command, seq);
            }
        } catch (CommandNotSent e) {
            calls.remove(seq);
            return refused(seq, command, e.getMessage() + "; it was not sent");
        }
        long sentNs = clock.nowNs();
        if (!write(frame)) {
            calls.remove(seq);
            LinkException e = failure().orElseGet(() -> LinkLostException.disconnected(position(),
                    "the %s command could not be written to the connection".formatted(command.name()), null));
            fail(e);
            throw failure().orElse(e);
        }
        for (LinkListener l : listeners) {
            l.onCommand(seq, command, sentNs);
        }
        CommandReply reply;
        if (answer == null) {
            // a topic has no answer: the command is accepted once it is on the connection
            reply = CommandReply.ack(seq, sentNs);
        } else {
            reply = await(answer, seq, command, r, timeout);
        }
        LOG.info("command {} ({}) sent to {}: {}", command.name(), r.describe(), describe(), reply);
        for (LinkListener l : listeners) {
            l.onReply(reply, clock.nowNs());
        }
        return reply;
    }

    private CommandReply await(CompletableFuture<CommandReply> answer, long seq, Command command, CommandRoutes.Route r, Duration timeout) {
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LinkTimeoutException t = LinkTimeoutException.noAnswer(position(), "command %s (%s, call %d)".formatted(command.name(),
                    r.describe(), seq), timeout);
            fail(t);
            throw t;
        } catch (ExecutionException e) {
            throw failure().orElseGet(() -> LinkLostException.disconnected(position(), "the call failed: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LinkLostException.disconnected(position(), "interrupted while waiting for the answer to " + command.name(), e);
        } finally {
            calls.remove(seq);
        }
    }

    private CommandReply refused(long seq, Command command, String reason) {
        CommandReply reply = CommandReply.nack(seq, reason, clock.nowNs());
        LOG.warn("command {} not sent to {}: {}", command.name(), describe(), reason);
        return reply;
    }

    @Override
    public boolean stopNow(String reason) {
        if (closed || socket == null) {
            return false;
        }
        Optional<CommandRoutes.Route> stop = routes.route("stop");
        if (stop.isEmpty()) {
            LOG.warn("cannot stop the robot over {}: the robot profile routes no stop command ({})", describe(), reason);
            return false;
        }
        Command command = new Command.SoftwareStop(reason);
        long seq = nextSeq.getAndIncrement();
        boolean sent;
        try {
            byte[] frame = stop.get() instanceof CommandRoutes.Publish p ? publishFrame(p, command)
                    : callFrame((CommandRoutes.Call) stop.get(), command, seq);
            sent = write(frame);
        } catch (RuntimeException e) {
            LOG.error("cannot stop the robot over {}: {}", describe(), e.getMessage());
            return false;
        }
        if (sent) {
            // recorded like every command: the session shows the stop the harness sent
            long sentNs = clock.nowNs();
            for (LinkListener l : listeners) {
                try {
                    l.onCommand(seq, command, sentNs);
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on the stop command: {}", l, e.getMessage());
                }
            }
        }
        return sent;
    }

    /** The client channels of the routes that publish, one per topic, advertised once the server said it takes them. */
    private void advertiseClientChannels() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (CommandRoutes.Route r : routes.routes()) {
            if (r instanceof CommandRoutes.Publish p && !clientChannels.containsKey(p.topic())) {
                int id = clientChannels.size() + 1;
                clientChannels.put(p.topic(), id);
                list.addObject().put("id", id).put("topic", p.topic()).put("encoding", p.encoding()).put("schemaName", p.type());
            }
        }
        if (list.isEmpty()) {
            return;
        }
        if (!serverCapabilities.contains("clientPublish")) {
            LOG.warn("{} does not take messages from clients (no clientPublish capability): the commands routed to topics will be refused",
                    describe());
            return;
        }
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "advertise");
        op.set("channels", list);
        sendJson(op);
    }

    private byte[] publishFrame(CommandRoutes.Publish p, Command command) {
        if (!serverCapabilities.contains("clientPublish")) {
            throw new CommandNotSent("the server takes no messages from clients (no clientPublish capability), so %s cannot be published"
                    .formatted(p.topic()));
        }
        byte[] payload = encode(CommandRoutes.fill(p.template(), command.toBody()), p.encoding(), publishSchema(p),
                "the %s command on %s".formatted(command.name(), p.topic()));
        Integer channel = clientChannels.get(p.topic());
        if (channel == null) {
            throw new CommandNotSent("no client channel for %s was advertised".formatted(p.topic()));
        }
        ByteBuffer b = ByteBuffer.allocate(5 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(channel).put(payload);
        return b.array();
    }

    /** The ros2msg definition of a published type: a server channel's of the same type, else hcert's bundled one. */
    private @Nullable SchemaInfo publishSchema(CommandRoutes.Publish p) {
        if (!p.encoding().equals("cdr")) {
            return null;
        }
        for (FoxgloveChannel c : channels.values()) {
            SchemaInfo s = c.schema();
            if (c.schemaName().equals(p.type()) && s != null && s.encoding().equals("ros2msg")) {
                return s;
            }
        }
        return RosDefinitions.bundledInterfaces().schema(p.type()).orElseThrow(() -> new CommandNotSent(
                "no definition of %s: the server advertises no channel of that type and hcert bundles none".formatted(p.type())));
    }

    private byte[] callFrame(CommandRoutes.Call c, Command command, long callId) {
        if (!serverCapabilities.contains("services")) {
            throw new CommandNotSent("the server offers no services (no services capability), so %s cannot be called".formatted(c.service()));
        }
        FoxgloveService service = services.get(c.service());
        if (service == null) {
            throw new CommandNotSent("the server advertises no service %s (it advertises %s)".formatted(c.service(),
                    services.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(services.keySet()))));
        }
        String encoding = service.requestEncoding().isEmpty() ? supportedEncodings.stream().findFirst().orElse("cdr") : service.requestEncoding();
        byte[] payload = encode(CommandRoutes.fill(c.template(), command.toBody()), encoding, service.request(),
                "the %s command's request to %s".formatted(command.name(), c.service()));
        byte[] enc = encoding.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(13 + enc.length + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).putInt((int) service.id()).putInt((int) callId).putInt(enc.length).put(enc).put(payload);
        return b.array();
    }

    private static byte[] encode(JsonNode message, String encoding, @Nullable SchemaInfo schema, String what) {
        if (encoding.equals("json")) {
            return message.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (!encoding.equals("cdr") || schema == null) {
            throw new CommandNotSent("%s: hcert encodes commands as cdr (with a ros2msg definition) or json, not %s%s".formatted(what,
                    encoding, schema == null && encoding.equals("cdr") ? " without a definition" : ""));
        }
        try {
            return CdrEncoder.of(schema).encode(message);
        } catch (TelemetryException e) {
            throw new CommandNotSent("%s does not fit its type: %s".formatted(what, e.getMessage()));
        }
    }

    /** Write one binary frame; false when the connection would not take it. */
    private boolean write(byte[] frame) {
        Client ws = socket;
        if (ws == null || !ws.isOpen()) {
            return false;
        }
        try {
            ws.send(frame);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A command the link could not put into a frame: it is refused, never sent. */
    private static final class CommandNotSent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CommandNotSent(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public MessageCursor telemetry() {
        checkUsable();
        return cursors.open();
    }

    @Override
    public ClockOffset syncClock() {
        checkUsable();
        long waitMs = WARMUP_MS + options.linkTimeout().toMillis();
        try {
            return offsetFixed.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw LinkLostException.protocol(position(), "no message arrived within %d ms, so the server's clock cannot be placed".formatted(waitMs));
        } catch (ExecutionException e) {
            throw failure().orElseGet(() -> LinkLostException.protocol(position(), "the clock offset was not fixed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LinkLostException.protocol(position(), "interrupted while waiting for the clock offset");
        }
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return Optional.ofNullable(offset);
    }

    @Override
    public LinkOptions options() {
        return options;
    }

    @Override
    public void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(LinkListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<LinkException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread h = heartbeat;
        if (h != null) {
            h.interrupt();
        }
        Client ws = socket;
        if (ws != null) {
            ws.close(CloseFrame.NORMAL, "hcert: session over");
            try {
                ws.ended.await(options.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ws.abort(); // the server may be gone already, or not answer the close
        }
    }

    private void checkUsable() {
        LinkException f = failure;
        if (f != null) {
            throw f;
        }
        if (closed) {
            throw new IllegalStateException("%s: the link is closed".formatted(describe()));
        }
        if (socket == null) {
            throw new IllegalStateException("%s: not connected; call connect() first".formatted(describe()));
        }
    }

    private LinkPosition position() {
        return new LinkPosition(describe(), frames - 1, lastFrameNs < 0 ? clock.nowNs() : lastFrameNs);
    }

    /** Ping every pingInterval; no pong (or frame) within linkTimeout fails the link. */
    private void startHeartbeat() {
        Thread t = new Thread(() -> {
            while (!closed && failure == null) {
                try {
                    Thread.sleep(options.pingInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                long now = clock.nowNs();
                endWarmup(now, false); // also when no frame comes after the warm-up's time
                long heard = Math.max(lastPongNs, lastFrameNs);
                if (now - heard > options.linkTimeout().toNanos()) {
                    // neither a frame nor a pong: the server is gone or frozen
                    fail(LinkTimeoutException.stalled(position(), now - heard, options.linkTimeout()));
                    return;
                }
                Client ws = socket;
                if (ws != null) {
                    ws.ping();
                }
            }
        }, "foxglove-heartbeat " + describe());
        t.setDaemon(true);
        heartbeat = t;
        t.start();
    }

    private void sendJson(ObjectNode op) {
        Client ws = socket;
        if (ws == null || !ws.isOpen()) {
            return;
        }
        try {
            ws.send(op.toString());
        } catch (RuntimeException e) {
            // the connection is going: its close or error fails the link
        }
    }

    /** An error in words: its message, or its kind and its cause's message. */
    private static String describeError(Throwable error) {
        if (error instanceof java.nio.charset.CharacterCodingException) {
            return "a text frame is not valid UTF-8";
        }
        String message = error.getMessage();
        Throwable cause = error.getCause();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return cause != null && cause != error ? describeError(cause) : error.getClass().getSimpleName();
    }

    private void fail(LinkException e) {
        if (failure != null || closed) {
            return;
        }
        failure = e;
        LOG.error("link {} failed: {}", describe(), e.getMessage());
        cursors.fail(e);
        listeners.forEach(l -> l.onLost(e));
        serverInfo.completeExceptionally(e);
        calls.values().forEach(c -> c.completeExceptionally(e));
        offsetFixed.completeExceptionally(e);
        // the connection stays open until close(), so that stopNow can still reach the robot
    }

    private void onJson(String textFrame) {
        lastFrameNs = clock.nowNs();
        frames++;
        JsonNode op;
        try {
            op = JSON.readTree(textFrame);
        } catch (IOException e) {
            fail(LinkLostException.protocol(position(), "a text frame is not JSON: " + e.getMessage()));
            return;
        }
        switch (op.path("op").asText()) {
            case "serverInfo" -> serverInfo.complete(op);
            case "advertise" -> advertise(op.path("channels"));
            case "unadvertise" -> op.path("channelIds").forEach(id -> unadvertised(id.asLong()));
            case "advertiseServices" -> op.path("services").forEach(sv -> {
                try {
                    FoxgloveService service = FoxgloveService.of(sv);
                    services.put(service.name(), service);
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: a service it advertises cannot be called: {}", describe(), e.getMessage());
                }
            });
            case "unadvertiseServices" -> op.path("serviceIds").forEach(id ->
                    services.values().removeIf(sv -> sv.id() == id.asLong()));
            case "serviceCallFailure" -> {
                CompletableFuture<CommandReply> call = calls.get(op.path("callId").asLong());
                if (call != null) {
                    call.complete(CommandReply.nack(op.path("callId").asLong(), "the service call failed: "
                            + op.path("message").asText("no reason given"), clock.nowNs()));
                }
            }
            case "status" -> {
                String level = switch (op.path("level").asInt(-1)) {
                    case 0 -> "INFO";
                    case 1 -> "WARNING";
                    case 2 -> "ERROR";
                    default -> "STATUS";
                };
                status(level, op.path("message").asText());
            }
            default -> LOG.debug("{}: op {} not used", describe(), op.path("op").asText());
        }
    }

    private void status(String level, String message) {
        statuses.add(level + ": " + message);
        LOG.info("{} status {}: {}", describe(), level, message);
        long now = clock.nowNs();
        for (LinkListener l : listeners) {
            l.onStatus(level, message, now);
        }
    }

    /**
     * The server stopped advertising a channel. One whose messages the link has been delivering ends
     * that topic's evidence in the middle of the session: the link fails, naming it, rather than let a
     * scenario go on without it (the server may advertise it again, but what was missed is lost).
     */
    private void unadvertised(long id) {
        FoxgloveChannel c = channels.get(id);
        if (c == null) {
            return;
        }
        // said before the channel is forgotten, so that whoever sees it gone has heard why
        if (delivering.contains(id)) {
            status("ERROR", "channel %d (%s) unadvertised by the server while its messages were recorded".formatted(c.id(), c.topic()));
            channels.remove(id);
            subscriptions.remove(id);
            fail(LinkLostException.disconnected(position(), "the server stopped advertising channel %d (%s) in the middle of the session: "
                    .formatted(c.id(), c.topic()) + "the evidence of %s ends here".formatted(c.topic()), null));
        } else {
            status("INFO", "channel %d (%s) unadvertised by the server".formatted(c.id(), c.topic()));
            channels.remove(id);
            subscriptions.remove(id);
        }
    }

    private void advertise(JsonNode list) {
        ArrayNode subscribe = JsonNodeFactory.instance.arrayNode();
        for (JsonNode c : list) {
            FoxgloveChannel channel;
            try {
                channel = FoxgloveChannel.of(c);
            } catch (IllegalArgumentException e) {
                fail(LinkLostException.protocol(position(), e.getMessage() == null ? "a bad channel" : e.getMessage()));
                return;
            }
            channels.put(channel.id(), channel);
            if (topics.isEmpty() || topics.contains(channel.topic())) {
                subscriptions.put(channel.id(), channel);
                subscribe.addObject().put("id", channel.id()).put("channelId", channel.id());
            }
        }
        if (!subscribe.isEmpty()) {
            ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "subscribe");
            op.set("subscriptions", subscribe);
            sendJson(op);
        }
    }

    private void onFrame(ByteBuffer frame) {
        if (failure != null) {
            return; // the link failed: nothing more is evidence
        }
        long receivedNs = clock.nowNs();
        lastFrameNs = receivedNs;
        frames++;
        ByteBuffer bb = frame.order(ByteOrder.LITTLE_ENDIAN);
        if (!bb.hasRemaining()) {
            fail(LinkLostException.protocol(position(), "an empty binary frame"));
            return;
        }
        int opcode = bb.get() & 0xFF;
        if (opcode == 2 && bb.remaining() >= 8) {
            return; // server time: the message frames carry the same clock; the offset is taken from them
        }
        if (opcode == 3) {
            onServiceResponse(bb, receivedNs);
            return;
        }
        if (opcode != 1 || bb.remaining() < 12) {
            fail(LinkLostException.protocol(position(), "binary frame with opcode %d and %d bytes is not a message frame"
                    .formatted(opcode, bb.remaining() + 1)));
            return;
        }
        long subscription = Integer.toUnsignedLong(bb.getInt());
        long stampNs = bb.getLong();
        FoxgloveChannel channel = subscriptions.get(subscription);
        if (channel == null) {
            if (!channels.containsKey(subscription)) {
                fail(LinkLostException.protocol(position(), "a message on subscription %d, which the link never made".formatted(subscription)));
            }
            return;
        }
        String where = "%s#%d (channel %d, %s)".formatted(describe(), frames, channel.id(), channel.topic());
        JsonNode body;
        try {
            body = decoder.decode(channel.schema(), channel.encoding(), bb.slice());
        } catch (TelemetryException e) {
            fail(LinkLostException.protocol(position(), "%s: cannot decode the %s body: %s".formatted(where, channel.encoding(), e.getMessage())));
            return;
        }
        Held h = new Held(channel, body, stampNs, receivedNs, frames, where);
        delivering.add(channel.id());
        // the heartbeat may end the warm-up meanwhile: frames keep their order under the lock
        synchronized (warmup) {
            if (offset != null) {
                deliver(h);
                return;
            }
            if (warmupStartNs < 0) {
                warmupStartNs = receivedNs;
            }
            warmup.add(h);
            fastestOffsetNs = Math.max(fastestOffsetNs, stampNs - receivedNs);
            endWarmup(receivedNs, false);
        }
    }

    /** End the warm-up once it has lasted {@link #WARMUP_MS}, or now when {@code now} is true. */
    private void endWarmup(long nowNs, boolean now) {
        synchronized (warmup) {
            if (offset == null && warmupStartNs >= 0 && (now || nowNs - warmupStartNs >= WARMUP_MS * 1_000_000L)) {
                fixOffset(nowNs);
            }
        }
    }

    /** Fix the clock offset from the warm-up's frames and deliver them (under the warm-up's lock). */
    private void fixOffset(long nowNs) {
        if (offset != null || warmup.isEmpty()) {
            return;
        }
        long rtt = shortestRoundTripNs == Long.MAX_VALUE ? 0 : shortestRoundTripNs;
        ClockOffset o = new ClockOffset(fastestOffsetNs, rtt, rtt, warmup.size(), nowNs);
        offset = o;
        LOG.info("{}: server clock placed from {} frames: {}", describe(), warmup.size(), o);
        for (Held h : warmup) {
            deliver(h);
        }
        warmup.clear();
        offsetFixed.complete(o);
        for (LinkListener l : listeners) {
            l.onClockOffset(o);
        }
    }

    private void deliver(Held h) {
        ClockOffset o = java.util.Objects.requireNonNull(offset);
        Message m = new Message(o.toHarnessNs(h.stampNs()), h.channel().topic(), h.channel().schemaName(), h.body(), h.where());
        ReceivedTelemetry received = new ReceivedTelemetry(m, h.frame(), h.stampNs(), h.receivedNs());
        for (LinkListener l : listeners) {
            l.onTelemetry(received);
        }
        cursors.deliver(m, position());
    }

    /** A service call's response: ACK, or NACK with the message when it says {@code success: false}. */
    private void onServiceResponse(ByteBuffer bb, long receivedNs) {
        if (bb.remaining() < 12) {
            fail(LinkLostException.protocol(position(), "a service call response of %d bytes".formatted(bb.remaining() + 1)));
            return;
        }
        long serviceId = Integer.toUnsignedLong(bb.getInt());
        long callId = Integer.toUnsignedLong(bb.getInt());
        int encLength = bb.getInt();
        if (encLength < 0 || encLength > bb.remaining()) {
            fail(LinkLostException.protocol(position(), "a service call response with an encoding of %d bytes in %d".formatted(encLength, bb.remaining())));
            return;
        }
        byte[] enc = new byte[encLength];
        bb.get(enc);
        String encoding = new String(enc, StandardCharsets.UTF_8);
        CompletableFuture<CommandReply> call = calls.get(callId);
        if (call == null) {
            LOG.warn("{}: a response to call {} of service {}, which no command waits for", describe(), callId, serviceId);
            return;
        }
        FoxgloveService service = services.values().stream().filter(sv -> sv.id() == serviceId).findFirst().orElse(null);
        JsonNode response;
        try {
            response = decoder.decode(service == null ? null : service.response(), encoding, bb.slice());
        } catch (TelemetryException e) {
            call.complete(CommandReply.nack(callId, "the response of service %s does not decode: %s".formatted(
                    service == null ? serviceId : service.name(), e.getMessage()), receivedNs));
            return;
        }
        JsonNode success = response.path("success");
        call.complete(success.isBoolean() && !success.booleanValue()
                ? CommandReply.nack(callId, response.path("message").asText("").isEmpty() ? "the robot answered success: false"
                        : response.path("message").asText(), receivedNs)
                : CommandReply.ack(callId, receivedNs));
    }

    /**
     * The connection, on Java-WebSocket's client: it reassembles fragmented messages (the
     * protocol's servers send a message frame's header and payload apart), answers the server's
     * pings, and calls back on its reading thread, one message at a time.
     */
    private final class Client extends org.java_websocket.client.WebSocketClient {

        /** What failed the opening: the socket, TLS, or the handshake. */
        volatile @Nullable Throwable openingError;
        /** Why the server refused the opening handshake, in words. */
        volatile @Nullable String refusal;
        volatile @Nullable String subprotocol;
        /** Counted down when the connection is closed, however. */
        final CountDownLatch ended = new CountDownLatch(1);
        final CountDownLatch errored = new CountDownLatch(1);

        Client(URI server, int connectTimeoutMs) {
            // the subprotocol hcert speaks, or none (accepted here, so that connect() can say which the server chose)
            super(server, new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL), new Protocol(""))), Map.of(), connectTimeoutMs);
            setConnectionLostTimeout(0); // the link pings and watches the silence itself
            setTcpNoDelay(true);
            setDaemon(true);
        }

        void ping() {
            if (!isOpen()) {
                return;
            }
            PingFrame ping = new PingFrame();
            ping.setPayload(ByteBuffer.allocate(Long.BYTES).putLong(0, System.nanoTime()));
            try {
                sendFrame(ping);
            } catch (RuntimeException e) {
                // the connection is going: its close or error fails the link
            }
        }

        void abort() {
            closeConnection(CloseFrame.ABNORMAL_CLOSE, "hcert: connection dropped");
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // the server speaks at once (serverInfo, advertise), before connect() has its socket
            socket = this;
            subprotocol = handshake.hasFieldValue("Sec-WebSocket-Protocol") ? handshake.getFieldValue("Sec-WebSocket-Protocol") : "";
        }

        @Override
        public void onMessage(String message) {
            onJson(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            onFrame(bytes);
        }

        @Override
        public void onWebsocketPong(org.java_websocket.WebSocket conn, Framedata pong) {
            lastPongNs = clock.nowNs();
            ByteBuffer message = pong.getPayloadData();
            if (message.remaining() == Long.BYTES) {
                long sentNanos = message.getLong(message.position());
                if (sentNanos - pongAfterNanos >= 0) {
                    nextPong.complete(true);
                }
                long rtt = System.nanoTime() - sentNanos;
                if (rtt >= 0 && rtt < shortestRoundTripNs) {
                    shortestRoundTripNs = rtt;
                }
            } else {
                nextPong.complete(true); // a pong without hcert's payload: which ping it answers is unknown
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            ended.countDown();
            if (socket != this) {
                // the opening failed: say why to connect()
                java.util.regex.Matcher status = java.util.regex.Pattern.compile("Invalid status code received: (\\d+)").matcher(reason);
                refusal = status.find() ? "the server refused the WebSocket handshake (HTTP " + status.group(1) + ")"
                        : reason.isEmpty() ? null : "the WebSocket handshake failed: " + reason;
                return;
            }
            endWarmup(clock.nowNs(), true); // a short replay may end within the warm-up: its messages are still evidence
            if (!closed) {
                fail(LinkLostException.disconnected(position(), "the server closed the connection (code %d%s)".formatted(code,
                        reason.isEmpty() ? "" : ", " + reason), null));
            }
        }

        @Override
        public void onError(Exception error) {
            if (socket != this) {
                if (openingError == null || error instanceof javax.net.ssl.SSLException) {
                    openingError = error; // a TLS refusal says more than the closed socket the other thread met
                }
                errored.countDown();
                return;
            }
            endWarmup(clock.nowNs(), true);
            if (!closed) {
                fail(LinkLostException.disconnected(position(), "the connection failed: " + describeError(error), error));
            }
        }
    }
}
