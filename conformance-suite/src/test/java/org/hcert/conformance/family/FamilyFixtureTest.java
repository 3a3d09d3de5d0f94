package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.verdict.Limit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixture's defaults are the bundled standard profile's values, so the family tests judge what a lab judges. */
class FamilyFixtureTest {

    private static final Plan PLAN = Plan.of(ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml")),
            ProfileLoader.loadStandard(Path.of("../profiles/standards/heis-2026.yaml")));

    static Stream<FamilyFixture> clauses() {
        return Stream.of(FamilyFixture.stopResponse(), FamilyFixture.restartAfterReset(), FamilyFixture.jointRange(),
                FamilyFixture.postureAfterStop(), FamilyFixture.cartesianSpeed(), FamilyFixture.overLimitDemand(),
                FamilyFixture.segmentTrials(), FamilyFixture.stopTrials(),
                FamilyFixture.normalStop(), FamilyFixture.restartAfterPower(),
                FamilyFixture.postureAfterPowerLoss(), FamilyFixture.powerOnSequence(), FamilyFixture.estopLatch());
    }

    @ParameterizedTest
    @MethodSource("clauses")
    void defaultsAreTheValuesOfTheBundledStandardProfile(FamilyFixture fixture) {
        ClauseSetup bundled = PLAN.setup(fixture.clauseId()).orElseThrow();
        ClauseSetup ours = fixture.setup();
        assertThat(ours.family().name()).isEqualTo(bundled.family().name());
        assertThat(ours.parametersSi()).isEqualTo(bundled.parametersSi());
        assertThat(ours.options()).isEqualTo(bundled.options());
        // hc1-demo declares stopTime 600 ms too, so the declared limit resolves to the same value.
        assertThat(described(ours.givenLimits())).isEqualTo(described(bundled.givenLimits()));
        assertThat(ours.unresolved()).isEmpty();
    }

    private static List<String> described(List<Limit> limits) {
        return limits.stream().map(l -> "%s %s %s (%s)".formatted(l.name(), l.comparison(), l.quantity(), l.evidence())).toList();
    }
}
