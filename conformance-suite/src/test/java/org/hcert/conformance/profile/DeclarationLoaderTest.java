package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hcert.conformance.family.RobotDeclaration;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robot profile's declaration section: read as written, refused with file, line and field when malformed. */
class DeclarationLoaderTest {

    private static final String ESTOP = "- {name: emergency-stop, pl: d, plr: c, pfhd: {value: 5.0e-7, unit: 1/h}, category: 3, dcLevel: medium,\n"
            + "       dc: {value: 95, unit: \"%\"}, mttfd: [{value: 50, unit: a}, {value: 50, unit: a}], ccf: 70}";

    @TempDir
    Path dir;

    private Path robotWith(String from, String to) throws IOException {
        String text = Files.readString(ProfileLoaderTest.ROBOT);
        assertThat(text).contains(from);
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /** The line of the first occurrence of {@code text} in the demo robot's profile. */
    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(ProfileLoaderTest.ROBOT);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    private String error(String from, String to) throws IOException {
        Path file = robotWith(from, to);
        try {
            ProfileLoader.loadRobot(file);
        } catch (ProfileException e) {
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("the profile loaded");
    }

    @Test
    void readsTheDemoRobotsDeclaration() throws IOException {
        RobotDeclaration d = ProfileLoader.loadRobot(ProfileLoaderTest.ROBOT).declaration();
        assertThat(d.given()).isTrue();
        assertThat(d.iso13482Type()).hasValue("mobile-servant");
        assertThat(d.dof()).hasValue(20);
        assertThat(d.arms()).extracting(RobotDeclaration.Arm::name).containsExactly("left", "right");
        assertThat(d.arms().get(0).wristTopic()).hasValue("/wrist/left/ft");
        RobotDeclaration.SafetyFunction estop = d.safetyFunction("emergency-stop").orElseThrow();
        assertThat(estop.pl()).hasValue(PerformanceLevel.D);
        assertThat(estop.plr()).hasValue(PerformanceLevel.C);
        assertThat(estop.pfhd()).hasValue(new Quantity(5.0e-7, Unit.PER_HOUR));
        assertThat(estop.category()).hasValue("3");
        assertThat(estop.mttfd()).containsExactly(new Quantity(50, Unit.YEAR), new Quantity(50, Unit.YEAR));
        assertThat(estop.mttfd().get(0).si()).isEqualTo(50 * 8760 * 3600.0);
        assertThat(estop.ccf()).hasValue(70.0);
        assertThat(d.line("declaration.safetyFunctions[0].pl")).isEqualTo(lineOf("- {name: emergency-stop"));
        assertThat(d.models()).extracting(RobotDeclaration.ApprovedModel::id).containsExactly("hc1-gait-policy");
    }

    @Test
    void aProfileWithoutADeclarationHasNone() throws IOException {
        String text = Files.readString(ProfileLoaderTest.ROBOT);
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("# HC-1 is virtual")));
        assertThat(ProfileLoader.loadRobot(file).declaration()).isEqualTo(RobotDeclaration.NONE);
    }

    @Test
    void refusesAPerformanceLevelF() throws IOException {
        assertThat(error(ESTOP, ESTOP.replace("pl: d", "pl: f")))
                .startsWith(":%d: declaration.safetyFunctions[0].pl: ".formatted(lineOf("- {name: emergency-stop")))
                .contains("enumeration");
    }

    @Test
    void refusesANegativePfh() throws IOException {
        assertThat(error(ESTOP, ESTOP.replace("5.0e-7", "-5.0e-7"))).isEqualTo(
                ":%d: declaration.safetyFunctions[0].pfhd.value: pfhd must be greater than zero, got -0.0000005 1/h"
                        .formatted(lineOf("- {name: emergency-stop")));
    }

    @Test
    void refusesADiagnosticCoverageOver100Percent() throws IOException {
        assertThat(error(ESTOP, ESTOP.replace("{value: 95, unit: \"%\"}", "{value: 120, unit: \"%\"}"))).isEqualTo(
                ":%d: declaration.safetyFunctions[0].dc.value: a diagnostic coverage is at most 100 %%, got 120 %%"
                        .formatted(lineOf("dc: {value: 95")));
    }

