package org.hcert.adapters.tcp;

import java.util.HexFormat;
import java.util.Locale;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.wire.WireLink;
import org.jspecify.annotations.Nullable;

/** Links to a robot over TLS 1.3 on TCP. */
public final class TlsLink {

    /** The only protocol version offered or accepted: {@value}. */
    public static final String PROTOCOL = "TLSv1.3";

    private TlsLink() {}

    /**
     * A link to {@code tls://HOST:PORT[?token=T][&pin=sha256:HEX]}, not yet connected. Without a
     * pin the robot's certificate must chain to {@code settings}' trust store and name HOST; with
     * a pin it must be exactly the pinned certificate. The trust store and the client certificate
     * are read now, so that a bad file is reported before anything connects.
     *
     * @throws IllegalArgumentException for a malformed pin or an unreadable file, naming it
     */
    public static RobotLink of(LinkUri uri, LinkOptions options, TlsSettings settings) {
        if (!uri.scheme().equals("tls")) {
            throw new IllegalArgumentException("not a TLS link URI: " + uri);
        }
        TlsConnector connector = TlsConnector.prepare(uri.host(), uri.port(), pin(uri), settings);
        return new WireLink(uri, () -> connector.connect(options.answerTimeout().multipliedBy(4), options.helloTimeout()), options);
    }

    /** The URI's pin as {@code sha256:} and 64 lower-case hex digits, or null. */
    public static @Nullable String pin(LinkUri uri) {
        String raw = uri.param("pin").orElse(null);
        if (raw == null) {
            return null;
        }
        String hex = raw.toLowerCase(Locale.ROOT).startsWith("sha256:") ? raw.substring(7).replace(":", "").toLowerCase(Locale.ROOT) : "";
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("%s: parameter pin=\"%s\" is not a SHA-256 certificate fingerprint; expected pin=sha256:<64 hex digits, colons allowed>, as printed by: openssl x509 -noout -fingerprint -sha256 -in ROBOT.pem"
                    .formatted(uri, raw));
        }
        return "sha256:" + HexFormat.of().formatHex(HexFormat.of().parseHex(hex));
    }
}
