package org.hcert.runner.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
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
        description = {
            "Serve the virtual humanoid HC-1 as a live robot over the wire protocol (TCP or a serial line),",
            "in real time, with optional faults. One line per connection, command and stop.",
            "Runs until Ctrl-C (or --seconds). The robot stops on its own when the harness goes quiet for 1 s."
        })
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--tcp", paramLabel = "PORT", description = "listen on this TCP port (0: any free port)")
    private @Nullable Integer tcpPort;

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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServeConfig config = config(out);
        SimulatorServer server;
        try {
            server = SimulatorServer.start(config);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return false;
    }

    private ServeConfig config(PrintWriter out) {
        if ((tcpPort == null) == (serial == null)) {
            throw new UsageException("give exactly one of --tcp PORT and --serial DEVICE");
        }
        if (seconds != null && !(seconds > 0)) {
            throw new UsageException("--seconds must be positive, got " + seconds);
        }
        ServeConfig base = serial != null ? ServeConfig.serial(serial).withBaud(baud) : ServeConfig.tcp(tcpPort).withBind(bind);
        return base.withToken(token).withFaults(faults).withLog(line -> {
            out.println("hcert simulate: " + line);
            out.flush();
        });
    }
}
