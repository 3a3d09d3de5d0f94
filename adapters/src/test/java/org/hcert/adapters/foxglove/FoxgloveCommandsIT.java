package org.hcert.adapters.foxglove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkOptions;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.testkit.FoxglovePeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the Foxglove link does, beyond every link's contract ({@link FoxgloveLinkContractIT}),
 * against a robot behind a server built on the protocol's npm package ({@code echo-robot.cjs}:
 * client channels and services, messages decoded by {@code @foxglove/rosmsg2-serialization}), on
 * 127.0.0.1: what hcert publishes and calls arrives as the robot's ROS 2 types (or JSON), service
 * refusals and failures come back as refusals, a command it cannot send is refused unsent, the
 * server's stamps are kept to the ns, and a recorded channel unadvertised mid-session fails the link.
 */
@Timeout(90)
class FoxgloveCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LinkOptions OPTIONS = LinkOptions.defaults().withLinkTimeout(Duration.ofMillis(800))
            .withAnswerTimeout(Duration.ofSeconds(3)).withPingInterval(Duration.ofMillis(100));
    private static final Duration EVENT = Duration.ofSeconds(10);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Routes as a ROS 2 humanoid's profile would give them; mode and power are left unrouted or unserved on purpose. */
    static CommandRoutes routes() {
        return CommandRoutes.of(List.of(
                new CommandRoutes.Publish("walk", "/cmd_vel", "geometry_msgs/msg/Twist", "cdr",
                        json("{\"linear\": {\"x\": \"$vx\", \"y\": \"$vy\"}, \"angular\": {\"z\": \"$wz\"}}")),
                new CommandRoutes.Publish("joint", "/joint_command", "sensor_msgs/msg/JointState", "cdr",
                        json("{\"name\": [\"$name\"], \"position\": [\"$position\"], \"velocity\": [\"$velocity\"]}")),
                new CommandRoutes.Publish("hand", "/hand_command", "", "json",
                        json("{\"side\": \"$hand\", \"target\": [\"$x\", \"$y\", \"$z\"], \"speed\": \"$speed\", \"note\": \"$$literal\"}")),
                new CommandRoutes.Call("stop", "/stop", json("{}")),
                new CommandRoutes.Call("reset", "/reset", json("{}")),
                new CommandRoutes.Call("estop", "/estop", json("{\"data\": \"$asserted\"}")),
                new CommandRoutes.Call("power", "/drive_power", json("{\"data\": \"$on\"}"))));
    }

    private FoxglovePeer robot() throws Exception {
        FoxglovePeer p = FoxglovePeer.echoRobot();
        open.add(p);
        return p;
    }

    private FoxgloveLink connected(FoxglovePeer robot) throws Exception {
        FoxgloveLink link = new FoxgloveLink(URI.create(robot.uri()), OPTIONS, HarnessClock.system(), routes());
        open.add(link);
        link.connect();
        // the client channels are advertised at connect; the server reports them as they come
        for (String topic : List.of("/cmd_vel", "/joint_command", "/hand_command")) {
            assertThat(robot.awaitEvent(e -> e.contains("\"advertise\"") && e.contains("\"" + topic + "\""), EVENT)).isPresent();
        }
        for (int i = 0; i < 500 && link.services().size() < 4; i++) {
            Thread.sleep(10);
        }
        return link;
    }

    private static JsonNode event(FoxglovePeer robot, String kind, String where) throws InterruptedException {
        String e = robot.awaitEvent(s -> s.contains("\"event\":\"" + kind + "\"") && s.contains("\"" + where + "\""), EVENT)
                .orElseThrow(() -> new AssertionError("no " + kind + " on " + where + " reached the robot"));
        return json(e);
    }

    private static LinkException awaitFailure(FoxgloveLink link) throws InterruptedException {
        for (int i = 0; i < 1000 && link.failure().isEmpty(); i++) {
            Thread.sleep(10);
        }
        return link.failure().orElseThrow(() -> new AssertionError("the link did not fail within 10 s"));
    }

    @Test
    void publishesRoutedCommandsAsTheRobotsRos2Messages() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        assertThat(link.send(new Command.Walk(0.3, -0.05, 0.1)).accepted()).isTrue();
        JsonNode twist = event(robot, "message", "/cmd_vel").get("message");
        assertThat(twist.at("/linear/x").asDouble()).isEqualTo(0.3);
        assertThat(twist.at("/linear/y").asDouble()).isEqualTo(-0.05);
        assertThat(twist.at("/angular/z").asDouble()).isEqualTo(0.1);
        assertThat(twist.at("/linear/z").asDouble()).isZero();

        assertThat(link.send(new Command.MoveJoint("left_knee", 0.5, 0.2)).accepted()).isTrue();
        JsonNode joint = event(robot, "message", "/joint_command").get("message");
        assertThat(joint.get("name")).containsExactly(json("\"left_knee\""));
        assertThat(joint.at("/position/0").asDouble()).isEqualTo(0.5);
        assertThat(joint.at("/velocity/0").asDouble()).isEqualTo(0.2);
        assertThat(joint.get("effort")).isEmpty();

        assertThat(link.send(new Command.MoveHand("left", 0.3, 0.2, 0.9, 0.25, 0)).accepted()).isTrue();
        JsonNode hand = event(robot, "message", "/hand_command").get("message");
        assertThat(hand).isEqualTo(json("{\"side\": \"left\", \"target\": [0.3, 0.2, 0.9], \"speed\": 0.25, \"note\": \"$literal\"}"));
    }

    @Test
    void callsRoutedServicesAndReturnsTheirAnswers() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        assertThat(link.services()).containsKeys("/stop", "/reset", "/start", "/estop");
        assertThat(link.send(new Command.Reset()).accepted()).isTrue();
        assertThat(event(robot, "call", "/reset").get("request")).isEqualTo(json("{}"));
        assertThat(link.send(new Command.EmergencyStop(true)).accepted()).isTrue();
        assertThat(event(robot, "call", "/estop").at("/request/data").asBoolean()).isTrue();
        assertThat(link.send(new Command.EmergencyStop(false)).accepted()).isTrue();
        assertThat(event(robot, "call", "/estop").at("/request/data").isBoolean()).isTrue();
    }

    @Test
    void returnsTheRobotsRefusalWithItsReason() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        robot.instruct("{\"do\": \"refuse\", \"service\": \"/reset\", \"message\": \"drive bus not ready\"}");
        CommandReply refused = link.send(new Command.Reset());
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reason()).isEqualTo("drive bus not ready");
        robot.instruct("{\"do\": \"fail\", \"service\": \"/estop\", \"message\": \"relay driver offline\"}");
        CommandReply failed = link.send(new Command.EmergencyStop(true));
        assertThat(failed.accepted()).isFalse();
        assertThat(failed.reason()).isEqualTo("the service call failed: relay driver offline");
        assertThat(link.failure()).isEmpty();
    }

    @Test
    void refusesACommandItCannotSendAndSendsNothing() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        CommandReply unrouted = link.send(new Command.SetMode("walking"));
        assertThat(unrouted.accepted()).isFalse();
        assertThat(unrouted.reason()).isEqualTo("the robot profile routes no mode command over the Foxglove protocol (commands.mode); it was not sent");
        CommandReply unserved = link.send(new Command.DrivePower(false));
        assertThat(unserved.accepted()).isFalse();
        assertThat(unserved.reason()).isEqualTo("the server advertises no service /drive_power (it advertises /estop, /mode, /reset, /start, /stop); it was not sent");
        // what the link sends arrives in order: the next call is the first thing the robot hears
        assertThat(link.send(new Command.Reset()).accepted()).isTrue();
        assertThat(robot.awaitEvent(e -> e.contains("\"call\"") || e.contains("\"message\""), EVENT).orElseThrow()).contains("/reset");
    }

    @Test
    void deliversTelemetryWithTheServersStampsToTheNanosecond() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        long start = 1_790_000_000_123_456_789L;
        try (MessageCursor cursor = link.telemetry()) {
            for (int i = 0; i < 50; i++) {
                robot.instruct(("{\"do\": \"publish\", \"stampNs\": \"%d\", \"message\": {\"header\": {\"stamp\": {\"sec\": 1, \"nanosec\": 2}, "
                        + "\"frame_id\": \"\"}, \"name\": [\"left_knee\"], \"position\": [%d.5], \"velocity\": [], \"effort\": []}}")
                        .formatted(start + i * 1_000_037L, i));
            }
            Message first = null;
            for (int i = 0; i < 50; i++) {
                assertThat(cursor.hasNext()).isTrue();
                Message m = cursor.next();
                first = first == null ? m : first;
                assertThat(m.topic()).isEqualTo("/joint_states");
                assertThat(m.type()).isEqualTo("sensor_msgs/msg/JointState");
                assertThat(m.body().at("/position/0").asDouble()).isEqualTo(i + 0.5);
                assertThat(m.logTimeNs() - first.logTimeNs()).isEqualTo(i * 1_000_037L);
            }
        }
    }

    @Test
    void failsOnAMalformedFrameNamingItAndStillStopsTheRobot() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        robot.instruct("{\"do\": \"malformed\"}");
        LinkException e = awaitFailure(link);
        assertThat(e).hasMessageStartingWith(robot.uri() + ": protocol violation: binary frame with opcode 1 and 3 bytes is not a message frame");
        assertThat(link.stopNow("malformed frame")).isTrue();
        assertThat(event(robot, "call", "/stop")).isNotNull();
    }

    @Test
    void forgetsAChannelTheServerUnadvertisesBeforeItSentAnythingAndSaysSo() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        List<String> told = new CopyOnWriteArrayList<>();
        link.addListener(new LinkListener() {
            @Override
            public void onStatus(String level, String message, long receivedNs) {
                told.add(level + ": " + message);
            }
        });
        assertThat(link.channels().values()).extracting(FoxgloveChannel::topic).containsExactly("/joint_states");
        robot.instruct("{\"do\": \"unadvertise\", \"topic\": \"/joint_states\"}");
        for (int i = 0; i < 500 && !link.channels().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(link.channels()).isEmpty();
        assertThat(told).containsExactly("INFO: channel 1 (/joint_states) unadvertised by the server");
        assertThat(link.failure()).isEmpty();
    }

    @Test
    void failsWhenAChannelItWasRecordingIsUnadvertisedMidSession() throws Exception {
        FoxglovePeer robot = robot();
        FoxgloveLink link = connected(robot);
        try (MessageCursor cursor = link.telemetry()) {
            robot.instruct("{\"do\": \"publish\", \"stampNs\": \"1000\", \"message\": {\"header\": {\"stamp\": {\"sec\": 0, "
                    + "\"nanosec\": 1000}, \"frame_id\": \"\"}, \"name\": [\"left_knee\"], \"position\": [0.5], \"velocity\": [], \"effort\": []}}");
            assertThat(cursor.next().topic()).isEqualTo("/joint_states");
            robot.instruct("{\"do\": \"unadvertise\", \"topic\": \"/joint_states\"}");
            LinkException e = awaitFailure(link);
            assertThat(e).hasMessageContaining("the server stopped advertising channel 1 (/joint_states) in the middle of the session: "
                    + "the evidence of /joint_states ends here");
            assertThatThrownBy(cursor::hasNext).isSameAs(e);
        }
        assertThat(link.statuses()).contains("ERROR: channel 1 (/joint_states) unadvertised by the server while its messages were recorded");
        // the robot can still be told to stop
        assertThat(link.stopNow("channel gone")).isTrue();
        assertThat(event(robot, "call", "/stop")).isNotNull();
    }

}
