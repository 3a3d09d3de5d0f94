package org.hcert.adapters.serial;

import org.hcert.testkit.PtyPair;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.testing.EchoRobot;

/** A connected serial link over a socat pty pair, for tests outside this package. */
public final class SerialLinkTimingFixture {

    /** What to do with the link and its robot. */
    public interface Body {
        void accept(RobotLink link, EchoRobot robot) throws Exception;
    }

    private SerialLinkTimingFixture() {}

    public static void run(Body body) throws Exception {
        try (PtyPair pty = PtyPair.start();
                EchoRobot robot = EchoRobot.serve(SerialTransport.open(new SerialSettings(pty.robotSide(), 921_600, "none", 8, 1)),
                        EchoRobot.Config.defaults());
                RobotLink link = SerialLink.of(LinkUri.parse("serial://" + pty.harnessSide() + "?baud=921600&parity=none"),
                        LinkOptions.defaults())) {
            link.connect();
            body.accept(link, robot);
        }
    }
}
