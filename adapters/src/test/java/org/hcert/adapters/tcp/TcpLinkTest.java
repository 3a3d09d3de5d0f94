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
}
