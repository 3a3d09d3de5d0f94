package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.DeclarationFixture.arm;
import static org.hcert.conformance.family.FamilyFixture.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.WrenchSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SE-CLS-01: each arm's declared class agrees with ISO 10218-1:2025, and no recorded wrist force exceeds the declared one. */
class ArmClassCheckTest {

    private static final DeclarationFixture CLS01 = DeclarationFixture.cls01();

    /** The left wrist pressing with {@code forceN} along x, at 50 Hz for {@code ms}; samples every 20 ms. */
    private static List<WrenchSample> wrist(double forceN, int ms) {
        List<WrenchSample> out = new ArrayList<>();
        for (int t = 0; t <= ms; t += 20) {
            out.add(new WrenchSample(at(t), "/wrist/left/ft", "left_wrist_ft", new Vector3(forceN, 0, 0), Vector3.ZERO));
        }
        return out;
    }

    private static List<Verdict> classVerdicts(ClauseEvidence e) {
        List<Verdict> out = new ArrayList<>();
        for (String limit : List.of("classIMass", "classITcpSpeed", "classIForce")) {
            out.addAll(CLS01.verdicts(e, limit));
        }
        return out;
    }

    @ParameterizedTest(name = "Class {0}: {1} kg, {2} mm/s, {3} N: {4}")
    @CsvSource({
        // Class I only if all three are within the limits, edges included
        "I, 10, 250, 50, PASS", "I, 10.01, 250, 50, FAIL", "I, 10, 250.1, 50, FAIL", "I, 10, 250, 50.1, FAIL", "I, 2, 100, 20, PASS",
        // Class II must exceed at least one of them
        "II, 10, 250, 50, FAIL", "II, 2, 100, 20, FAIL", "II, 10.01, 250, 50, PASS", "II, 4, 2000, 60, PASS", "II, 2, 100, 50.1, PASS"})
    void theDeclaredClassAgreesWithMassSpeedAndForce(String declared, double mass, double speed, double force, Verdict expected) {
        ClauseEvidence e = CLS01.withArms(arm(declared, mass, speed, force)).evaluate(wrist(0, 1000));
        List<Verdict> v = classVerdicts(e);
        assertThat(v).hasSize(declared.equals("I") ? 3 : 1);
        assertThat(v.contains(Verdict.FAIL) ? Verdict.FAIL : Verdict.PASS).isEqualTo(expected);
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aClassIiArmWithinEveryClassILimitSaysItIsClassI() {
        ClauseEvidence e = CLS01.withArms(arm("II", 2, 100, 40)).evaluate(wrist(0, 1000));
        Measurement m = CLS01.judged(e, "classIForce").get(0);
        assertThat(m.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(m.headline()).isEqualTo("classIForce (left arm): 40 N (limit > 50 N, C) OUTSIDE LIMIT");
        assertThat(m.detail()).contains("mass 2 kg (Class I: ≤ 10 kg), maxTcpSpeed 100 mm/s (Class I: ≤ 250 mm/s), maxForce 40 N (Class I: ≤ 50 N)")
                .endsWith("within every Class I limit, so by ISO 10218-1:2025 it is Class I");
    }

    @Test
    void aClassIiArmIsJudgedByTheLimitItExceedsMost() {
        ClauseEvidence e = CLS01.withArms(arm("II", 4, 2000, 60)).evaluate(wrist(0, 1000));
        assertThat(e.readings("classITcpSpeed")).hasSize(1);
        assertThat(CLS01.judged(e, "classITcpSpeed").get(0).headline()).isEqualTo("classITcpSpeed (left arm): 2000 mm/s (limit > 250 mm/s, C)");
    }

    @Test
    void missingValuesAreMissingEvidenceUnlessAKnownOneDecides() {
        ClauseEvidence classI = CLS01.withArms(arm("I", Double.NaN, 100, 20)).evaluate(wrist(0, 1000));
        assertThat(CLS01.verdicts(classI, "classIMass")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(classI.readings("classIMass").get(0).gaps()).containsExactly(
                "declaration.arms[0].mass (the mass of the left arm) is not given in robot profile robot.yaml");
        ClauseEvidence unknown = CLS01.withArms(arm("II", Double.NaN, 100, 20)).evaluate(wrist(0, 1000));
        assertThat(classVerdicts(unknown)).containsExactly(Verdict.INCONCLUSIVE);
        ClauseEvidence decided = CLS01.withArms(arm("II", Double.NaN, 2000, 20)).evaluate(wrist(0, 1000));
        assertThat(classVerdicts(decided)).containsExactly(Verdict.PASS);
        ClauseEvidence noClass = CLS01.withArms(arm("", 2, 100, 20)).evaluate(wrist(0, 1000));
        assertThat(noClass.readings("classIMass").get(0).gaps()).containsExactly(
                "declaration.arms[0].class (the class of the left arm) is not given in robot profile robot.yaml");
    }

    @ParameterizedTest(name = "recorded {0} N against declared 60 N: {1}")
    @CsvSource({"0, PASS", "60, PASS", "60.01, FAIL", "150, FAIL"})
    void aRecordedWristForceAboveTheDeclaredOneContradictsTheDeclaration(double forceN, Verdict expected) {
        ClauseEvidence e = CLS01.withArms(arm("II", 4, 2000, 60)).evaluate(wrist(forceN, 1000));
        assertThat(CLS01.verdicts(e, "wristForceOverrun")).containsExactly(expected);
        assertThat(CLS01.judged(e, "wristForceOverrun").get(0).detail()).startsWith("largest wrist force " + new java.math.BigDecimal(
                Double.toString(forceN)).stripTrailingZeros().toPlainString() + " N at ");
    }

    @Test
    void aGapInTheWristSamplesLeavesAPassInconclusiveButNotAFail() {
        List<WrenchSample> samples = new ArrayList<>(wrist(10, 400));
        samples.addAll(wrist(10, 1000).subList(40, 51));
        ClauseEvidence low = CLS01.withArms(arm("II", 4, 2000, 60)).evaluate(samples);
        assertThat(CLS01.verdicts(low, "wristForceOverrun")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(low.readings("wristForceOverrun").get(0).gaps().get(0)).startsWith("/wrist/left/ft samples have a gap of 400 ms");
        samples.set(3, new WrenchSample(at(60), "/wrist/left/ft", "left_wrist_ft", new Vector3(0, 80, 0), Vector3.ZERO));
        ClauseEvidence high = CLS01.withArms(arm("II", 4, 2000, 60)).evaluate(samples);
        assertThat(CLS01.verdicts(high, "wristForceOverrun")).containsExactly(Verdict.FAIL);
    }

    @Test
    void withoutItsWristTopicOrSamplesAnArmsForceIsNotKnown() {
        RobotDeclaration.Arm noTopic = new RobotDeclaration.Arm("left", "declaration.arms[0]", Optional.of("II"), Optional.empty(),
                Optional.empty(), Optional.of(DeclarationFixture.q(60, org.hcert.conformance.quantity.Unit.NEWTON)), Optional.empty(),
                Optional.empty());
        ClauseEvidence e = CLS01.withArms(noTopic).evaluate(wrist(100, 1000));
        assertThat(CLS01.verdicts(e, "wristForceOverrun")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(e.readings("wristForceOverrun").get(0).gaps().get(0)).startsWith("declaration.arms[0].wristTopic (the wrench topic");
        ClauseEvidence silent = CLS01.withArms(arm("II", 4, 2000, 60)).evaluate(List.of());
        assertThat(silent.readings("wristForceOverrun").get(0).gaps()).containsExactly("no wrench sample on /wrist/left/ft");
        RobotDeclaration.Arm unmapped = new RobotDeclaration.Arm("left", "declaration.arms[0]", Optional.of("II"), Optional.empty(),
                Optional.empty(), Optional.of(DeclarationFixture.q(60, org.hcert.conformance.quantity.Unit.NEWTON)), Optional.empty(),
                Optional.of("/wrist/l"));
        assertThat(CLS01.withArms(unmapped).evaluate(wrist(1, 100)).readings("wristForceOverrun").get(0).gaps()).containsExactly(
                "declaration.arms[0].wristTopic /wrist/l is not among the topics robot profile robot.yaml maps to wrenches");
    }

    @Test
    void aRobotWithArmsButNoneDeclaredIsMissingEvidence() {
        ClauseEvidence e = CLS01.evaluate(wrist(0, 100));
        assertThat(e.problems()).containsExactly("declaration.arms (the robot's arms with their class, mass, TCP speed and force) "
                + "is not given in robot profile robot.yaml");
    }
}
