package org.hcert.adapters.tcp;

import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.wire.WireLink;

/** Links to a robot over TCP. */
public final class TcpLink {

    private TcpLink() {}

    /**
     * A link to {@code tcp://HOST:PORT[?token=T]}, not yet connected. The token, when given, is
     * sent in the hello; the robot refuses a session whose token does not match.
     */
    public static RobotLink of(LinkUri uri, LinkOptions options) {
        if (!uri.scheme().equals("tcp")) {
            throw new IllegalArgumentException("not a TCP link URI: " + uri);
        }
        return new WireLink(uri, () -> TcpTransport.connect(uri.host(), uri.port(), options.answerTimeout().multipliedBy(4)), options);
    }
}
