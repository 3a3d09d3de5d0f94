package org.hcert.simulator.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.hcert.adapters.serial.SerialSettings;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.simulator.SimulatorConfig;
import org.jspecify.annotations.Nullable;

/**
 * How to serve a simulated robot.
 *
 * @param tcpPort the TCP port to listen on (0: an ephemeral port, see {@link SimulatorServer#port()});
 *     ignored when {@code serialDevice} is set
 * @param bind the address to listen on, default {@value #DEFAULT_BIND}
 * @param serialDevice the serial device to serve on (e.g. one end of a socat pty pair), or empty for TCP
 * @param baud the serial line's baud rate, default {@value SerialSettings#DEFAULT_BAUD}
 * @param token the token a hello must carry, or empty for none
 * @param faults fault specs, {@code NAME[=PARAM]}, e.g. {@code slow-estop} or {@code dropped-frames=0.01}
 * @param deadman the longest silence from the harness during a session before the robot stops on
 *     its own, default {@value #DEFAULT_DEADMAN_MS} ms
 * @param simulator the model to serve
 * @param log receives one line per connection, command and stop
 * @param tls when not null, serve TLS 1.3 on the TCP port with this certificate instead of plain TCP
 * @param foxglove serve the Foxglove WebSocket protocol on the TCP port instead of hcert's wire
 *     protocol: {@code ws://}, or {@code wss://} (TLS 1.3) when {@code tls} is given
 */
public record ServeConfig(int tcpPort, String bind, String serialDevice, int baud, String token, List<String> faults,
        Duration deadman, SimulatorConfig simulator, Consumer<String> log, @Nullable TlsServer tls, boolean foxglove) {

    /** Listen on the loopback interface only unless told otherwise: {@value}. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** The robot-side deadman of the protocol (section 6), in ms: {@value}. */
    public static final long DEFAULT_DEADMAN_MS = 1000;

    public ServeConfig {
        Objects.requireNonNull(bind, "bind must not be null");
        Objects.requireNonNull(serialDevice, "serialDevice must not be null");
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(deadman, "deadman must not be null");
        Objects.requireNonNull(simulator, "simulator must not be null");
        Objects.requireNonNull(log, "log must not be null");
        faults = List.copyOf(faults);
        if (tcpPort < 0 || tcpPort > 65_535) {
            throw new IllegalArgumentException("TCP port must be between 0 and 65535, got " + tcpPort);
        }
        if (tls != null && !serialDevice.isEmpty()) {
            throw new IllegalArgumentException("TLS is served on a TCP port, not on the serial line " + serialDevice);
        }
        if (foxglove && !serialDevice.isEmpty()) {
            throw new IllegalArgumentException("the Foxglove protocol is served on a TCP port (ws://, or wss:// with a certificate), not on a serial line");
        }
    }

    /** HC-1 on TCP {@code port} (0 for an ephemeral one) on 127.0.0.1, no token, no faults, silent log. */
    public static ServeConfig tcp(int port) {
        return new ServeConfig(port, DEFAULT_BIND, "", SerialSettings.DEFAULT_BAUD, "", List.of(),
                Duration.ofMillis(DEFAULT_DEADMAN_MS), SimulatorConfig.hc1(), line -> { }, null, false);
    }

    /** HC-1 on TLS 1.3 on TCP {@code port} (0 for an ephemeral one) on 127.0.0.1, no token, no faults, silent log. */
    public static ServeConfig tls(int port, TlsServer tls) {
        return tcp(port).withTls(Objects.requireNonNull(tls, "tls must not be null"));
    }

    /** HC-1 on the serial device {@code device} at 921,600 baud, no token, no faults, silent log. */
    public static ServeConfig serial(String device) {
        return new ServeConfig(0, DEFAULT_BIND, device, SerialSettings.DEFAULT_BAUD, "", List.of(),
                Duration.ofMillis(DEFAULT_DEADMAN_MS), SimulatorConfig.hc1(), line -> { }, null, false);
    }

    public boolean isSerial() {
        return !serialDevice.isEmpty();
    }

    public ServeConfig withBind(String b) {
        return new ServeConfig(tcpPort, b, serialDevice, baud, token, faults, deadman, simulator, log, tls, foxglove);
    }

    public ServeConfig withBaud(int b) {
        return new ServeConfig(tcpPort, bind, serialDevice, b, token, faults, deadman, simulator, log, tls, foxglove);
    }

    public ServeConfig withToken(String t) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, t, faults, deadman, simulator, log, tls, foxglove);
    }

    public ServeConfig withFaults(List<String> f) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, f, deadman, simulator, log, tls, foxglove);
    }

    public ServeConfig withDeadman(Duration d) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, faults, d, simulator, log, tls, foxglove);
    }

    public ServeConfig withSimulator(SimulatorConfig s) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, faults, deadman, s, log, tls, foxglove);
    }

    public ServeConfig withTls(@Nullable TlsServer t) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, faults, deadman, simulator, log, t, foxglove);
    }

    /** HC-1 over the Foxglove WebSocket protocol on TCP {@code port} (0 for an ephemeral one) on 127.0.0.1, no faults, silent log. */
    public static ServeConfig foxglove(int port) {
        return tcp(port).withFoxglove(true);
    }

    public ServeConfig withFoxglove(boolean f) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, faults, deadman, simulator, log, tls, f);
    }

    public ServeConfig withLog(Consumer<String> l) {
        return new ServeConfig(tcpPort, bind, serialDevice, baud, token, faults, deadman, simulator, l, tls, foxglove);
    }
}
