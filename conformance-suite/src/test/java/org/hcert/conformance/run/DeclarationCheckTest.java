package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declaration check names each undeclared capability with the first sample that showed it. */
class DeclarationCheckTest {

    private static final long T0_NS = 1_772_352_000_000_000_000L; // 2026-03-01T08:00:00Z

    @TempDir
    Path dir;

    private DeclarationCheck checkOfARobotDeclaring(String capabilities) throws IOException {
        String text = Files.readString(Path.of("../profiles/robots/hc1-demo.yaml"));
        String line = "capabilities: [walking, emergency-stop, protective-stop, arms, ai-models]";
        assertThat(text).contains(line);
        Path robot = dir.resolve("robot.yaml");
        Files.writeString(robot, text.replace(line, "capabilities: [" + capabilities + "]"));
        return new DeclarationCheck(ProfileLoader.loadRobot(robot));
    }

    @Test
    void anUndeclaredCapabilityIsNamedWithTheFirstSampleThatShowedIt() throws IOException {
        DeclarationCheck check = checkOfARobotDeclaring("walking, arms");
        // a protective stop held for 3 s at 100 Hz, then an e-stop pressed twice and a model loaded
        for (int i = 0; i < 300; i++) {
            check.accept(new SafetyStateSample(T0_NS + 1_000_000_000L + i * 10_000_000L, "/safety/state", "auto", false, true, true));
        }
        check.accept(new EventSample(T0_NS + 5_000_000_000L, "/events", EventSample.ESTOP_PRESSED, ""));
        check.accept(new EventSample(T0_NS + 7_000_000_000L, "/events", EventSample.ESTOP_PRESSED, ""));
        check.accept(new EventSample(T0_NS + 8_000_000_000L, "/events", "protective_stop", ""));
        check.accept(new EventSample(T0_NS + 9_500_000_000L, "/events", "model_loaded", "planner v2"));

        assertThat(check.contradictions(true)).anySatisfy(c -> assertThat(c)
                .contains("capability protective-stop (the safety state's protective-stop input at 2026-03-01T08:00:01Z)"))
                .anySatisfy(c -> assertThat(c).contains("capability emergency-stop (an estop_pressed event at 2026-03-01T08:00:05Z)"))
                .anySatisfy(c -> assertThat(c).contains("capability ai-models (a model_loaded event at 2026-03-01T08:00:09.500Z)"))
                .noneSatisfy(c -> assertThat(c).contains("capability walking"));
    }

    @Test
    void aDeclaredCapabilityIsNoContradiction() throws IOException {
        DeclarationCheck check = checkOfARobotDeclaring("walking, emergency-stop, protective-stop, arms, ai-models");
        check.accept(new SafetyStateSample(T0_NS, "/safety/state", "auto", true, true, false));
        check.accept(new EventSample(T0_NS, "/events", EventSample.ESTOP_PRESSED, ""));
        assertThat(check.contradictions(false)).isEmpty();
    }
}
