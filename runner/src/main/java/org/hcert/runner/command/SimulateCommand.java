package org.hcert.runner.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.tcp.TlsFiles;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
import org.hcert.runner.log.RunLog;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert simulate}: serve the virtual humanoid HC-1 over the wire protocol until stopped. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert simulate --tcp 7500", "  ./hcert simulate --foxglove 8765 --fault slow-estop"},
        description = {
            "Serve the virtual humanoid HC-1 as a live robot over the wire protocol (TCP,",
            "TLS 1.3 on TCP, or a serial line), or as a ROS 2 robot behind foxglove_bridge",
            "over the Foxglove WebSocket protocol (--foxglove), in real time, with optional faults.",
            "One line per connection, command and stop.",
            "With --tls it logs its certificate's SHA-256 fingerprint: a harness trusts the",
            "CA that signed it (--link-trust) or pins it (tls://HOST:PORT?pin=sha256:...).",
            "PKCS#12 files: the password is in the environment variable " + TlsFiles.PASSWORD_ENV + ".",
            "Runs until Ctrl-C (or --seconds). The robot stops on its own when the harness goes quiet for 1 s.",
            "Everything it prints, and library warnings, also go to a log file (--log)."
        })
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--tcp", paramLabel = "PORT", description = "listen on this TCP port (0: any free port)")
    private @Nullable Integer tcpPort;

    @Option(names = "--tls", paramLabel = "PORT", description = "listen for TLS 1.3 on this TCP port (0: any free port); needs --cert")
    private @Nullable Integer tlsPort;

    @Option(names = "--foxglove", paramLabel = "PORT",
            description = "serve the Foxglove WebSocket protocol on this TCP port (0: any free port), with ROS 2 types: ws://, or wss:// with --cert")
    private @Nullable Integer foxglovePort;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "--tls: the robot's certificate chain (PEM, with --key), or a PKCS#12 file holding certificate and key")
    private @Nullable Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "--tls: the PKCS#8 PEM private key of --cert")
    private @Nullable Path key;

    @Option(names = "--client-ca", paramLabel = "FILE",
            description = "--tls: require a client certificate signed by a CA in FILE (PEM or PKCS#12): mutual TLS")
    private @Nullable Path clientCa;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeConfig.DEFAULT_BIND,
            description = "address to listen on; default ${DEFAULT-VALUE}")
    private String bind = ServeConfig.DEFAULT_BIND;

    @Option(names = "--serial", paramLabel = "DEVICE", description = "serve on this serial device, e.g. /dev/ttyUSB0 or one end of a socat pty pair")
    private @Nullable String serial;

    @Option(names = "--baud", paramLabel = "RATE", defaultValue = "921600", description = "serial baud rate; default ${DEFAULT-VALUE}")
    private int baud = 921_600;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "", description = "token a hello must carry")
    private String token = "";

    @Option(names = "--fault", paramLabel = "NAME[=PARAM]", description = "inject a fault (repeatable); see simulator/README.md")
    private List<String> faults = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "N", description = "stop after N seconds; default: run until stopped")
    private @Nullable Double seconds;

    @Option(names = "--log", paramLabel = "FILE",
            description = "write the simulator's log to FILE; default: hcert-simulate-PID.log in the temporary folder")
    private @Nullable Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "write DEBUG lines to the log (default: INFO and above)")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServeConfig config = config(out);
        Path file = logFile != null ? logFile
                : Path.of(System.getProperty("java.io.tmpdir"), "hcert-simulate-%d.log".formatted(ProcessHandle.current().pid()));
        try (RunLog log = RunLog.open(file, verbose)) {
            out.println("hcert simulate: log " + log.file());
            out.flush();
            return serve(config);
        }
    }

    private int serve(ServeConfig config) throws InterruptedException {
        SimulatorServer server;
        try {
            server = SimulatorServer.start(config);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on %s: %s".formatted(config.isSerial() ? config.serialDevice()
                    : config.bind() + ":" + config.tcpPort(), e.getMessage()), e);
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            done.countDown();
        }, "hcert-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean timedOut = seconds == null ? awaitForever(done) : !done.await(Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
        if (timedOut) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        }
        return ExitCodes.OK;
    }

    private TlsServer tls() {
        return TlsServer.of(Objects.requireNonNull(cert, "cert"), key).withClientCa(clientCa)
                .withPassword(Objects.requireNonNullElse(System.getenv(TlsFiles.PASSWORD_ENV), ""));
    }

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return false;
    }

    private ServeConfig config(PrintWriter out) {
        if ((tcpPort == null ? 0 : 1) + (tlsPort == null ? 0 : 1) + (serial == null ? 0 : 1) + (foxglovePort == null ? 0 : 1) != 1) {
            throw new UsageException("give exactly one of --tcp PORT, --tls PORT, --foxglove PORT and --serial DEVICE");
        }
        if (foxglovePort != null && !token.isEmpty()) {
            throw new UsageException("--token applies to hcert's wire protocol (--tcp, --tls, --serial), not to --foxglove");
        }
        if (tlsPort != null && cert == null) {
            throw new UsageException("--tls needs --cert FILE (and --key FILE for PEM)");
        }
        if (tlsPort == null && foxglovePort == null && (cert != null || key != null || clientCa != null)) {
            throw new UsageException("--cert, --key and --client-ca apply to --tls (and to --foxglove, which then serves wss://) only");
        }
        if (seconds != null && !(seconds > 0)) {
            throw new UsageException("--seconds must be positive, got " + seconds);
        }
        ServeConfig base;
        try {
            base = serial != null ? ServeConfig.serial(serial).withBaud(baud)
                    : tlsPort != null ? ServeConfig.tls(tlsPort, tls()).withBind(bind)
                    : foxglovePort != null ? ServeConfig.foxglove(foxglovePort).withBind(bind).withTls(cert == null ? null : tls())
                    : ServeConfig.tcp(java.util.Objects.requireNonNull(tcpPort, "one of --tcp, --tls and --serial")).withBind(bind);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        return base.withToken(token).withFaults(faults).withLog(line -> {
            out.println("hcert simulate: " + line);
            out.flush();
        });
    }
}
