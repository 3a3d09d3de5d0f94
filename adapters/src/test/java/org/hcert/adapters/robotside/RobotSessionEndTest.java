package org.hcert.adapters.robotside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.tcp.TcpLink;
import org.hcert.adapters.tcp.TcpTransport;
import org.junit.jupiter.api.RepeatedTest;

/**
 * How the robot side learns that a session ended, while it streams telemetry as fast as it can
 * (so its writes race the harness's close): a harness that says BYE and closes at once must be
 * reported as a BYE, never as a failed transport.
 */
class RobotSessionEndTest {

    @RepeatedTest(20)
    void aByeFollowedAtOnceByACloseIsReportedAsTheBye() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> ended = new CompletableFuture<>();
            CompletableFuture<RobotSession> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return RobotSession.serve(TcpTransport.over(server.accept()),
                            new RobotSession.Identity("race", "", List.of("stop"), Map.of("/x", "std_msgs/msg/Empty")),
                            System::nanoTime, new RobotSession.Handler() {
                                @Override
                                public RobotSession.Answer command(org.hcert.adapters.Command c) {
                                    return RobotSession.Answer.ack();
                                }

                                @Override
                                public void sessionEnded(String why) {
                                    ended.complete(why);
                                }
                            });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            RobotLink link = TcpLink.of(LinkUri.parse("tcp://127.0.0.1:" + server.getLocalPort()), LinkOptions.defaults());
            link.connect();
            RobotSession robot = served.get(5, TimeUnit.SECONDS);
            Thread publisher = new Thread(() -> {
                while (!ended.isDone()) {
                    robot.publish(System.nanoTime(), "/x", "std_msgs/msg/Empty", JsonNodeFactory.instance.objectNode());
                }
            });
            publisher.start();
            Thread.sleep(50);
            link.close();
            try {
                assertThat(ended.get(5, TimeUnit.SECONDS)).startsWith("the harness said BYE");
            } finally {
                publisher.join(5000);
                robot.close();
            }
        }
    }
}
