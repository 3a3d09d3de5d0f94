package org.hcert.adapters;

import org.hcert.adapters.serial.SerialLink;
import org.hcert.adapters.tcp.TcpLink;

/** Open a link from its URI. */
public final class RobotLinks {

    private RobotLinks() {}

    /**
     * A link to the robot at {@code uri} ({@code tcp://…} or {@code serial://…}), not yet connected.
     *
     * @throws IllegalArgumentException when the URI is invalid, naming it and the accepted forms
     */
    public static RobotLink of(String uri, LinkOptions options) {
        LinkUri parsed = LinkUri.parse(uri);
        return parsed.scheme().equals("tcp") ? TcpLink.of(parsed, options) : SerialLink.of(parsed, options);
    }
}
