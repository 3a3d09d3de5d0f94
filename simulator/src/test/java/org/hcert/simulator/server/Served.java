package org.hcert.simulator.server;

import org.hcert.testkit.PtyPair;
import java.io.IOException;
import java.util.List;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.simulator.SimulatorConfig;
import org.hcert.testkit.TestTls;
import org.jspecify.annotations.Nullable;

/**
 * A simulator served over TCP or TLS on an ephemeral port or over a socat pty pair, and the URI to
 * reach it. Shared with runner's live tests through this module's test jar.
 */
public final class Served implements AutoCloseable {

    /** What the harness trusts for {@code tls}: the test lab CA that signed the simulator's certificate. */
    public static final TlsSettings HARNESS_TLS = TlsSettings.defaults().withTrust(TestTls.file("ca.pem"));

    public final SimulatorServer server;
    public final String uri;
    private final @Nullable PtyPair pty;

    private Served(SimulatorServer server, String uri, @Nullable PtyPair pty) {
        this.server = server;
        this.uri = uri;
        this.pty = pty;
    }

    /** Serve HC-1 over {@code tcp}, {@code tls} or {@code serial}, with {@code faults}. */
    public static Served start(String transport, List<String> faults) throws IOException, InterruptedException {
        if (transport.equals("serial")) {
            PtyPair pty = PtyPair.start();
            SimulatorServer s = SimulatorServer.start(ServeConfig.serial(pty.robotSide()).withFaults(faults)
                    .withSimulator(SimulatorConfig.hc1()));
            return new Served(s, "serial://%s?baud=921600".formatted(pty.harnessSide()), pty);
        }
        if (transport.equals("tls")) {
            SimulatorServer s = SimulatorServer.start(ServeConfig.tls(0, TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key")))
                    .withFaults(faults));
            return new Served(s, "tls://127.0.0.1:" + s.port(), null);
        }
        SimulatorServer s = SimulatorServer.start(ServeConfig.tcp(0).withFaults(faults));
        return new Served(s, "tcp://127.0.0.1:" + s.port(), null);
    }

    @Override
    public void close() {
        server.close();
        if (pty != null) {
            pty.close();
        }
    }
}
