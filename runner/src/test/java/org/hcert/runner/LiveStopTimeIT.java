package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * The timing criterion of issues 4 and 9, end to end: {@code hcert certify --link} runs SE-ESTOP-01
 * against the served simulator over TCP on 127.0.0.1 and over a socat pty pair at 921600 baud.
 *
 * <p>The truth is defined on what the harness can observe: the simulator tapes every message it
 * publishes, with its own stamps, before any link ({@link org.hcert.simulator.server.SimulatorServer#tape}),
 * and that tape certified as a recording gives the stop time of the samples the robot really sent,
 * noise included. <b>Every</b> live stop time must lie within 2 ms of it: what is left is the link's
 * own error (clock offset, transport, ordering). The model's noise-free stop time is also compared:
 * the median of three stops within 2 ms, every stop within 3 ms (the published noise moves the
 * detection of standstill by a sample; +3 ms over serial was once seen against it). The walk lasts
 * as long as the harness takes, so the e-stop lands at an unplanned phase of the gait.
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
        List<Double> toObservable = new ArrayList<>();
        for (int i = 0; i < STOPS; i++) {
            Stop stop = oneStop(transport, out.resolve("run-" + i));
            differences.add(stop.toNoiseFreeMs());
            toObservable.add(stop.toTapeMs());
        }
        List<Double> sorted = differences.stream().sorted().toList();
        System.out.printf("%s: to the noise-free truth %s ms (median %+.3f ms); to the taped truth %s ms%n", transport, differences,
                sorted.get(STOPS / 2), toObservable);
        assertThat(toObservable).as("every stop against what the robot published, ms")
                .allSatisfy(d -> assertThat(d).isCloseTo(0.0, within(CRITERION_MS)));
        assertThat(sorted.get(STOPS / 2)).as("median of %s, ms", differences).isCloseTo(0.0, within(CRITERION_MS));
        assertThat(differences).as("every stop, ms").allSatisfy(d -> assertThat(d).isCloseTo(0.0, within(ONE_STOP_MS)));
    }

    /** The stop time of SE-ESTOP-01 in a certificate, ms. */
    private static double stopTimeMs(Path certificateJson, String log) throws IOException {
        JsonNode certificate = new ObjectMapper().readTree(certificateJson.toFile());
        JsonNode estop = StreamSupport.stream(certificate.get("clauses").spliterator(), false)
                .filter(c -> c.get("id").asText().equals("SE-ESTOP-01")).findFirst().orElseThrow();
        assertThat(estop.get("verdict").asText()).as(log).isEqualTo("PASS");
        return StreamSupport.stream(estop.get("measurements").spliterator(), false)
                .filter(m -> m.get("quantity").asText().equals("stop time")).findFirst().orElseThrow()
                .get("measured").asDouble();
    }

    /**
     * One certified e-stop: the certificate's stop time minus the simulator's noise-free one, and
     * minus that of the simulator's tape certified as a recording.
     */
    private record Stop(double toNoiseFreeMs, double toTapeMs) {}

    private static Stop oneStop(String transport, Path out) throws Exception {
        Path tape = out.resolveSibling(out.getFileName() + "-published.ndjson");
        try (Served served = Served.start(transport, List.of());
                BufferedWriter taped = Files.newBufferedWriter(tape)) {
            served.server.tape(m -> {
                try {
                    taped.write(m.ndjsonLine());
                    taped.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(new String[] {"certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--link", served.uri,
                "--features", "../features/safety-and-ethics/emergency-stop.feature", "--allow-motion",
                "--estop-actuator", "--out", out.toString(), "--no-html"}, new StringReader("y\n"),
                    new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            String log = stdout + "" + stderr;
            double measuredMs = stopTimeMs(out.resolve("certificate.json"), log);

            List<StopTruth> estops = served.server.stops().stream().filter(s -> s.kind().equals("estop")).toList();
            assertThat(estops).as("e-stops the simulator saw; %s", log).hasSize(1);
            StopTruth truth = estops.get(0);
            double trueMs = (truth.standstillNs().orElseThrow() - truth.triggerNs()) / 1e6;
            served.server.close();
            taped.flush();
            CertifyCommandIT.Run fromTape = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                    CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", tape.toString(), "--features",
                    "../features/safety-and-ethics/emergency-stop.feature", "--out", out + "-tape", "--no-html");
            double tapedMs = stopTimeMs(Path.of(out + "-tape", "certificate.json"), fromTape.stdout() + fromTape.stderr());
            System.out.printf("%s: stop time in the certificate %.3f ms, of the published samples %.3f ms (%+.3f ms), noise-free "
                    + "truth %.3f ms (%+.3f ms) (exit code %d)%n", transport, measuredMs, tapedMs, measuredMs - tapedMs, trueMs,
                    measuredMs - trueMs, code);
            return new Stop(measuredMs - trueMs, measuredMs - tapedMs);
        }
    }
}
