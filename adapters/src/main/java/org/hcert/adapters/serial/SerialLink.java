package org.hcert.adapters.serial;

import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.wire.WireLink;

/** Links to a robot over a serial port. */
public final class SerialLink {

    private SerialLink() {}

    /**
     * A link to {@code serial://PORT?baud=…&parity=…}, not yet connected.
     *
     * @throws IllegalArgumentException when a line setting is invalid
     */
    public static RobotLink of(LinkUri uri, LinkOptions options) {
        if (!uri.scheme().equals("serial")) {
            throw new IllegalArgumentException("not a serial link URI: " + uri);
        }
        SerialSettings settings = SerialSettings.of(uri);
        return new WireLink(uri, () -> SerialTransport.open(settings), options);
    }
}
