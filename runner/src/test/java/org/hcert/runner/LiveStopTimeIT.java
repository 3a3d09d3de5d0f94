package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hcert.simulator.StopTruth;
import org.hcert.simulator.server.Served;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's timing criterion, end to end: {@code hcert certify --link} runs SE-ESTOP-01 against the
 * served simulator over TCP on 127.0.0.1 and over a socat pty pair at 921600 baud, and the stop
 * time in the certificate must lie within 2 ms of the simulator's noise-free true stop time: the
 * median of three stops per transport, and no stop further than 3 ms (one sample more) from it. A
 * single stop's detection moves by a sample with the published noise and the link's jitter on a
 * loaded machine (+3 ms over serial was seen once in three clean CI runs). The
 * walk lasts as long as the harness takes, so the e-stop lands at an unplanned phase of the gait.
 */
class LiveStopTimeIT {

    private static final double CRITERION_MS = 2.0;
    /** Stops per transport: the criterion holds for their median; no single stop may miss it by more than one sample. */
    private static final int STOPS = 3;
    private static final double ONE_STOP_MS = CRITERION_MS + 1.0;

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "serial"})
    void measuredStopTimeIsWithinTwoMillisecondsOfTheTruth(String transport) throws Exception {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < STOPS; i++) {
            differences.add(oneStop(transport, out.resolve("run-" + i)));
        }
        List<Double> sorted = differences.stream().sorted().toList();
        System.out.printf("%s: differences %s ms, median %+.3f ms%n", transport, differences, sorted.get(STOPS / 2));
        assertThat(sorted.get(STOPS / 2)).as("median of %s, ms", differences).isCloseTo(0.0, within(CRITERION_MS));
        assertThat(differences).as("every stop, ms").allSatisfy(d -> assertThat(d).isCloseTo(0.0, within(ONE_STOP_MS)));
    }

    /** One certified e-stop: the certificate's stop time minus the simulator's true one, ms. */
    private static double oneStop(String transport, Path out) throws Exception {
        try (Served served = Served.start(transport, List.of())) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(new String[] {"certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--link", served.uri,
                "--features", "../features/safety-and-ethics/emergency-stop.feature", "--allow-motion",
                "--estop-actuator", "--out", out.toString(), "--no-html"}, new StringReader("y\n"),
                    new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            String log = stdout + "" + stderr;

            JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
            JsonNode estop = StreamSupport.stream(certificate.get("clauses").spliterator(), false)
                    .filter(c -> c.get("id").asText().equals("SE-ESTOP-01")).findFirst().orElseThrow();
            assertThat(estop.get("verdict").asText()).as(log).isEqualTo("PASS");
            double measuredMs = StreamSupport.stream(estop.get("measurements").spliterator(), false)
                    .filter(m -> m.get("quantity").asText().equals("stop time")).findFirst().orElseThrow()
                    .get("measured").asDouble();

            List<StopTruth> estops = served.server.stops().stream().filter(s -> s.kind().equals("estop")).toList();
            assertThat(estops).as("e-stops the simulator saw; %s", log).hasSize(1);
            StopTruth truth = estops.get(0);
            double trueMs = (truth.standstillNs().orElseThrow() - truth.triggerNs()) / 1e6;
            System.out.printf("%s: stop time in the certificate %.3f ms, simulator truth %.3f ms, difference %+.3f ms "
                    + "(exit code %d)%n", transport, measuredMs, trueMs, measuredMs - trueMs, code);
            return measuredMs - trueMs;
        }
    }
}
