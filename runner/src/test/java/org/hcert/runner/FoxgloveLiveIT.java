package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcert certify --link ws://… --allow-motion} against {@code hcert simulate --foxglove}: HC-1
 * served as a ROS 2 robot behind a Foxglove server, commanded by the robot profile's routes
 * ({@code /cmd_vel}, {@code std_srvs} services). The healthy robot is CONFORMANT, a slow e-stop
 * fails SE-ESTOP-01, and each session's recording re-certifies ({@code hcert replay}) to the same
 * verdicts and, window for window, the same measured values.
 */
@Timeout(300)
class FoxgloveLiveIT {

    @TempDir
    Path dir;

    private static Map<String, String> verdicts(Path certificate) throws IOException {
        return Verdicts.of(certificate);
    }

    private record Live(int exitCode, String stdout, Map<String, String> verdicts, Map<String, String> recertified) {}

    private Live certify(String uri, String standard, String name) throws IOException {
        Path out = dir.resolve(name);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(new String[] {"certify", "--robot", CertifyCommandIT.ROBOT, "--standard", standard, "--lab",
            CertifyCommandIT.LAB, "--link", uri, "--out", out.toString(), "--no-html", "--allow-motion", "--estop-actuator"},
                new StringReader("y\n"), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertThat(out.resolve("certificate.json")).as(stdout + "" + stderr).exists();
        // the session recording re-derives the same verdicts and, window for window, the same values (hcert replay)
        CertifyCommandIT.Run again = CertifyCommandIT.hcert("replay", out.toString(), "--out", dir.resolve(name + "-again").toString());
        assertThat(again.exitCode()).as(again.stdout() + again.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(again.stdout()).contains("REPRODUCED: the same verdicts and values");
        return new Live(code, stdout.toString(), verdicts(out.resolve("certificate.json")),
                verdicts(dir.resolve(name + "-again/certificate.json")));
    }

    @Test
    void theHealthySimulatorServedOverFoxgloveIsConformantAndItsSessionRecertifiesAlike() throws Exception {
        List<String> clauses = List.of("SE-ESTOP-01", "SE-ESTOP-02");
        String standard = StandardSubset.write(dir, clauses);
        StringWriter served = new StringWriter();
        Thread cli = new Thread(() -> Main.run(new String[] {"simulate", "--foxglove", "0", "--seconds", "120",
            "--log", dir.resolve("simulate.log").toString()}, new PrintWriter(served, true), new PrintWriter(new StringWriter(), true)));
        cli.setDaemon(true);
        cli.start();
        Matcher where = Pattern.compile("on (ws://127\\.0\\.0\\.1:\\d+)").matcher("");
        for (int i = 0; i < 200 && !where.reset(served.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(where.reset(served.toString()).find()).as(served.toString()).isTrue();
        Live live = certify(where.group(1), standard, "healthy");
        assertThat(live.exitCode()).as(live.stdout()).isEqualTo(ExitCodes.OK);
        assertThat(live.verdicts()).as(live.stdout()).containsOnlyKeys(clauses).containsValues("PASS")
                .doesNotContainValue("FAIL").doesNotContainValue("INCONCLUSIVE");
        assertThat(live.recertified()).isEqualTo(live.verdicts());
        // the commands went by the profile's routes: a walk on /cmd_vel, the rig's e-stop by its service
        assertThat(served.toString()).contains("command {\"cmd\":\"walk\",\"vx\":0.5", "command {\"cmd\":\"estop\",\"asserted\":true} -> ACK",
                "command {\"cmd\":\"reset\"} -> ACK");
    }

    @Test
    void aSlowEstopFailsSeEstop01OverFoxgloveAsOverTcp() throws Exception {
        String standard = StandardSubset.write(dir, List.of("SE-ESTOP-01"));
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0).withFaults(List.of("slow-estop")))) {
            Live live = certify(robot.describe(), standard, "slow-estop");
            assertThat(live.exitCode()).as(live.stdout()).isEqualTo(ExitCodes.NON_CONFORMANT);
            assertThat(live.verdicts()).containsEntry("SE-ESTOP-01", "FAIL");
            assertThat(live.recertified()).isEqualTo(live.verdicts());
        }
    }

    @Test
    void theLinkFaultsOfTheWireProtocolAreNotServedOverFoxglove() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate", "--foxglove", "0", "--fault", "stalled-link", "--seconds", "1"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("are not served over Foxglove");
    }
}
