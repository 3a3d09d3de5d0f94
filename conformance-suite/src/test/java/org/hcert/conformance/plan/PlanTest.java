package org.hcert.conformance.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final RobotProfile HC1 = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile HEIS = ProfileLoader.loadStandard(Path.of("../profiles/standards/heis-2026.yaml"));

    private static RobotProfile with(String robotClass, Set<String> capabilities) {
        return new RobotProfile(HC1.file(), HC1.identity(), robotClass, capabilities, HC1.declared(), HC1.declaredLines(),
                HC1.joints(), HC1.topics(), HC1.robotClassLine(), 0);
    }

    @Test
    void everyClauseAppliesToTheDemoBiped() {
        Plan plan = Plan.of(HC1, HEIS);
        List<String> every = HEIS.clauses().stream().map(c -> c.id()).toList();
        assertThat(plan.applicable()).extracting(p -> p.clause().id()).containsExactlyElementsOf(every)
                .startsWith("SE-ESTOP-01", "SE-ESTOP-02", "LC-JNT-01", "SE-BAL-01");
        assertThat(plan.tagExpression()).isEqualTo(String.join(" or ", every.stream().map(id -> "@" + id).toList()));
    }

    @Test
    void aRobotThatDoesNotWalkIsNotJudgedOnBalanceWithTheReason() {
        Plan plan = Plan.of(with("wheeled-humanoid", Set.of("emergency-stop")), HEIS);
        PlannedClause balance = plan.clauses().get(3);
        assertThat(balance.applicable()).isFalse();
        assertThat(balance.reason()).isEqualTo("requires capabilities [walking], which the robot does not declare");
        assertThat(plan.tagExpression()).startsWith("@SE-ESTOP-01 or @SE-ESTOP-02 or @LC-JNT-01").doesNotContain("@SE-BAL-01");
    }

    @Test
    void refusesARobotClassTheStandardDoesNotDefine() {
        assertThatThrownBy(() -> Plan.of(with("quadruped", Set.of()), HEIS))
                .isInstanceOf(ProfileException.class)
                .hasMessage("../profiles/robots/hc1-demo.yaml:8: robotClass: robot class quadruped is not defined by "
                        + "standard profile ../profiles/standards/heis-2026.yaml; expected one of "
                        + "[full-size-biped, compact-biped, wheeled-humanoid]");
    }
}