    @Test
    void refusesUnitsOfTheWrongDimension() throws IOException {
        assertThat(error(ESTOP, ESTOP.replace("unit: 1/h", "unit: h"))).isEqualTo(
                ":%d: declaration.safetyFunctions[0].pfhd.unit: pfhd is a rate per hour, but h is a time; use one of 1/h"
                        .formatted(lineOf("- {name: emergency-stop")));
        assertThat(error(ESTOP, ESTOP.replace("{value: 50, unit: a}, {value: 50", "{value: 50, unit: kg}, {value: 50")))
                .startsWith(":%d: declaration.safetyFunctions[0].mttfd[0].unit: mttfd is a time, but kg is a mass; use one of s, ms"
                        .formatted(lineOf("dc: {value: 95")));
        assertThat(error("dc: {value: 95, unit: \"%\"}", "dc: {value: 95, unit: N}"))
                .endsWith("declaration.safetyFunctions[0].dc.unit: dc is a ratio, but N is a force; use one of ratio, %");
        assertThat(error("{name: left, class: II, mass: {value: 4, unit: kg}", "{name: left, class: II, mass: {value: 4, unit: N}"))
                .endsWith("declaration.arms[0].mass.unit: mass is a mass, but N is a force; use one of kg");
        assertThat(error("maxForce: {value: 60, unit: N}, ratedPayload: {value: 1, unit: kg}, wristTopic: /wrist/left/ft",
                "maxForce: {value: 60, unit: kg}, ratedPayload: {value: 1, unit: kg}, wristTopic: /wrist/left/ft"))
                .endsWith("declaration.arms[0].maxForce.unit: maxForce is a force, but kg is a mass; use one of N");
    }

    @Test
    void refusesAnArmClassThatIsNotIOrIi() throws IOException {
        assertThat(error("{name: left, class: II,", "{name: left, class: III,")).contains("declaration.arms[0].class: ");
    }

    @Test
    void refusesAStoppingTimeThatDiffersFromDeclaredStopTime() throws IOException {
        assertThat(error("    time: {value: 600, unit: ms}", "    time: {value: 0.7, unit: s}")).isEqualTo(
                ":%d: declaration.stopping.time: the declaration's stopping time 0.7 s differs from declared.stopTime 600 ms (line %d); declare one stopping time"
                        .formatted(lineOf("    time: {value: 600"), lineOf("stopTime: {value: 600")));
        assertThat(ProfileLoader.loadRobot(robotWith("    time: {value: 600, unit: ms}", "    time: {value: 0.6, unit: s}"))
                .declaration().stoppingTime()).hasValue(new Quantity(0.6, Unit.SECOND));
    }

    @Test
    void refusesASafetyFunctionDeclaredTwice() throws IOException {
        assertThat(error("- {name: reset, pl: c,", "- {name: emergency-stop, pl: c,"))
                .endsWith("declaration.safetyFunctions[4].name: safety function emergency-stop is declared twice");
    }

    @Test
    void refusesAModelHashThatIsNot64HexDigits() throws IOException {
        assertThat(error("sha256: 749498a4", "sha256: 749498A4")).contains("declaration.models[0].sha256: ");
    }

    @Test
    void aPerformanceLevelLimitIsALetterWithUnitPl() throws IOException {
        StandardProfile heis = ProfileLoader.loadStandard(ProfileLoaderTest.STANDARD);
        LimitSpec required = heis.clause("SE-ESTOP-06").orElseThrow().limit("requiredPl", "full-size-biped").orElseThrow();
        assertThat(required.value()).hasValue(PerformanceLevel.C.quantity());
        assertThat(required.comparison()).isEqualTo(Comparison.AT_LEAST);
        String text = Files.readString(ProfileLoaderTest.STANDARD);
        for (String[] bad : new String[][] {
            {"requiredPl: {value: c, unit: PL", "requiredPl: {value: f, unit: PL", "clauses[%d].limits.requiredPl.value: ".formatted(heis.clauses().indexOf(heis.clause("SE-ESTOP-06").orElseThrow()))},
            {"requiredPl: {value: c, unit: PL", "requiredPl: {value: 3, unit: PL", "a performance level is written as a letter a to e, got 3"},
            {"requiredPl: {value: c, unit: PL", "requiredPl: {value: c, unit: ratio", "the value must be a number for unit ratio, got \"c\""}}) {
            Path file = dir.resolve("standard.yaml");
            Files.writeString(file, text.replace(bad[0], bad[1]));
            assertThatThrownBy(() -> ProfileLoader.loadStandard(file)).isInstanceOf(ProfileException.class).hasMessageContaining(bad[2]);
        }
    }
}
