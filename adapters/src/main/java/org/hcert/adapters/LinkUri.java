package org.hcert.adapters;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a robot is: {@code tcp://HOST:PORT?token=T}, {@code tls://HOST:PORT?token=T&pin=sha256:HEX}
 * (TLS 1.3 on TCP; the pin is optional) or {@code serial:///dev/ttyUSB0?baud=921600&parity=none}
 * ({@code serial://COM3?…} on Windows). {@link #toString()} redacts the token.
 *
 * @param scheme {@code tcp}, {@code tls}, {@code serial}, {@code ws} or {@code wss}
 * @param target {@code HOST:PORT} for TCP and TLS, the port's device path or name for serial
 * @param params the query parameters, in order
 */
public record LinkUri(String scheme, String target, Map<String, String> params) {

    /** Query parameters a TCP link accepts. */
    public static final Set<String> TCP_PARAMS = Set.of("token");

    /** Query parameters a TLS link accepts: the token and a pinned certificate fingerprint. */
    public static final Set<String> TLS_PARAMS = Set.of("token", "pin");

    /** Query parameters a serial link accepts. */
    public static final Set<String> SERIAL_PARAMS = Set.of("baud", "parity", "databits", "stopbits", "token");

    public LinkUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parse a link URI.
     *
     * @throws IllegalArgumentException naming the URI, what is wrong and the accepted forms
     */
    public static LinkUri parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        Map<String, String> params = query(text, uri.getRawQuery());
        switch (scheme) {
            case "tcp", "tls" -> {
                if (uri.getHost() == null || uri.getPort() < 0) {
                    throw invalid(text, "a %s link needs a host and a port".formatted(scheme.toUpperCase(Locale.ROOT)));
                }
                checkParams(text, params, scheme.equals("tcp") ? TCP_PARAMS : TLS_PARAMS);
                return new LinkUri(scheme, uri.getHost() + ":" + uri.getPort(), params);
            }
            case "serial" -> {
                String path = uri.getPath() != null && !uri.getPath().isEmpty() ? uri.getPath() : uri.getHost();
                if (path == null || path.isEmpty()) {
                    throw invalid(text, "a serial link needs a port, e.g. serial:///dev/ttyUSB0");
                }
                checkParams(text, params, SERIAL_PARAMS);
                return new LinkUri(scheme, path, params);
            }
            case "ws", "wss" -> {
                if (uri.getHost() == null || uri.getPort() < 0) {
                    throw invalid(text, "a Foxglove WebSocket link needs a host and a port (foxglove_bridge listens on 8765 by default)");
                }
                checkParams(text, params, scheme.equals("wss") ? Set.of("pin") : Set.of());
                return new LinkUri(scheme, uri.getHost() + ":" + uri.getPort() + (uri.getRawPath() == null ? "" : uri.getRawPath()), params);
            }
            default -> throw invalid(text, "unknown scheme \"%s\"".formatted(scheme));
        }
    }

    /** A query parameter. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The host of a TCP or TLS link. */
    public String host() {
        return target.substring(0, target.lastIndexOf(':'));
    }

    /** The port of a TCP or TLS link. */
    public int port() {
        return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
    }

    /** The URI with the token replaced by {@code ***}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(scheme).append("://").append(target);
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            s.append(sep).append(e.getKey()).append('=').append(e.getKey().equals("token") ? "***" : e.getValue());
            sep = "&";
        }
        return s.toString();
    }

    private static Map<String, String> query(String text, @Nullable String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(text, "query parameter \"%s\" is not name=value".formatted(pair));
            }
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void checkParams(String text, Map<String, String> params, Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid(text, "unknown parameter \"%s\"; allowed: %s".formatted(name,
                        String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        String shown = text.replaceAll("token=[^&]*", "token=***");
        return new IllegalArgumentException(
                "invalid link URI \"%s\": %s; expected tcp://HOST:PORT[?token=T], tls://HOST:PORT[?token=T&pin=sha256:HEX], serial://PORT[?baud=921600&parity=none|even|odd&databits=8&stopbits=1] or ws://HOST:PORT (a Foxglove WebSocket server; wss://HOST:PORT[?pin=sha256:HEX] over TLS)"
                        .formatted(shown, why));
    }
}
