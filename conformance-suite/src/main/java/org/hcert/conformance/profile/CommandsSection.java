package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.adapters.foxglove.CommandRoutes;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.ros.CdrEncoder;
import org.hcert.telemetry.ros.RosDefinitions;

/**
 * The {@code commands} of a robot profile: how each of hcert's commands reaches the robot over a
 * Foxglove WebSocket server, by a topic or a service ({@link CommandRoutes}). A reference to an
 * argument the command does not have, or a CDR message whose fields do not fit its type (when
 * hcert bundles the type's definition), is a profile error naming the field.
 */
final class CommandsSection {

    /** The arguments that are texts or flags; every other argument is a number. */
    private static final Set<String> TEXTS = Set.of("name", "hand", "mode", "side", "region", "kind", "reason");
    private static final Set<String> FLAGS = Set.of("asserted", "on", "remove");

    private CommandsSection() {}

    static CommandRoutes routes(YamlDocument doc) {
        JsonNode section = doc.root().path("commands");
        if (!section.isObject()) {
            return CommandRoutes.none();
        }
        List<CommandRoutes.Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            String pointer = "/commands/" + e.getKey();
            JsonNode r = e.getValue();
            CommandRoutes.Route route;
            if (r.has("topic")) {
                String encoding = r.path("encoding").asText("cdr");
                String type = r.path("type").asText("");
                if (encoding.equals("cdr") && type.isEmpty()) {
                    throw doc.error(pointer, "a command published as cdr needs its message type (type: e.g. geometry_msgs/msg/Twist)");
                }
                route = new CommandRoutes.Publish(e.getKey(), r.get("topic").asText(), type, encoding, template(r.path("message")));
            } else {
                route = new CommandRoutes.Call(e.getKey(), r.get("service").asText(), template(r.path("request")));
            }
            String at = pointer + (route instanceof CommandRoutes.Publish ? "/message" : "/request");
            CommandRoutes.problem(route).ifPresent(p -> {
                throw doc.error(at, p);
            });
            if (route instanceof CommandRoutes.Publish p && p.encoding().equals("cdr")) {
                fitsItsType(doc, at, p);
            }
            routes.add(route);
        }
        return CommandRoutes.of(routes);
    }

    private static JsonNode template(JsonNode n) {
        return n.isObject() ? n : JsonNodeFactory.instance.objectNode();
    }

    /** Encode the message with a sample of every argument, when hcert bundles the type's definition. */
    private static void fitsItsType(YamlDocument doc, String pointer, CommandRoutes.Publish p) {
        Optional<SchemaInfo> schema = RosDefinitions.bundledInterfaces().schema(p.type());
        if (schema.isEmpty()) {
            return; // the robot's own type: checked against the definition the server advertises, when the command is sent
        }
        ObjectNode sample = JsonNodeFactory.instance.objectNode();
        for (String arg : CommandRoutes.ARGUMENTS.getOrDefault(p.command(), List.of())) {
            if (TEXTS.contains(arg)) {
                sample.put(arg, "");
            } else if (FLAGS.contains(arg)) {
                sample.put(arg, false);
            } else {
                sample.put(arg, 0.0);
            }
        }
        try {
            CdrEncoder.of(schema.get()).encode(CommandRoutes.fill(p.template(), sample));
        } catch (TelemetryException e) {
            throw doc.error(pointer, "the %s command's message does not fit %s: %s".formatted(p.command(), p.type(), e.getMessage()));
        }
    }
}
