package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.wire.LiveCursors;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link to a robot that runs a Foxglove WebSocket server ({@code foxglove_bridge} on a ROS 2
 * robot), on the JDK's WebSocket client: {@code ws://host:port} or {@code wss://host:port}, the
 * subprotocol {@code foxglove.websocket.v1}.
 *
 * <p>It subscribes to every channel the server advertises, as it advertises it (and forgets those
 * it unadvertises), decodes each binary message frame by the schema the server sent (CDR with
 * ros2msg, ROS 1, JSON, protobuf, flatbuffers: hcert's {@link RosBodyDecoders}), and hands the
 * messages out as telemetry. A frame's timestamp is the server's log time of the message; the link
 * places it on the harness clock by one offset, fixed at the first frame (so that durations between
 * messages are the server's own, to the ns), and the offset's uncertainty is the link's delay at
 * that frame. Status messages the server sends are logged and kept ({@link #statuses()}).
 *
 * <p>Not yet built: hcert's commands over the protocol (publishing on client channels, service
 * calls) — {@link #send} answers every command with a refusal that says so, and {@link #stopNow}
 * cannot stop the robot; a live certification's scenarios that command the robot are then
 * INCONCLUSIVE.
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
    private final BodyDecoder decoder = RosBodyDecoders.standard();
    private final Map<Long, FoxgloveChannel> channels = new ConcurrentHashMap<>();
    /** Subscription id to channel; the link uses the channel id as subscription id. */
    private final Map<Long, FoxgloveChannel> subscriptions = new ConcurrentHashMap<>();
    private final LiveCursors cursors;
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JsonNode> serverInfo = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private volatile @Nullable WebSocket socket;
    private volatile @Nullable LinkException failure;
    private volatile boolean closed;
    private volatile long lastFrameNs = -1;
    private volatile long lastPongNs;
    private long frames;
    private volatile @Nullable ClockOffset offset;
    private @Nullable Thread heartbeat;

    public FoxgloveLink(URI uri, LinkOptions options, HarnessClock clock) {
        this.uri = uri;
        this.options = options;
        this.clock = clock;
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
        WebSocket ws;
        try {
            ws = HttpClient.newBuilder().connectTimeout(options.linkTimeout().multipliedBy(3)).build().newWebSocketBuilder()
                    .subprotocols(SUBPROTOCOL).buildAsync(uri, new Listener())
                    .get(options.linkTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof WebSocketHandshakeException h ? "the server refused the WebSocket handshake (HTTP "
                    + h.getResponse().statusCode() + ")" : cause instanceof java.net.ConnectException ? "nothing accepts connections there"
                    : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw LinkRefusedException.cannotOpen(position(), why, cause);
        } catch (TimeoutException e) {
            throw LinkRefusedException.cannotOpen(position(), "no WebSocket connection within " + options.linkTimeout().multipliedBy(3), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LinkRefusedException.cannotOpen(position(), "interrupted while connecting", e);
        }
        socket = ws;
        if (!SUBPROTOCOL.equals(ws.getSubprotocol())) {
            ws.abort();
            throw LinkRefusedException.refused(position(), "the server does not speak %s (it chose subprotocol \"%s\")"
                    .formatted(SUBPROTOCOL, ws.getSubprotocol()));
        }
        JsonNode info;
        try {
            info = serverInfo.get(options.answerTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ws.abort();
            throw LinkRefusedException.refused(position(), "the server sent no serverInfo within " + options.answerTimeout().multipliedBy(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.abort();
            throw LinkRefusedException.cannotOpen(position(), "interrupted while waiting for serverInfo", e);
        }
        lastPongNs = clock.nowNs();
        startHeartbeat();
        Map<String, String> topics = new LinkedHashMap<>();
        channels.values().forEach(c -> topics.put(c.topic(), c.schemaName()));
        LOG.info("connected to {}: server \"{}\", capabilities {}", describe(), info.path("name").asText(), info.path("capabilities"));
        return new Capabilities(1, info.path("name").asText(""), List.of(), topics);
    }

    /** The status messages the server sent, oldest first, each as {@code LEVEL: message}. */
    public List<String> statuses() {
        return List.copyOf(statuses);
    }

    /** The channels the server advertises now, by id. */
    public Map<Long, FoxgloveChannel> channels() {
        return Map.copyOf(channels);
    }

    @Override
    public CommandReply send(Command command, Duration timeout) {
        checkUsable();
        return CommandReply.nack(-1, ("hcert does not yet send commands over the Foxglove protocol (publishing and service calls "
                + "mapped by the robot profile are not built); the %s command was not sent").formatted(command.name()), clock.nowNs());
    }

    @Override
    public boolean stopNow(String reason) {
        LOG.warn("cannot stop the robot over {}: commands over the Foxglove protocol are not built ({})", describe(), reason);
        return false;
    }

    @Override
    public MessageCursor telemetry() {
        checkUsable();
        return cursors.open();
    }

    @Override
    public ClockOffset syncClock() {
        checkUsable();
        return clockOffset().orElseThrow(() -> LinkLostException.protocol(position(),
                "no message has arrived yet, so the server's clock cannot be placed"));
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
        WebSocket ws = socket;
        if (ws != null) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "hcert: session over").get(options.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // the server may be gone already; the connection is dropped below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ws.abort();
        }
    }

    private void checkUsable() {
        LinkException f = failure;
        if (f != null) {
            throw f;
        }
        if (closed) {
            throw new IllegalStateException("the link is closed");
        }
        if (socket == null) {
            throw new IllegalStateException("the link is not connected; call connect() first");
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
                long heard = Math.max(lastPongNs, lastFrameNs);
                if (now - heard > options.linkTimeout().toNanos()) {
                    fail(LinkLostException.disconnected(position(), "the server answered no ping for " + options.linkTimeout(), null));
                    return;
                }
                WebSocket ws = socket;
                if (ws != null) {
                    synchronized (sendLock) {
                        ws.sendPing(ByteBuffer.allocate(0)).exceptionally(e -> null).join();
                    }
                }
            }
        }, "foxglove-heartbeat " + describe());
        t.setDaemon(true);
        heartbeat = t;
        t.start();
    }

    private void sendJson(ObjectNode op) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        synchronized (sendLock) {
            ws.sendText(op.toString(), true).join();
        }
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
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private void onJson(String textFrame) {
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
            case "unadvertise" -> op.path("channelIds").forEach(id -> {
                FoxgloveChannel c = channels.remove(id.asLong());
                subscriptions.remove(id.asLong());
                if (c != null) {
                    String s = "channel %d (%s) unadvertised by the server".formatted(c.id(), c.topic());
                    statuses.add("INFO: " + s);
                    LOG.warn("{}: {}", describe(), s);
                }
            });
            case "status" -> {
                String level = switch (op.path("level").asInt(-1)) {
                    case 0 -> "INFO";
                    case 1 -> "WARNING";
                    case 2 -> "ERROR";
                    default -> "STATUS";
                };
                statuses.add(level + ": " + op.path("message").asText());
                LOG.info("{} status {}: {}", describe(), level, op.path("message").asText());
            }
            default -> LOG.debug("{}: op {} not used", describe(), op.path("op").asText());
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
            subscriptions.put(channel.id(), channel);
            subscribe.addObject().put("id", channel.id()).put("channelId", channel.id());
        }
        if (!subscribe.isEmpty()) {
            ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "subscribe");
            op.set("subscriptions", subscribe);
            sendJson(op);
        }
    }

    private void onFrame(ByteBuffer frame) {
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
        ClockOffset o = offset;
        if (o == null) {
            // placed by the first frame's arrival, not by an exchange (exchanges 0): its error is that frame's delay
            o = new ClockOffset(stampNs - receivedNs, 0, 0, 0, receivedNs);
            offset = o;
        }
        String where = "%s channel %d (%s) frame %d".formatted(describe(), channel.id(), channel.topic(), frames);
        JsonNode body;
        try {
            body = decoder.decode(channel.schema(), channel.encoding(), bb.slice());
        } catch (TelemetryException e) {
            fail(LinkLostException.protocol(position(), "%s: cannot decode the %s body: %s".formatted(where, channel.encoding(), e.getMessage())));
            return;
        }
        long tNs = o.toHarnessNs(stampNs);
        Message m = new Message(tNs, channel.topic(), channel.schemaName(), body, where);
        ReceivedTelemetry received = new ReceivedTelemetry(m, frames, stampNs, receivedNs);
        for (LinkListener l : listeners) {
            l.onTelemetry(received);
        }
        cursors.deliver(m, position());
    }

    /** Reassembles fragmented frames (the protocol's servers send a message frame's header and payload apart). */
    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            // the server speaks at once (serverInfo, advertise), before connect() has its socket
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                onJson(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.write(chunk, 0, chunk.length);
            if (last) {
                ByteBuffer whole = ByteBuffer.wrap(binary.toByteArray());
                binary.reset();
                onFrame(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastPongNs = clock.nowNs();
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closed) {
                fail(LinkLostException.disconnected(position(), "the server closed the connection (code %d%s)".formatted(statusCode,
                        reason.isEmpty() ? "" : ", " + reason), null));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closed) {
                fail(LinkLostException.disconnected(position(), "the connection failed: " + error.getMessage(), error));
            }
        }
    }
}
