package org.hcert.runner.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.runner.StandardSubset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long a live session is recorded after the stop that ends it. */
class SettleAfterStopTest {

    private static final Path ROBOT = Path.of("../profiles/robots/hc1-demo.yaml");
    private static final Path STANDARD = Path.of("../profiles/standards/heis-2026.yaml");

    @TempDir
    Path dir;

    @Test
    void theWholeCatalogueWatchesThreeSecondsAfterANormalStopSoTheSessionGoesOnThatLongAndHalfASecond() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        Plan plan = Plan.of(robot, ProfileLoader.loadStandard(STANDARD));
        assertThat(LiveLink.settleAfterStop(plan)).isEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void aPlanWithNoClauseWatchingAfterANormalStopWaitsOnlyForTheLink() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        Path subset = Path.of(StandardSubset.write(dir, List.of("SE-ESTOP-01", "LC-JNT-01")));
        assertThat(LiveLink.settleAfterStop(Plan.of(robot, ProfileLoader.loadStandard(subset))))
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aClauseWatchingAfterAnyStopCountsAsOneWatchingAfterTheNormalStop() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        Path subset = Path.of(StandardSubset.write(dir, List.of("SE-ESTOP-01", "SE-BAL-01")));
        Plan plan = Plan.of(robot, ProfileLoader.loadStandard(subset));
        assertThat(plan.applicable()).extracting(p -> p.clause().options().get("trigger")).contains("any-stop");
        assertThat(LiveLink.settleAfterStop(plan)).isGreaterThan(Duration.ofMillis(500));
    }
}
