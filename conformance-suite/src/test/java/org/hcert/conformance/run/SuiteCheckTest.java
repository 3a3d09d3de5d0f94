package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.StandardProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled features and the standard profile agree, and the check that says so catches a
 * misspelled limit name, a wrong dimension, an orphan tag, a clause without scenario, a step of the
 * wrong family, an unknown step and a trigger the clause does not set.
 */
class SuiteCheckTest {

    static final Path FEATURES = Path.of("../features");
    static final Path STANDARD = Path.of("../profiles/standards/heis-2026.yaml");

    @TempDir
    Path dir;

    private static List<SuiteCheck.Feature> bundled() throws IOException {
        return SuiteCheck.read(FEATURES);
    }

    /** The bundled features with {@code from} replaced in the first (by path) that contains it. */
    private static List<SuiteCheck.Feature> replacing(String from, String to) throws IOException {
        List<SuiteCheck.Feature> out = new ArrayList<>();
        boolean found = false;
        for (SuiteCheck.Feature f : bundled()) {
            boolean here = !found && f.text().contains(from);
            found |= here;
            out.add(here ? new SuiteCheck.Feature(f.uri(), f.text().replace(from, to)) : f);
        }
        assertThat(found).as("some feature contains %s", from).isTrue();
        return out;
    }

    private static StandardProfile standard() {
        return ProfileLoader.loadStandard(STANDARD);
    }

    @Test
    void theBundledFeaturesAndTheStandardProfileAgree() throws IOException {
        assertThat(SuiteCheck.check(bundled(), standard())).isEmpty();
    }

    @Test
    void catchesAMisspelledLimitName() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("within the limit \"stopTime\"", "within the limit \"stopTme\""), standard());
        assertThat(problems).singleElement().asString().endsWith(
                ": limit \"stopTme\" is not a limit of family stop-response (its limits: stopTime, driveEnabledAtEnd, faultEvents)");
    }

    @Test
    void catchesALimitNamedByTheWrongStep() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("within the limit \"driveEnabledAtEnd\"", "within the limit \"stopTime\""), standard());
        assertThat(problems).singleElement().asString().endsWith(": this step judges the limit driveEnabledAtEnd, but names \"stopTime\"");
    }

    @Test
    void catchesAnOrphanTagAndTheClauseLeftWithoutScenario() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("@SE-BAL-01", "@SE-BAL-99"), standard());
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("cites clause SE-BAL-99, which standard profile ").endsWith(" does not have");
        assertThat(problems.get(1)).endsWith(": clause SE-BAL-01 has no scenario tagged @SE-BAL-01 in the features");
    }

    @Test
    void catchesAStepOfAnotherFamily() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("When the robot performs its test motion",
                "When the emergency stop is asserted"), standard());
        assertThat(problems).first().asString().endsWith(
                ": step \"the emergency stop is asserted\" belongs to family stop-response, but clause LC-JNT-01 is judged by family joint-range");
    }

    @Test
    void catchesAStepHcertDoesNotDefine() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("Then the trunk tilt stays within", "Then the trunk lean stays within"), standard());
        assertThat(problems).singleElement().asString()
                .endsWith(": step \"the trunk lean stays within the limit \\\"trunkTilt\\\"\" matches no step of hcert's glue".replace("\\\"", "\""));
    }

    @Test
    void catchesATriggerTheClauseDoesNotSet() throws IOException {
        List<String> problems = SuiteCheck.check(replacing("When the emergency stop is asserted", "When the protective stop is asserted"),
                standard());
        assertThat(problems).singleElement().asString().endsWith(": step names trigger protective-stop, but clause SE-ESTOP-01 sets trigger: estop");
    }

    @Test
    void aLimitOfTheWrongDimensionIsAProfileErrorWhenTheProfileIsLoaded() throws IOException {
        String text = Files.readString(STANDARD).replace("trunkTilt: {value: 60, unit: deg,", "trunkTilt: {value: 60, unit: m,");
        Path file = dir.resolve("standard.yaml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ProfileLoader.loadStandard(file)).isInstanceOf(ProfileException.class)
                .hasMessageEndingWith("clauses[3].limits.trunkTilt.unit: limit trunkTilt is an angle, but m is a length; use one of rad, deg");
    }
}
