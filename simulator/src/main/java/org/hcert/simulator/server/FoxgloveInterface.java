package org.hcert.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hcert.adapters.foxglove.CommandRoutes;
import org.hcert.telemetry.SchemaInfo;

/**
 * How the simulated humanoid is reached over the Foxglove WebSocket protocol, as a ROS 2 robot
 * behind {@code foxglove_bridge} is: the motion commands as ROS 2 messages on topics
 * ({@code /cmd_vel}, {@code /joint_command}, {@code /mode}), stop, reset and start as
 * {@code std_srvs/srv/Trigger} services, and the test rig's e-stop, protective-stop and drive-power
 * relays as {@code std_srvs/srv/SetBool} services; what has no standard type (a hand target, the
 * test dummy, an injected safety fault) as JSON on topics. {@code profiles/robots/hc1-demo.yaml}
 * routes hcert's commands the same way (its {@code commands} section; a test keeps the two equal).
 */
public final class FoxgloveInterface {

    /** A service's request and response definitions (ros2msg). */
    record ServiceType(String name, String request, String response) {

        SchemaInfo requestSchema() {
            return new SchemaInfo(name + "_Request", "ros2msg", request.getBytes(StandardCharsets.UTF_8));
        }

        SchemaInfo responseSchema() {
            return new SchemaInfo(name + "_Response", "ros2msg", response.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final ServiceType TRIGGER = new ServiceType("std_srvs/srv/Trigger", "", "bool success\nstring message\n");
    static final ServiceType SET_BOOL = new ServiceType("std_srvs/srv/SetBool", "bool data\n", "bool success\nstring message\n");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The simulator's routes, one per command. */
    public static final CommandRoutes ROUTES = CommandRoutes.of(List.of(
            new CommandRoutes.Publish("walk", "/cmd_vel", "geometry_msgs/msg/Twist", "cdr",
                    json("{\"linear\": {\"x\": \"$vx\", \"y\": \"$vy\"}, \"angular\": {\"z\": \"$wz\"}}")),
            new CommandRoutes.Publish("joint", "/joint_command", "sensor_msgs/msg/JointState", "cdr",
                    json("{\"name\": [\"$name\"], \"position\": [\"$position\"], \"velocity\": [\"$velocity\"]}")),
            new CommandRoutes.Publish("hand", "/hand_command", "", "json",
                    json("{\"hand\": \"$hand\", \"x\": \"$x\", \"y\": \"$y\", \"z\": \"$z\", \"speed\": \"$speed\", \"grip\": \"$grip\"}")),
            new CommandRoutes.Publish("mode", "/mode", "std_msgs/msg/String", "cdr", json("{\"data\": \"$mode\"}")),
            new CommandRoutes.Call("stop", "/stop", json("{}")),
            new CommandRoutes.Call("reset", "/reset", json("{}")),
            new CommandRoutes.Call("start", "/start", json("{}")),
            new CommandRoutes.Call("estop", "/rig/estop", json("{\"data\": \"$asserted\"}")),
            new CommandRoutes.Call("protective_stop", "/rig/protective_stop", json("{\"data\": \"$asserted\"}")),
            new CommandRoutes.Call("power", "/rig/drive_power", json("{\"data\": \"$on\"}")),
            new CommandRoutes.Publish("dummy", "/rig/dummy", "", "json",
                    json("{\"side\": \"$side\", \"region\": \"$region\", \"distance\": \"$distance\", \"remove\": \"$remove\"}")),
            new CommandRoutes.Publish("safety_fault", "/rig/safety_fault", "", "json",
                    json("{\"kind\": \"$kind\", \"asserted\": \"$asserted\"}"))));

    private FoxgloveInterface() {}

    /** The type of a service route: SetBool when its request carries a flag, else Trigger. */
    static ServiceType serviceType(CommandRoutes.Call call) {
        return call.template().has("data") ? SET_BOOL : TRIGGER;
    }

    /** The route that publishes on {@code topic}, if any. */
    static Optional<CommandRoutes.Publish> publishing(String topic) {
        return ROUTES.routes().stream().filter(r -> r instanceof CommandRoutes.Publish p && p.topic().equals(topic))
                .map(CommandRoutes.Publish.class::cast).findFirst();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
