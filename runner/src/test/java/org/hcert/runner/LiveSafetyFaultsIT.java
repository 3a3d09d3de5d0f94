package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live actions of the stop, power and event-sequence clauses find the simulator's faults: one
 * live certification over TCP on 127.0.0.1 of HC-1 with three faults that do not disturb each other's
 * scenarios (a normal stop that raises a fault, a safety fault that is ignored, a failed self-test
 * that does not block start). Only the eleven clauses it asserts are certified (a {@link StandardSubset}
 * of the catalogue): a little over a minute of real time, where the whole catalogue takes over three.
 */
class LiveSafetyFaultsIT {

    @TempDir
    Path out;

    @TempDir
    Path profiles;

    @Test
    void eachFaultFailsItsClauseLiveAndTheOtherClausesPass() throws IOException {
        List<String> faults = List.of("fault-on-normal-stop", "safety-fault-ignored", "self-test-fails-but-moves");
        String standard = StandardSubset.originalAnd(profiles, "SE-NSTOP-01", "SE-STOP-07", "SE-FS-03", "SE-PSTOP-01",
                "SE-STOP-08", "SE-ESTOP-03", "SE-BAL-02");
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.tcp(0).withFaults(faults))) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(new String[] {"certify", "--robot", CertifyCommandIT.ROBOT, "--standard", standard,
                "--lab", CertifyCommandIT.LAB, "--link", robot.describe(), "--out", out.toString(), "--no-html", "--allow-motion",
                "--estop-actuator"}, new StringReader("y\n"), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            assertThat(code).as(stdout + "" + stderr).isEqualTo(ExitCodes.NON_CONFORMANT);
            Map<String, String> verdicts = new LinkedHashMap<>();
            JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
            certificate.get("clauses").forEach(c -> verdicts.put(c.get("id").asText(), c.get("verdict").asText()));
            assertThat(verdicts).as(stdout.toString()).containsEntry("SE-NSTOP-01", "FAIL").containsEntry("SE-STOP-07", "FAIL")
                    .containsEntry("SE-FS-03", "FAIL");
            assertThat(verdicts).as(stdout.toString()).containsEntry("SE-PSTOP-01", "PASS").containsEntry("SE-STOP-08", "PASS")
                    .containsEntry("SE-ESTOP-03", "PASS").containsEntry("SE-BAL-02", "PASS").containsEntry("SE-ESTOP-01", "PASS")
                    .containsEntry("SE-ESTOP-02", "PASS").containsEntry("SE-BAL-01", "PASS").containsEntry("LC-JNT-01", "PASS");
            assertThat(stdout.toString()).contains("fault events during the stop: 1 count (limit ≤ 0 count, C) OUTSIDE LIMIT")
                    .contains("stop time: ≥ 3000 ms (limit ≤ 600 ms, D) OUTSIDE LIMIT")
                    .contains("guarded events the rule does not permit: 1 count (limit ≤ 0 count, C) OUTSIDE LIMIT");
        }
    }
}
