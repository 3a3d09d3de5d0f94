package org.hcert.adapters.foxglove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hcert.adapters.Command;
import org.junit.jupiter.api.Test;

class CommandRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void fillsATemplateWithTheCommandsArgumentsAndLeavesOutThoseItLacks() throws Exception {
        JsonNode template = json("{\"linear\": {\"x\": \"$vx\", \"y\": \"$vy\"}, \"angular\": {\"z\": \"$wz\"}, \"tag\": \"$$vx\", \"k\": 3}");
        assertThat(CommandRoutes.fill(template, new Command.Walk(0.25, -0.1, 0.5).toBody()))
                .isEqualTo(json("{\"linear\": {\"x\": 0.25, \"y\": -0.1}, \"angular\": {\"z\": 0.5}, \"tag\": \"$vx\", \"k\": 3}"));
        JsonNode stop = json("{\"why\": \"$reason\", \"names\": [\"$reason\", \"all\"]}");
        assertThat(CommandRoutes.fill(stop, new Command.SoftwareStop("").toBody())).isEqualTo(json("{\"names\": [\"all\"]}"));
        assertThat(CommandRoutes.fill(stop, new Command.SoftwareStop("link lost").toBody()))
                .isEqualTo(json("{\"why\": \"link lost\", \"names\": [\"link lost\", \"all\"]}"));
    }

    @Test
    void readsTheCommandBackFromAMessageSentByItsRoute() throws Exception {
        CommandRoutes.Route joint = new CommandRoutes.Publish("joint", "/joint_command", "sensor_msgs/msg/JointState", "cdr",
                json("{\"name\": [\"$name\"], \"position\": [\"$position\"], \"velocity\": [\"$velocity\"]}"));
        Command c = new Command.MoveJoint("left_knee", 0.5, 0.2);
        JsonNode message = CommandRoutes.fill(joint.template(), c.toBody());
        assertThat(Command.fromBody(CommandRoutes.commandBody(joint, message))).isEqualTo(c);
        CommandRoutes.Route estop = new CommandRoutes.Call("estop", "/rig/estop", json("{\"data\": \"$asserted\"}"));
        assertThat(Command.fromBody(CommandRoutes.commandBody(estop, json("{\"data\": false}")))).isEqualTo(new Command.EmergencyStop(false));
        // a field the message lacks is not invented: the command then fails to read, naming it
        assertThatThrownBy(() -> Command.fromBody(CommandRoutes.commandBody(estop, json("{}"))))
                .hasMessage("field \"asserted\" must be true or false, found nothing");
    }

    @Test
    void refusesUnknownCommandsArgumentsAndDoubleRoutes() throws Exception {
        assertThatThrownBy(() -> CommandRoutes.of(List.of(new CommandRoutes.Call("jump", "/jump", json("{}")))))
                .hasMessageStartingWith("jump is not one of hcert's commands; they are walk, joint, hand, stop,");
        assertThatThrownBy(() -> CommandRoutes.of(List.of(new CommandRoutes.Publish("walk", "/cmd_vel", "geometry_msgs/msg/Twist",
                "cdr", json("{\"linear\": {\"x\": \"$vz\"}}")))))
                .hasMessage("$vz is not an argument of the walk command; its arguments are vx, vy, wz");
        assertThatThrownBy(() -> CommandRoutes.of(List.of(new CommandRoutes.Call("reset", "/reset", json("{\"data\": \"$on\"}")))))
                .hasMessage("$on is not an argument of the reset command; it has none");
        assertThatThrownBy(() -> CommandRoutes.of(List.of(new CommandRoutes.Call("stop", "/a", json("{}")),
                new CommandRoutes.Call("stop", "/b", json("{}"))))).hasMessage("command stop is routed twice");
    }
}
