package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.DeclarationFixture.limit;
import static org.hcert.conformance.family.DeclarationFixture.q;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** BC-CLS-01: the manifest gives every field the schemes ask for, each missing one named, and agrees with the rest of the profile. */
class ManifestCheckTest {

    private static final DeclarationFixture BC = DeclarationFixture.of("manifest", "all",
            limit("jointsBeyondDof", 0, Unit.COUNT, Comparison.AT_MOST, "I"), limit("armMassBeyondTotal", 0, Unit.KILOGRAM, Comparison.AT_MOST, "I"));

    private static RobotDeclaration.Arm arm(String name, double massKg) {
        return new RobotDeclaration.Arm(name, "declaration.arms[" + (name.equals("left") ? 0 : 1) + "]", Optional.of("II"),
                Double.isNaN(massKg) ? Optional.empty() : Optional.of(q(massKg, Unit.KILOGRAM)), Optional.empty(), Optional.empty(),
                Optional.of(q(1, Unit.KILOGRAM)), Optional.empty());
    }

    private static final DeclarationFixture COMPLETE = BC.withArms(arm("left", 4), arm("right", 4))
            .withFunctions(DeclarationFixture.function("emergency-stop", "d"));

    @Test
    void aCompleteAndConsistentManifestPasses() {
        ClauseEvidence e = COMPLETE.evaluate();
        assertThat(e.problems()).isEmpty();
        assertThat(COMPLETE.allVerdicts(e)).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(COMPLETE.judged(e, "jointsBeyondDof").get(0).headline()).isEqualTo("jointsBeyondDof: 0 count (limit ≤ 0 count, I)");
        assertThat(COMPLETE.judged(e, "armMassBeyondTotal").get(0).measured()).isEqualTo(-52);
    }

    @Test
    void moreJointsThanDegreesOfFreedomFail() {
        DeclarationFixture twentyTwo = COMPLETE.withJoints(22);
        assertThat(twentyTwo.verdicts(twentyTwo.evaluate(), "jointsBeyondDof")).containsExactly(Verdict.FAIL);
        DeclarationFixture fewer = COMPLETE.withJoints(12);
        assertThat(fewer.verdicts(fewer.evaluate(), "jointsBeyondDof")).containsExactly(Verdict.PASS);
    }

    @Test
    void armsHeavierThanTheRobotFail() {
        DeclarationFixture heavy = BC.withArms(arm("left", 30), arm("right", 30.5)).withFunctions(DeclarationFixture.function("reset", "b"));
        assertThat(heavy.verdicts(heavy.evaluate(), "armMassBeyondTotal")).containsExactly(Verdict.FAIL);
        DeclarationFixture equal = BC.withArms(arm("left", 30), arm("right", 30)).withFunctions(DeclarationFixture.function("reset", "b"));
        assertThat(equal.verdicts(equal.evaluate(), "armMassBeyondTotal")).containsExactly(Verdict.PASS);
    }

    @Test
    void everyFieldLeftOutIsNamed() {
        RobotDeclaration empty = new RobotDeclaration(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new RobotDeclaration.Arm("left", "declaration.arms[0]", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())),
                List.of(DeclarationFixture.function("emergency-stop", "")), List.of(), Map.of());
        ClauseEvidence e = BC.with(empty).evaluate();
        String suffix = " is not given in robot profile robot.yaml";
        assertThat(e.problems()).containsExactly(
                "declaration.iso13482Type (the ISO 13482 robot type)" + suffix,
                "declaration.locomotion (the locomotion type)" + suffix,
                "declaration.ratedSpeed (the rated speed)" + suffix,
                "declaration.stopping.time (the stopping time)" + suffix,
                "declaration.stopping.distance (the stopping distance)" + suffix,
                "declaration.fallZoneRadius (the fall-zone radius)" + suffix,
                "declaration.arms[0].class (the class of the left arm)" + suffix,
                "declaration.arms[0].ratedPayload (the rated payload of the left arm)" + suffix,
                "declaration.safetyFunctions[0].pl (the performance level of emergency-stop)" + suffix);
        assertThat(BC.allVerdicts(e)).containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(e.readings("jointsBeyondDof").get(0).gaps()).containsExactly("declaration.dof (the degrees of freedom)" + suffix);
        assertThat(e.readings("armMassBeyondTotal").get(0).gaps()).containsExactly("declaration.mass (the robot's mass)" + suffix,
                "declaration.arms[0].mass (the mass of the left arm)" + suffix);
    }

    @Test
    void aRobotWithArmsThatDeclaresNoneAndNoSafetyFunctionIsNamed() {
        ClauseEvidence e = BC.evaluate();
        assertThat(e.problems()).containsExactly(
                "declaration.arms (the arms of a robot that declares the capability arms) is not given in robot profile robot.yaml",
                "declaration.safetyFunctions (the safety functions with their performance levels) is not given in robot profile robot.yaml");
    }
}
