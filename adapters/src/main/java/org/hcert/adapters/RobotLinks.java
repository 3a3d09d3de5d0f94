package org.hcert.adapters;

import org.hcert.adapters.foxglove.CommandRoutes;
import org.hcert.adapters.foxglove.FoxgloveLink;
import org.hcert.adapters.serial.SerialLink;
import org.hcert.adapters.tcp.TcpLink;
import org.hcert.adapters.tcp.TlsLink;
import org.hcert.adapters.tcp.TlsSettings;

/** Open a link from its URI. */
public final class RobotLinks {

    private RobotLinks() {}

    /**
     * A link to the robot at {@code uri} ({@code tcp://…}, {@code tls://…}, {@code serial://…}, or {@code ws://…} / {@code wss://…} for a Foxglove WebSocket server),
     * not yet connected; a {@code tls://} link trusts the JDK's default CA certificates unless
     * its URI pins the robot's certificate.
     *
     * @throws IllegalArgumentException when the URI is invalid, naming it and the accepted forms
     */
    public static RobotLink of(String uri, LinkOptions options) {
        return of(uri, options, TlsSettings.defaults());
    }

    /**
     * A link to the robot at {@code uri}, not yet connected; {@code tls} says what a
     * {@code tls://} link trusts and shows, and is ignored by the other schemes.
     *
     * @throws IllegalArgumentException when the URI is invalid, naming it and the accepted forms,
     *     or a TLS file cannot be read, naming the file
     */
    public static RobotLink of(String uri, LinkOptions options, TlsSettings tls) {
        return of(uri, options, tls, CommandRoutes.none());
    }

    /**
     * A link to the robot at {@code uri}, not yet connected; {@code tls} says what a
     * {@code tls://} link trusts and shows, {@code routes} how a {@code ws://} or {@code wss://}
     * link sends hcert's commands (the robot profile's {@code commands}); each is ignored by the
     * other schemes.
     *
     * @throws IllegalArgumentException when the URI is invalid, naming it and the accepted forms,
     *     or a TLS file cannot be read, naming the file
     */
    public static RobotLink of(String uri, LinkOptions options, TlsSettings tls, CommandRoutes routes) {
        return of(uri, options, tls, routes, java.util.Set.of());
    }

    /**
     * As {@link #of(String, LinkOptions, TlsSettings, CommandRoutes)}, and a {@code ws://} or
     * {@code wss://} link subscribes only to {@code topics} (the topics the robot profile maps), or
     * to every channel when {@code topics} is empty.
     */
    public static RobotLink of(String uri, LinkOptions options, TlsSettings tls, CommandRoutes routes, java.util.Set<String> topics) {
        LinkUri parsed = LinkUri.parse(uri);
        return switch (parsed.scheme()) {
            case "tcp" -> TcpLink.of(parsed, options);
            case "tls" -> TlsLink.of(parsed, options, tls);
            case "ws" -> new FoxgloveLink(java.net.URI.create("ws://" + parsed.target()), options, options.clock(), routes, null, topics);
            case "wss" -> new FoxgloveLink(java.net.URI.create("wss://" + parsed.target()), options, options.clock(), routes,
                    tls.clientContext(parsed.host(), TlsLink.pin(parsed)), topics);
            default -> SerialLink.of(parsed, options);
        };
    }
}
