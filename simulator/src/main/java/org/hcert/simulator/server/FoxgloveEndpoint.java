package org.hcert.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hcert.adapters.Command;
import org.hcert.adapters.foxglove.CommandRoutes;
import org.hcert.adapters.robotside.RobotSession;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.simulator.OutboundMessage;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.ros.BundledDefinitions;
import org.hcert.telemetry.ros.CdrEncoder;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.hcert.telemetry.ros.RosDefinitions;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;

/**
 * The simulator served over the Foxglove WebSocket protocol ({@code foxglove.websocket.v1}), as
 * {@code foxglove_bridge} serves a ROS 2 robot: its telemetry on channels of ROS 2 types, CDR
 * encoded with the types' ros2msg definitions; hcert's commands taken as client messages and
 * service calls by {@link FoxgloveInterface#ROUTES}. One harness at a time: a second connection
 * is closed with the reason. A session opens with the harness's first subscription (so that it
 * hears the robot's provenance from the start), and ends when it disconnects.
 */
final class FoxgloveEndpoint extends WebSocketServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RobotSession.Handler handler;
    private final Consumer<String> say;
    private final String name;
    private final Map<String, Integer> channelByTopic = new ConcurrentHashMap<>();
    private final Map<String, String> types;
    private final Map<String, CdrEncoder> encoders = new ConcurrentHashMap<>();
    private final Set<String> withoutFlag = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CommandRoutes.Call> services = new ConcurrentHashMap<>();
    private final RosBodyDecoders decoder = RosBodyDecoders.standard();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile @Nullable Exception startFailure;
    private volatile @Nullable WebSocket harness;
    /** Channel id to the harness's subscription id. */
    private final Map<Integer, Long> subscriptions = new ConcurrentHashMap<>();
    /** The harness's client channels: id to topic. */
    private final Map<Long, String> clientChannels = new ConcurrentHashMap<>();
    private volatile boolean session;
    private volatile long lastHarnessFrameNanos = System.nanoTime();

    /**
     * @param types the topics served and their ROS 2 types
     * @param handler decides the harness's commands and hears of sessions
     */
    FoxgloveEndpoint(InetSocketAddress address, String name, Map<String, String> types, RobotSession.Handler handler, Consumer<String> say,
            @Nullable TlsServer tls) {
        super(address, List.of(new Draft_6455(List.of(), List.of(new Protocol(org.hcert.adapters.foxglove.FoxgloveLink.SUBPROTOCOL)))));
        this.name = name;
        this.types = Map.copyOf(types);
        this.handler = handler;
        this.say = say;
        int id = 1;
        for (String topic : types.keySet()) {
            channelByTopic.put(topic, id++);
        }
        int sid = 1;
        for (CommandRoutes.Route r : FoxgloveInterface.ROUTES.routes()) {
            if (r instanceof CommandRoutes.Call c) {
                services.put(sid++, c);
            }
        }
        if (tls != null) {
            setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls.context()));
        }
        setReuseAddr(true);
        setConnectionLostTimeout(0); // the harness pings; the server's deadman watches the silence
    }

    /** Start listening; wait until the port is bound. */
    void open() throws IOException {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the Foxglove server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Foxglove server", e);
        }
        Exception failure = startFailure;
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
    }

    boolean inSession() {
        return session;
    }

    long lastHarnessFrameNanos() {
        return lastHarnessFrameNanos;
    }

    /** Close the harness's connection, saying why. */
    void bye(String reason) {
        WebSocket h = harness;
        if (h != null) {
            h.close(1001, reason);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (harness != null) {
            conn.close(1013, "another harness is connected; one at a time");
            return;
        }
        harness = conn;
        lastHarnessFrameNanos = System.nanoTime();
        say.accept("connection from " + conn.getRemoteSocketAddress());
        ObjectNode info = JsonNodeFactory.instance.objectNode().put("op", "serverInfo").put("name", name);
        info.putArray("capabilities").add("clientPublish").add("services");
        info.putArray("supportedEncodings").add("cdr").add("json");
        conn.send(info.toString());
        ObjectNode advertise = JsonNodeFactory.instance.objectNode().put("op", "advertise");
        ArrayNode channels = advertise.putArray("channels");
        types.forEach((topic, type) -> {
            int id = channelByTopic.getOrDefault(topic, 0);
            SchemaInfo schema = BundledDefinitions.schema(type).orElseThrow(() -> new IllegalStateException("no bundled definition of " + type));
            channels.addObject().put("id", id).put("topic", topic).put("encoding", "cdr").put("schemaName", type)
                    .put("schemaEncoding", "ros2msg").put("schema", new String(schema.data(), StandardCharsets.UTF_8));
        });
        conn.send(advertise.toString());
        ObjectNode advertiseServices = JsonNodeFactory.instance.objectNode().put("op", "advertiseServices");
        ArrayNode list = advertiseServices.putArray("services");
        services.forEach((id, call) -> {
            FoxgloveInterface.ServiceType type = FoxgloveInterface.serviceType(call);
            ObjectNode s = list.addObject().put("id", id).put("name", call.service()).put("type", type.name());
            s.putObject("request").put("encoding", "cdr").put("schemaName", type.name() + "_Request").put("schemaEncoding", "ros2msg")
                    .put("schema", type.request());
            s.putObject("response").put("encoding", "cdr").put("schemaName", type.name() + "_Response").put("schemaEncoding", "ros2msg")
                    .put("schema", type.response());
        });
        conn.send(advertiseServices.toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn != harness) {
            return;
        }
        harness = null;
        subscriptions.clear();
        clientChannels.clear();
        boolean wasInSession = session;
        session = false;
        String why = "the harness closed the connection (code %d%s)".formatted(code, reason.isEmpty() ? "" : ", " + reason);
        if (wasInSession) {
            handler.sessionEnded(why);
        } else {
            say.accept(why);
        }
    }

    @Override
    public void onError(@Nullable WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        } else {
            say.accept("connection %s failed: %s".formatted(conn.getRemoteSocketAddress(), ex.getMessage()));
        }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        if (conn == harness) {
            lastHarnessFrameNanos = System.nanoTime();
        }
        super.onWebsocketPing(conn, f);
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        if (conn != harness) {
            return;
        }
        lastHarnessFrameNanos = System.nanoTime();
        JsonNode op;
        try {
            op = JSON.readTree(text);
        } catch (IOException e) {
            status(conn, 2, "not JSON: " + e.getMessage());
            return;
        }
        switch (op.path("op").asText()) {
            case "subscribe" -> {
                op.path("subscriptions").forEach(s -> subscriptions.put(s.path("channelId").asInt(), s.path("id").asLong()));
                // the harness subscribes to what it reads in one op, right after the advertisement
                if (!session) {
                    session = true;
                    handler.sessionOpened();
                }
            }
            case "unsubscribe" -> op.path("subscriptionIds").forEach(id -> subscriptions.values().remove(id.asLong()));
            case "advertise" -> op.path("channels").forEach(c -> clientChannels.put(c.path("id").asLong(), c.path("topic").asText()));
            case "unadvertise" -> op.path("channelIds").forEach(id -> clientChannels.remove(id.asLong()));
            default -> status(conn, 1, "op %s is not served by the simulator".formatted(op.path("op").asText()));
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer frame) {
        if (conn != harness) {
            return;
        }
        lastHarnessFrameNanos = System.nanoTime();
        ByteBuffer b = frame.order(ByteOrder.LITTLE_ENDIAN);
        int opcode = b.get() & 0xFF;
        if (opcode == 1 && b.remaining() >= 4) {
            onClientMessage(conn, Integer.toUnsignedLong(b.getInt()), b.slice());
        } else if (opcode == 2 && b.remaining() >= 12) {
            int serviceId = b.getInt();
            int callId = b.getInt();
            byte[] encoding = new byte[b.getInt()];
            b.get(encoding);
            onServiceCall(conn, serviceId, callId, new String(encoding, StandardCharsets.UTF_8), b.slice());
        } else {
            status(conn, 2, "binary frame with opcode %d and %d bytes is not served".formatted(opcode, b.remaining() + 1));
        }
    }

    private void onClientMessage(WebSocket conn, long channel, ByteBuffer payload) {
        String topic = clientChannels.get(channel);
        CommandRoutes.Publish route = topic == null ? null : FoxgloveInterface.publishing(topic).orElse(null);
        if (route == null) {
            status(conn, 1, "a message on client channel %d (%s), which the simulator does not take".formatted(channel, topic));
            return;
        }
        JsonNode message;
        try {
            message = route.encoding().equals("json") ? JSON.readTree(new String(bytes(payload), StandardCharsets.UTF_8))
                    : decoder.decode(definition(route.type()), "cdr", payload);
        } catch (IOException | TelemetryException e) {
            status(conn, 2, "%s: the message does not decode: %s".formatted(topic, e.getMessage()));
            return;
        }
        RobotSession.Answer a = decide(CommandRoutes.commandBody(route, message));
        if (!a.accepted()) {
            status(conn, 1, "%s: %s".formatted(topic, a.reason()));
        }
    }

    private void onServiceCall(WebSocket conn, int serviceId, int callId, String encoding, ByteBuffer payload) {
        CommandRoutes.Call call = services.get(serviceId);
        if (call == null) {
            failure(conn, serviceId, callId, "no service " + serviceId);
            return;
        }
        FoxgloveInterface.ServiceType type = FoxgloveInterface.serviceType(call);
        JsonNode request;
        try {
            request = decoder.decode(type.requestSchema(), encoding, payload);
        } catch (TelemetryException e) {
            failure(conn, serviceId, callId, "the request does not decode: " + e.getMessage());
            return;
        }
        RobotSession.Answer a = decide(CommandRoutes.commandBody(call, request));
        byte[] response = CdrEncoder.of(type.responseSchema()).encode(JsonNodeFactory.instance.objectNode()
                .put("success", a.accepted()).put("message", a.reason()));
        byte[] enc = "cdr".getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(13 + enc.length + response.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 3).putInt(serviceId).putInt(callId).putInt(enc.length).put(enc).put(response);
        conn.send(out.array());
    }

    private RobotSession.Answer decide(ObjectNode body) {
        Command c;
        try {
            c = Command.fromBody(body);
        } catch (IllegalArgumentException e) {
            return RobotSession.Answer.nack(Objects.requireNonNullElse(e.getMessage(), "malformed command"));
        }
        RobotSession.Answer a = handler.command(c);
        handler.answered(c);
        return a;
    }

    private void failure(WebSocket conn, int serviceId, int callId, String message) {
        conn.send(JsonNodeFactory.instance.objectNode().put("op", "serviceCallFailure").put("serviceId", serviceId)
                .put("callId", callId).put("message", message).toString());
    }

    private static void status(WebSocket conn, int level, String message) {
        conn.send(JsonNodeFactory.instance.objectNode().put("op", "status").put("level", level).put("message", message).toString());
    }

    private static SchemaInfo definition(String type) {
        return RosDefinitions.bundledInterfaces().schema(type).orElseThrow(() -> new TelemetryException("no definition of " + type));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /**
     * Send the telemetry to the harness's subscriptions, stamped with the robot clock. A message that
     * lacks a flag of its type is not sent (CDR would carry it as {@code false}, a value the robot
     * never reported), and that is said once per topic.
     */
    void publish(List<OutboundMessage> out) {
        WebSocket h = harness;
        if (h == null || !session) {
            return;
        }
        for (OutboundMessage o : out) {
            Message m = o.message();
            Integer channel = channelByTopic.get(m.topic());
            Long subscription = channel == null ? null : subscriptions.get(channel);
            if (subscription == null) {
                continue;
            }
            CdrEncoder encoder = encoders.computeIfAbsent(m.type(), t -> CdrEncoder.bundled(t)
                    .orElseThrow(() -> new IllegalStateException("no bundled definition of " + t)));
            if (encoder.absentFlag(m.body()).isPresent()) {
                if (withoutFlag.add(m.topic())) {
                    say.accept("%s: a message without %s is not sent over Foxglove (CDR cannot say \"absent\")"
                            .formatted(m.topic(), encoder.absentFlag(m.body()).orElse("")));
                }
                continue;
            }
            byte[] payload = encoder.encode(m.body());
            ByteBuffer frame = ByteBuffer.allocate(13 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
            frame.put((byte) 1).putInt(subscription.intValue()).putLong(m.logTimeNs()).put(payload);
            try {
                h.send(frame.array());
            } catch (RuntimeException e) {
                return; // the connection is going; onClose ends the session
            }
        }
    }
}
