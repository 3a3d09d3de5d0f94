package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.Command;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinkContractTest;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.adapters.testing.RobotPeer;
import org.hcert.testkit.FoxglovePeer;

/**
 * Every link's contract, for the Foxglove link, against a robot behind a server built on the
 * protocol's npm package ({@code echo-robot.cjs} on {@code @foxglove/ws-protocol}, 127.0.0.1):
 * commands go by routes (a walk and a joint move as ROS 2 messages, a stop as JSON, reset and mode
 * as service calls), and the robot's side reads them back with {@code @foxglove/rosmsg2-serialization}.
 */
class FoxgloveLinkContractIT extends RobotLinkContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final CommandRoutes ROUTES = CommandRoutes.of(List.of(
            new CommandRoutes.Publish("walk", "/cmd_vel", "geometry_msgs/msg/Twist", "cdr",
                    json("{\"linear\": {\"x\": \"$vx\", \"y\": \"$vy\"}, \"angular\": {\"z\": \"$wz\"}}")),
            new CommandRoutes.Publish("joint", "/joint_command", "sensor_msgs/msg/JointState", "cdr",
                    json("{\"name\": [\"$name\"], \"position\": [\"$position\"], \"velocity\": [\"$velocity\"]}")),
            new CommandRoutes.Publish("stop", "/hcert/stop", "", "json", json("{\"reason\": \"$reason\"}")),
            new CommandRoutes.Call("reset", "/reset", json("{}")),
            new CommandRoutes.Call("mode", "/mode", json("{\"mode\": \"$mode\"}"))));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Peer startPeer(EchoRobot.Config config) throws Exception {
        FoxglovePeer server = FoxglovePeer.echoRobot();
        EchoOverFoxglove robot = new EchoOverFoxglove(server, config.clockOffsetNs());
        return new Peer() {
            @Override
            public String uri() {
                return server.uri();
            }

            @Override
            public RobotPeer robot() {
                return robot;
            }

            @Override
            public Capabilities capabilities() {
                return new Capabilities(1, "hcert echo robot", List.of(), Map.of("/joint_states", "sensor_msgs/msg/JointState"));
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    @Override
    protected RobotLink link(String uri, LinkOptions options) {
        return new FoxgloveLink(URI.create(uri), options, HarnessClock.system(), ROUTES);
    }

    /** The echo robot driven as a {@link RobotPeer}: what it received, read back into hcert's commands by the routes. */
    private static final class EchoOverFoxglove implements RobotPeer {

        private final FoxglovePeer server;
        private final long clockOffsetNs;
        private volatile boolean paused;

        EchoOverFoxglove(FoxglovePeer server, long clockOffsetNs) {
            this.server = server;
            this.clockOffsetNs = clockOffsetNs;
        }

        private void instruct(ObjectNode what) {
            try {
                resume();
                server.instruct(what.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void resume() throws IOException, InterruptedException {
            if (paused) {
                server.resume();
                paused = false;
            }
        }

        /**
         * Sent by the robot when its clock reads the stamp (the system clock plus the robot's offset):
         * the link places the server's clock by the frames themselves, so a robot stamps what it
         * sends as it sends it, never ahead.
         */
        @Override
        public void publishStamped(long robotTimeNs, String topic, String type, JsonNode msg) {
            if (!topic.equals("/joint_states")) {
                throw new IllegalArgumentException("the echo robot publishes /joint_states only");
            }
            ObjectNode i = JsonNodeFactory.instance.objectNode().put("do", "publish").put("stampNs", Long.toString(robotTimeNs))
                    .put("atNs", Long.toString(robotTimeNs - clockOffsetNs));
            i.set("message", msg);
            try {
                resume();
                server.tell(i.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void publish(String topic, String type, JsonNode msg) {
            publishStamped(HarnessClock.system().nowNs() + clockOffsetNs, topic, type, msg);
        }

        @Override
        public void goSilent() {
            try {
                server.pause();
                paused = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void refuse(String name, String reason) {
            CommandRoutes.Call call = (CommandRoutes.Call) ROUTES.route(name).orElseThrow();
            instruct(JsonNodeFactory.instance.objectNode().put("do", "refuse").put("service", call.service()).put("message", reason));
        }

        @Override
        public void ignoreCommands() {
            for (CommandRoutes.Route r : ROUTES.routes()) {
                if (r instanceof CommandRoutes.Call c) {
                    instruct(JsonNodeFactory.instance.objectNode().put("do", "ignore").put("service", c.service()));
                }
            }
        }

        @Override
        public void hangUp() {
            instruct(JsonNodeFactory.instance.objectNode().put("do", "hangup"));
        }

        @Override
        public List<Command> commands() {
            List<Command> out = new ArrayList<>();
            for (String line : server.events()) {
                JsonNode e = json(line);
                String kind = e.path("event").asText();
                for (CommandRoutes.Route r : ROUTES.routes()) {
                    if (kind.equals("message") && r instanceof CommandRoutes.Publish p && p.topic().equals(e.path("topic").asText())) {
                        out.add(Command.fromBody(CommandRoutes.commandBody(r, e.path("message"))));
                    } else if (kind.equals("call") && r instanceof CommandRoutes.Call c && c.service().equals(e.path("service").asText())) {
                        out.add(Command.fromBody(CommandRoutes.commandBody(r, e.path("request"))));
                    }
                }
            }
            return out;
        }

        @Override
        public Optional<Command> awaitCommand(Predicate<Command> wanted, Duration timeout) throws InterruptedException {
            try {
                resume();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<Command> hit = commands().stream().filter(wanted).findFirst();
                if (hit.isPresent() || System.nanoTime() > end) {
                    return hit;
                }
                Thread.sleep(10);
            }
        }

        @Override
        public int byes() {
            return (int) server.events().stream().filter(l -> l.contains("\"event\":\"closed\"") && l.contains("\"code\":1000")).count();
        }

        @Override
        public boolean inSession() {
            return server.events().stream().anyMatch(l -> l.contains("\"event\":\"connection\""));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
