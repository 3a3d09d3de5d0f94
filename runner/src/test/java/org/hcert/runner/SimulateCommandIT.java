package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.junit.jupiter.api.Test;

class SimulateCommandIT {

    @Test
    void rejectsAnUnknownFaultWithTheListOfValidOnes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate", "--tcp", "0", "--fault", "teleport"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                hcert: error: unknown fault "teleport"; valid faults: slow-estop, drive-power-not-removed, restart-after-reset, \
                overspeed-reduced, excessive-contact-force, fall-on-stop, joint-limit-overrun, dropped-frames, corrupted-frames, \
                stalled-link, clock-jump
                """);
    }

    @Test
    void rejectsNeitherTcpNorSerial() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("hcert: error: give exactly one of --tcp PORT and --serial DEVICE\n");
    }

    @Test
    void servesForTheGivenSecondsPrintingConnectionsAndCommands() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StringWriter out = new StringWriter();
        Thread cli = new Thread(() -> Main.run(new String[] {"simulate", "--tcp", String.valueOf(port), "--seconds", "3"},
                new PrintWriter(out), new PrintWriter(new StringWriter())));
        cli.start();
        Thread.sleep(700);
        try (RobotLink link = RobotLinks.of("tcp://127.0.0.1:" + port, LinkOptions.defaults())) {
            link.connect();
            assertThat(link.send(new Command.Walk(0.2, 0, 0)).accepted()).isTrue();
        }
        cli.join(Duration.ofSeconds(10).toMillis());
        assertThat(cli.isAlive()).isFalse();
        assertThat(out.toString()).contains("hcert simulate: serving hcert simulator ", "hcert simulate: connection from /127.0.0.1:",
                "hcert simulate: command {\"cmd\":\"walk\",\"vx\":0.2,\"vy\":0.0,\"wz\":0.0} -> ACK",
                "hcert simulate: software stop: the session ended: ", "hcert simulate: stopped");
        // The harness says BYE and closes at once; the robot side still reads the BYE before the end of stream.
        assertThat(out.toString()).contains("software stop: the session ended: the harness said BYE");
    }
}
