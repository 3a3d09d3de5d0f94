package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.conformance.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A clause of the standard profile is checked against its family when the profile is loaded: a
 * misspelling, a wrong unit or an impossible value is a profile error naming file, line and field,
 * never a verdict.
 */
class FamilyCheckTest {

    @TempDir
    Path dir;

    private Path standardWith(String from, String to) throws IOException {
        String text = Files.readString(ProfileLoaderTest.STANDARD);
        assertThat(text).contains(from);
        Path file = dir.resolve("standard.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private String error(String from, String to) throws IOException {
        Path file = standardWith(from, to);
        try {
            ProfileLoader.loadStandard(file);
        } catch (ProfileException e) {
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("the profile loaded although " + from + " became " + to);
    }

    @Test
    void namesAMisspelledLimitWithTheRightName() throws IOException {
        assertThat(error("      stopTime: {declared: stopTime,", "      stopTme: {declared: stopTime,"))
                .isEqualTo(":26: clauses[0].limits.stopTme: family stop-response has no limit stopTme (did you mean stopTime?); "
                        + "its limits are stopTime, driveEnabledAtEnd, faultEvents");
    }

    @Test
    void namesAMisspelledParameter() throws IOException {
        assertThat(error("      maxSampleGap: {value: 50, unit: ms, evidence: I, note: \"longer gaps",
                "      maxSampleGp: {value: 50, unit: ms, evidence: I, note: \"longer gaps"))
                .startsWith(":38: clauses[0].parameters.maxSampleGp: family stop-response has no parameter maxSampleGp (did you mean maxSampleGap?)");
    }

    @Test
    void refusesAUnitOfTheWrongDimension() throws IOException {
        assertThat(error("standstillBaseSpeed: {value: 0.01, unit: m/s,", "standstillBaseSpeed: {value: 0.01, unit: m,"))
                .isEqualTo(":31: clauses[0].parameters.standstillBaseSpeed.unit: parameter standstillBaseSpeed is a speed, "
                        + "but m is a length; use one of m/s, mm/s, km/h");
    }

    @Test
    void refusesAnUnknownUnit() throws IOException {
        assertThat(error("observationWindow: {value: 3, unit: s, evidence: I, note: \"how long after the e-stop",
                "observationWindow: {value: 3, unit: sec, evidence: I, note: \"how long after the e-stop"))
                .startsWith(":36: clauses[0].parameters.observationWindow.unit: unknown unit sec (did you mean s?); hcert knows s, ms, ");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "observationWindow: {value: 3, unit: s, evidence: I, note: \"how long after the e-stop | observationWindow: {value: 0, unit: s, evidence: I, note: \"how long after the e-stop | parameter observationWindow must be greater than zero, got 0 s",
        "maxSampleGap: {value: 50, unit: ms, evidence: I, note: \"longer gaps | maxSampleGap: {value: -5, unit: ms, evidence: I, note: \"longer gaps | parameter maxSampleGap must be greater than zero, got -5 ms",
        "standstillJointSpeed: {value: 0.01, | standstillJointSpeed: {value: .nan, | YAML syntax error: Malformed numeric value '.nan'",
    })
    void refusesAnImpossibleValue(String from, String to, String problem) throws IOException {
        assertThat(error(from, to)).endsWith(problem);
    }

    @Test
    void requiresEveryLimitTheFamilyNeeds() throws IOException {
        assertThat(error("      jointOverrun: {value: 0, unit: rad, comparison: at-most, evidence: D,\n                     note: \"how far the worst joint went beyond its declared soft limit\"}\n",
                "      {}\n"))
                .contains("clauses[2].limits: ");
    }

    @Test
    void refusesAnUnknownFamilyAndAnUnknownOption() throws IOException {
        assertThat(error("family: stop-response", "family: stop-respons"))
                .isEqualTo(":21: clauses[0].family: unknown family stop-respons (did you mean stop-response?); hcert's families are "
                        + String.join(", ", org.hcert.conformance.family.Families.names()));
        assertThat(error("options: {trigger: estop}", "options: {trigger: e-stop}"))
                .startsWith(":22: clauses[0].options.trigger: option trigger of family stop-response cannot be e-stop (did you mean estop?)");
    }

    @Test
    void refusesADeclaredValueOfTheWrongDimensionWhenTheRobotIsPlanned() throws IOException {
        String robot = Files.readString(ProfileLoaderTest.ROBOT).replace("stopTime: {value: 600, unit: ms}", "stopTime: {value: 600, unit: m}");
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, robot);
        RobotProfile r = ProfileLoader.loadRobot(file);
        assertThatThrownBy(() -> Plan.of(r, ProfileLoader.loadStandard(ProfileLoaderTest.STANDARD)))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ":11: declared.stopTime: clause SE-ESTOP-01 compares stop time with declared.stopTime, which must be "
                        + "a time, but m is a length; use one of s, ms, us, min, h, a");
    }
}
