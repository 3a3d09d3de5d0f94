package org.hcert.adapters.serial;

import org.hcert.testkit.PtyPair;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.WireLinkContractTest;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

/** The contract over a pseudo-terminal pair at 921600 baud, 8N1 (a pty ignores the rate). */
class SerialLinkTest extends WireLinkContractTest {

    @Override
    protected Peer startPeer(EchoRobot.Config config) throws IOException, InterruptedException {
        PtyPair pty = PtyPair.start();
        EchoRobot robot = EchoRobot.serve(SerialTransport.open(new SerialSettings(pty.robotSide(), 921_600, "none", 8, 1)), config);
        return new Peer() {
            @Override
            public String uri() {
                return "serial://" + pty.harnessSide() + "?baud=921600&parity=none";
            }

            @Override
            public EchoRobot robot() {
                return robot;
            }

            @Override
            public org.hcert.adapters.Capabilities capabilities() {
                return ECHO_CAPABILITIES;
            }

            @Override
            public void close() {
                robot.close();
                pty.close();
            }
        };
    }

    @Override
    protected RobotLink link(String uri, LinkOptions options) {
        return SerialLink.of(LinkUri.parse(uri), options);
    }

    @Test
    void namesThePortWhenItDoesNotExist() {
        RobotLink link = link("serial:///dev/hcert-no-such-port?baud=921600&parity=none", OPTIONS);
        assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class)
                .hasMessageStartingWith("serial:///dev/hcert-no-such-port?baud=921600&parity=none: cannot open the link: ");
    }
}
