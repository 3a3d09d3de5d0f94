package org.hcert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.junit.jupiter.api.Test;

/** {@code bench/robot-40dof.yaml} declares the joints the generator moves, with the same limits. */
class BenchProfileTest {

    @Test
    void profileJointsMatchTheGenerator() {
        RobotProfile robot = ProfileLoader.loadRobot(Path.of("robot-40dof.yaml"));
        assertThat(robot.joints()).hasSize(40);
        assertThat(robot.joints()).extracting(j -> j.name()).containsExactlyElementsOf(
                Humanoid.JOINTS.stream().map(Joint::name).toList());
        for (int i = 0; i < 40; i++) {
            assertThat(robot.joints().get(i).lowerRad()).isEqualTo(Humanoid.JOINTS.get(i).lowerRad());
            assertThat(robot.joints().get(i).upperRad()).isEqualTo(Humanoid.JOINTS.get(i).upperRad());
        }
    }
}
