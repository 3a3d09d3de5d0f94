package org.hcert.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.WireLinkContractTest;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

class TcpLinkTest extends WireLinkContractTest {

    @Override
    protected Peer startPeer(EchoRobot.Config config) throws IOException {
        return new LoopbackRobot(config);
    }

    @Override
    protected RobotLink link(String uri, LinkOptions options) {
        return TcpLink.of(LinkUri.parse(uri), options);
    }

    @Test
    void namesTheAddressWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RobotLink link = link("tcp://127.0.0.1:" + port + "?token=abc", OPTIONS);
        assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class)
                .hasMessageStartingWith("tcp://127.0.0.1:%d?token=***: cannot open the link: cannot connect to 127.0.0.1:%d: Connection refused; no frame received since the link opened at "
                        .formatted(port, port));
    }

    /** A robot that answers the hello with random bytes is named for what it sent, not only for its silence. */
    @Test
    void aPeerSendingRandomBytesIsNamedForThemWhenTheHelloGoesUnanswered() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread garbage = new Thread(() -> {
                try (java.net.Socket peer = s.accept()) {
                    java.util.Random random = new java.util.Random(42);
                    byte[] noise = new byte[64 * 1024];
                    random.nextBytes(noise);
                    peer.getOutputStream().write(noise);
                    peer.getOutputStream().flush();
                    Thread.sleep(3_000);
                } catch (IOException | InterruptedException e) {
                    // the link hung up: the test is over
                }
            }, "garbage-robot");
            garbage.setDaemon(true);
            garbage.start();
            RobotLink link = link("tcp://127.0.0.1:" + s.getLocalPort(), OPTIONS.withHelloTimeout(java.time.Duration.ofMillis(800)));
            assertThatThrownBy(link::connect).isInstanceOf(org.hcert.adapters.LinkTimeoutException.class)
                    .hasMessageContaining("no answer to hello within 800 ms (the robot sent 65536 byte(s): ")
                    .hasMessageMatching("(?s).* [1-9][0-9]* corrupt frame\\(s\\) \\(the last: .*");
            link.close();
        }
    }
}
