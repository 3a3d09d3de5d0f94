package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RobotDescriptionTest {

    private static final Path PROFILE = Path.of(System.getProperty("basedir", "."))
            .resolve("../profiles/robots/hc1-demo.yaml").normalize();
    private static final Pattern JOINT = Pattern.compile(
            "- \\{name: (\\w+), lower: (-?[\\d.]+), upper: (-?[\\d.]+), maxVelocity: ([\\d.]+)}");

    @Test
    void hc1HasTheJointsAndLimitsOfItsRobotProfile() throws IOException {
        String yaml = Files.readString(PROFILE);
        Matcher m = JOINT.matcher(yaml);
        List<JointDescription> joints = RobotDescription.hc1().joints();
        int i = 0;
        while (m.find()) {
            JointDescription j = joints.get(i++);
            assertThat(j.name()).isEqualTo(m.group(1));
            assertThat(j.lowerRad()).as(j.name()).isEqualTo(Double.parseDouble(m.group(2)));
            assertThat(j.upperRad()).as(j.name()).isEqualTo(Double.parseDouble(m.group(3)));
            assertThat(j.maxVelocityRadS()).as(j.name()).isEqualTo(Double.parseDouble(m.group(4)));
        }
        assertThat(i).isEqualTo(joints.size()).isEqualTo(20);
        assertThat(yaml).contains("stopTime: {value: %d, unit: ms}".formatted(RobotDescription.hc1().declaredStopTimeMs()))
                .contains("nominalPelvisHeight: {value: 0.92, unit: m}");
    }

    @Test
    void everyStandingPostureIsWithinItsLimits() {
        assertThat(RobotDescription.hc1().joints())
                .allSatisfy(j -> assertThat(j.standRad()).isBetween(j.lowerRad(), j.upperRad()));
    }
}
