package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How hcert's commands reach a robot that runs a Foxglove WebSocket server: each command name
 * ({@code walk}, {@code stop}, …, as in {@link org.hcert.adapters.Command#name()}) by a message
 * published on a client channel ({@link Publish}, e.g. a {@code geometry_msgs/msg/Twist} on
 * {@code /cmd_vel}) or by a service call ({@link Call}, e.g. a {@code std_srvs/srv/Trigger}).
 *
 * <p>A route's template is the message or request to send, in the JSON shape of its type; a text
 * value {@code $argument} in it stands for one of the command's arguments ({@link #ARGUMENTS}),
 * {@code $$text} for the literal text {@code $text}. An argument the command does not carry (the
 * reason of a stop without one) leaves its field out. Instances are immutable.
 */
public final class CommandRoutes {

    /** The arguments of each command, as its body names them. */
    public static final Map<String, List<String>> ARGUMENTS = arguments();

    private static final Pattern REFERENCE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    private static final CommandRoutes NONE = new CommandRoutes(List.of());

    private final Map<String, Route> byCommand;

    private CommandRoutes(Collection<Route> routes) {
        Map<String, Route> m = new LinkedHashMap<>();
        for (Route r : routes) {
            if (m.put(r.command(), r) != null) {
                throw new IllegalArgumentException("command %s is routed twice".formatted(r.command()));
            }
        }
        this.byCommand = java.util.Collections.unmodifiableMap(m);
    }

    /** A route of one command. */
    public sealed interface Route permits Publish, Call {

        /** The command's name, e.g. {@code walk}. */
        String command();

        /** The message or request to send, with {@code $argument} references. */
        JsonNode template();

        /** What the route reaches, for messages: {@code topic /cmd_vel} or {@code service /reset}. */
        String describe();
    }

    /**
     * Publish on a client channel.
     *
     * @param topic the topic, e.g. {@code /cmd_vel}
     * @param type the message type (the channel's schema name), e.g. {@code geometry_msgs/msg/Twist};
     *     may be empty for {@code json}
     * @param encoding {@code cdr} (ROS 2) or {@code json}
     */
    public record Publish(String command, String topic, String type, String encoding, JsonNode template) implements Route {

        public Publish {
            Objects.requireNonNull(command, "command must not be null");
            Objects.requireNonNull(topic, "topic must not be null");
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(encoding, "encoding must not be null");
            Objects.requireNonNull(template, "template must not be null");
        }

        @Override
        public String describe() {
            return "topic " + topic;
        }
    }

    /**
     * Call a service the server advertises; its request and response are encoded by the schemas the
     * server sent. A response whose {@code success} field is false is the robot's refusal, with its
     * {@code message}.
     *
     * @param service the service's name, e.g. {@code /reset}
     */
    public record Call(String command, String service, JsonNode template) implements Route {

        public Call {
            Objects.requireNonNull(command, "command must not be null");
            Objects.requireNonNull(service, "service must not be null");
            Objects.requireNonNull(template, "template must not be null");
        }

        @Override
        public String describe() {
            return "service " + service;
        }
    }

    /** No command routed: every command is refused with that reason. */
    public static CommandRoutes none() {
        return NONE;
    }

    /**
     * These routes.
     *
     * @throws IllegalArgumentException when a command is routed twice, is not one of hcert's, or its
     *     template refers to an argument the command does not have
     */
    public static CommandRoutes of(Collection<Route> routes) {
        for (Route r : routes) {
            problem(r).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
        }
        return new CommandRoutes(routes);
    }

    /** What is wrong with {@code route} (an unknown command, a reference to an unknown argument), if anything. */
    public static Optional<String> problem(Route route) {
        List<String> args = ARGUMENTS.get(route.command());
        if (args == null) {
            return Optional.of("%s is not one of hcert's commands; they are %s".formatted(route.command(), String.join(", ", ARGUMENTS.keySet())));
        }
        for (String ref : references(route.template())) {
            if (!args.contains(ref)) {
                return Optional.of("$%s is not an argument of the %s command; %s".formatted(ref, route.command(),
                        args.isEmpty() ? "it has none" : "its arguments are " + String.join(", ", args)));
            }
        }
        return Optional.empty();
    }

    /** The route of {@code command}, if it has one. */
    public Optional<Route> route(String command) {
        return Optional.ofNullable(byCommand.get(command));
    }

    /** Every route, in the order given. */
    public Collection<Route> routes() {
        return byCommand.values();
    }

    public boolean isEmpty() {
        return byCommand.isEmpty();
    }

    /** The names of the arguments {@code template} refers to, in order of appearance. */
    public static List<String> references(JsonNode template) {
        List<String> out = new ArrayList<>();
        collect(template, out);
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual() && REFERENCE.matcher(n.textValue()).matches()) {
            out.add(n.textValue().substring(1));
        } else if (n.isContainerNode()) {
            n.forEach(c -> collect(c, out));
        }
    }

    /**
     * The message for a command whose body is {@code commandBody}: {@code template} with each
     * {@code $argument} replaced by the body's value, fields whose argument the body lacks left out.
     */
    public static JsonNode fill(JsonNode template, JsonNode commandBody) {
        return Objects.requireNonNullElseGet(filled(template, commandBody), JsonNodeFactory.instance::objectNode);
    }

    private static @org.jspecify.annotations.Nullable JsonNode filled(JsonNode t, JsonNode body) {
        if (t.isTextual()) {
            String s = t.textValue();
            if (REFERENCE.matcher(s).matches()) {
                JsonNode v = body.get(s.substring(1));
                return v == null || v.isNull() ? null : v.deepCopy();
            }
            return s.startsWith("$$") ? TextNode.valueOf(s.substring(1)) : t;
        }
        if (t.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            t.properties().forEach(e -> {
                JsonNode v = filled(e.getValue(), body);
                if (v != null) {
                    o.set(e.getKey(), v);
                }
            });
            return o;
        }
        if (t.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            t.forEach(e -> {
                JsonNode v = filled(e, body);
                if (v != null) {
                    a.add(v);
                }
            });
            return a;
        }
        return t;
    }

    /**
     * The command body a message sent on {@code route} carries, the inverse of {@link #fill}: for
     * a robot-side server that serves hcert's commands by these routes. Each {@code $argument} takes
     * the value at its place in {@code message}; arguments whose place is empty are left out.
     */
    public static ObjectNode commandBody(Route route, JsonNode message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("cmd", route.command());
        extract(route.template(), message, body);
        return body;
    }

    private static void extract(JsonNode t, JsonNode m, ObjectNode body) {
        if (m.isMissingNode() || m.isNull()) {
            return;
        }
        if (t.isTextual() && REFERENCE.matcher(t.textValue()).matches()) {
            body.set(t.textValue().substring(1), m.deepCopy());
        } else if (t.isObject()) {
            t.properties().forEach(e -> extract(e.getValue(), m.path(e.getKey()), body));
        } else if (t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                extract(t.get(i), m.path(i), body);
            }
        }
    }

    private static Map<String, List<String>> arguments() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("walk", List.of("vx", "vy", "wz"));
        a.put("joint", List.of("name", "position", "velocity"));
        a.put("hand", List.of("hand", "x", "y", "z", "speed", "grip"));
        a.put("stop", List.of("reason"));
        a.put("reset", List.of());
        a.put("mode", List.of("mode"));
        a.put("start", List.of());
        a.put("estop", List.of("asserted"));
        a.put("protective_stop", List.of("asserted"));
        a.put("dummy", List.of("side", "region", "distance", "remove"));
        a.put("power", List.of("on"));
        a.put("safety_fault", List.of("kind", "asserted"));
        return java.util.Collections.unmodifiableMap(a);
    }
}
