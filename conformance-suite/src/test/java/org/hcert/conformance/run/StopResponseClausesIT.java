package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop-response clauses three ways, each from a recording HC-1 makes on a simulated clock: a
 * robot that passes, one that fails (a simulator fault), one whose recording lacks the evidence.
 */
class StopResponseClausesIT {

    /** Start, walk at 0.5 m/s from 1 s, an e-stop at 3 s mid-walk; 6 s in all. */
    private static final Scenario WALK_THEN_ESTOP = Scenario.until(6_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0))
            .at(3_000, new Command.EmergencyStop());

    @TempDir
    Path dir;

    private RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    @Test
    void seEstop01PassesWhenHc1StopsInTime() throws IOException {
        RecordedCertification c = certify("estop", WALK_THEN_ESTOP);
        assertThat(c.verdict("SE-ESTOP-01")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-ESTOP-01", "stop time").measured()).isBetween(200.0, 600.0);
    }

    @Test
    void seEstop01FailsWhenTheStopIsTooSlow() throws IOException {
        RecordedCertification c = certify("slow", WALK_THEN_ESTOP.fault(0, Fault.SLOW_ESTOP));
        assertThat(c.verdict("SE-ESTOP-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.measurement("SE-ESTOP-01", "stop time").measured()).isGreaterThan(600.0);
    }

    @Test
    void seEstop01IsInconclusiveWithoutAnEstop() throws IOException {
        RecordedCertification c = certify("no-estop", Scenario.until(4_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.Walk(0.5, 0, 0)));
        assertThat(c.verdict("SE-ESTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-ESTOP-01")).contains("no emergency stop");
    }
}
