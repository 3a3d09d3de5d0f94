package org.hcert.telemetry.rosbag;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.ros.RosDefinitions;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Find the definition of a topic's type: overriding definitions first, then the bag's own
 * (stored under the type name as written, or in its {@code pkg/msg/Type} form), then the fallback.
 *
 * <p>Service-event topics ({@code pkg/srv/Name_Event}, recorded by rosbag2 Iron and later) have
 * their {@code .srv} text stored under {@code pkg/srv/Name}; their event definition is assembled
 * from it as rosidl generates it: {@code service_msgs/ServiceEventInfo info},
 * {@code Name_Request[<=1] request}, {@code Name_Response[<=1] response}.
 */
final class TopicSchemas {

    private static final String SEPARATOR = "=".repeat(80);
    private static final String EVENT_INFO = """
            uint8 event_type
            builtin_interfaces/Time stamp
            char[16] client_gid
            int64 sequence_number
            """;

    private TopicSchemas() {}

    static @Nullable SchemaInfo resolve(String type, RosDefinitions overriding, Map<String, SchemaInfo> stored,
            RosDefinitions fallback) {
        Optional<SchemaInfo> override = overriding.schema(type);
        if (override.isPresent()) {
            return override.get();
        }
        SchemaInfo own = stored.getOrDefault(type, stored.get(RosJsonDecoder.normalise(type)));
        if (own != null) {
            return own;
        }
        SchemaInfo event = serviceEvent(type, stored);
        if (event != null) {
            return event;
        }
        return fallback.schema(type).orElse(null);
    }

    private static @Nullable SchemaInfo serviceEvent(String type, Map<String, SchemaInfo> stored) {
        String[] parts = type.split("/", -1);
        if (parts.length != 3 || !parts[1].equals("srv") || !parts[2].endsWith("_Event")) {
            return null;
        }
        String service = parts[2].substring(0, parts[2].length() - "_Event".length());
        SchemaInfo srv = stored.get(parts[0] + "/srv/" + service);
        if (srv == null || !srv.encoding().equals("ros2msg")) {
            return null;
        }
        String text = new String(srv.data(), StandardCharsets.UTF_8);
        int end = text.indexOf("\n" + SEPARATOR);
        String own = end < 0 ? text : text.substring(0, end + 1);
        String dependencies = end < 0 ? "" : text.substring(end + 1);
        String[] halves = own.split("(?m)^---\\s*$", 2);
        if (halves.length != 2) {
            return null;
        }
        String prefix = parts[0] + "/srv/" + service;
        String event = """
                service_msgs/ServiceEventInfo info
                %1$s_Request[<=1] request
                %1$s_Response[<=1] response
                %2$s
                MSG: service_msgs/ServiceEventInfo
                %3$s%2$s
                MSG: %4$s_Request
                %5$s
                %2$s
                MSG: %4$s_Response
                %6$s
                %7$s""".formatted(service, SEPARATOR, EVENT_INFO, prefix, halves[0].strip(), halves[1].strip(), dependencies);
        return new SchemaInfo(type, "ros2msg", event.getBytes(StandardCharsets.UTF_8));
    }
}
