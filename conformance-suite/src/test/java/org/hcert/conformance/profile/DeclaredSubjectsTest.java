package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.family.DeclaredStream;
import org.hcert.conformance.family.DeclaredSurface;
import org.hcert.conformance.family.SubjectLimits;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a robot declares per subject (each joint's ratings, each stream's rate and data age, each
 * touchable surface) and how a standard's limit takes it ({@code per: joint}, {@code per: stream}):
 * loaded, checked, resolved for each subject.
 */
class DeclaredSubjectsTest {

    private static final RobotProfile HC1 = ProfileLoader.loadRobot(ProfileLoaderTest.ROBOT);
    private static final StandardProfile HEIS = ProfileLoader.loadStandard(ProfileLoaderTest.STANDARD);

    @TempDir
    Path dir;

    private Path robotWith(String from, String to) throws IOException {
        String text = Files.readString(ProfileLoaderTest.ROBOT);
        assertThat(text).contains(from);
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void loadsTheDemoRobotsRatingsStreamsAndSurfaces() {
        assertThat(HC1.joints().get(6).declared("peakEffort")).hasValue(new Quantity(250, Unit.NEWTON_METRE));
        assertThat(HC1.joints().get(6).declared("maxVelocity")).hasValue(new Quantity(8, Unit.RADIAN_PER_SECOND));
        assertThat(HC1.streams()).extracting(DeclaredStream::topic).startsWith("/joint_states").contains("/safety/state");
        assertThat(HC1.streams().stream().filter(s -> s.topic().equals("/safety/state")).findFirst().orElseThrow().stamped())
                .isFalse();
        assertThat(HC1.surfaces()).extracting(DeclaredSurface::frame)
                .containsExactly("left_palm", "right_palm", "left_knee_cover", "right_knee_cover", "torso_cover");
    }

    @Test
    void aPerJointLimitTakesEachJointsOwnValueElseTheRobotsOne() {
        ClauseSetup speed = Plan.of(HC1, HEIS).setup("LC-JNT-03").orElseThrow();
        SubjectLimits peak = speed.perSubject().get("jointEffort");
        Limit knee = peak.of("left_knee").orElseThrow();
        assertThat(knee.quantity()).isEqualTo(new Quantity(250, Unit.NEWTON_METRE));
        assertThat(knee.evidence()).isEqualTo("D");
        assertThat(knee.source()).isEqualTo("robot declaration joints[left_knee].peakEffort in " + ProfileLoaderTest.ROBOT);
        ClauseSetup temperature = Plan.of(HC1, HEIS).setup("LC-JNT-02").orElseThrow();
        assertThat(temperature.perSubject().get("jointTemperature").of("neck_yaw").orElseThrow().source())
                .isEqualTo("robot declaration declared.maxTemperature in %s (for every joint)".formatted(ProfileLoaderTest.ROBOT));
        assertThat(temperature.judges("jointTemperature")).isTrue();
        assertThat(temperature.unresolved()).isEmpty();
    }

    @Test
    void aSubjectWithoutAValueIsNamedNotGuessed() throws IOException {
        Path file = robotWith("  maxTemperature: {value: 80, unit: degC}\n", "");
        ClauseSetup c = Plan.of(ProfileLoader.loadRobot(file), HEIS).setup("LC-JNT-02").orElseThrow();
        SubjectLimits limits = c.perSubject().get("jointTemperature");
        assertThat(limits.of("left_knee")).isEmpty();
        assertThat(limits.why("left_knee")).isEqualTo(("robot profile %s declares no maxTemperature for joint left_knee "
                + "(joints[].maxTemperature) and no declared.maxTemperature for every joint; clause LC-JNT-02 needs it").formatted(file));
    }

    @Test
    void aRatingOfTheWrongDimensionIsAProfileErrorAtItsLine() throws IOException {
        Path file = robotWith("{name: left_knee, lower: 0.0, upper: 2.2, maxVelocity: 8, peakEffort: {value: 250, unit: N·m}",
                "{name: left_knee, lower: 0.0, upper: 2.2, maxVelocity: 8, peakEffort: {value: 250, unit: N}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file)).isInstanceOf(ProfileException.class)
                .hasMessage(file + ":" + lineOf(file, "{name: left_knee,")
                        + ": joints[6].peakEffort.unit: peakEffort must be a torque, but N is a force; use one of N·m");
    }

    @Test
    void aStreamMustBeMappedToARole() throws IOException {
        Path file = robotWith("  - {topic: /odom, rate:", "  - {topic: /odometry, rate:");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file)).isInstanceOf(ProfileException.class)
                .hasMessage(file + ":" + lineOf(file, "{topic: /odometry,") + ": streams[2].topic: stream /odometry is not "
                        + "mapped to a role under topics; map it (e.g. topics.joints: [/odometry]) so that hcert reads it");
    }

    @Test
    void anUnstampedStreamHasNoDataAge() throws IOException {
        Path file = robotWith("{topic: /safety/state, rate: {value: 50, unit: Hz}, stamped: false}",
                "{topic: /safety/state, rate: {value: 50, unit: Hz}, maxAge: {value: 1, unit: s}, stamped: false}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file)).isInstanceOf(ProfileException.class)
                .hasMessageEndingWith("streams[5].maxAge: stream /safety/state is declared unstamped (stamped: false), so the "
                        + "age of its data cannot be measured; remove maxAge or stamp its messages");
    }

    @Test
    void aSurfaceNeedsItsOwnSensorAndABriefOneABriefContact() throws IOException {
        Path joint = robotWith("{frame: torso_cover,", "{frame: torso_yaw,");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(joint)).hasMessageEndingWith("surfaces[4].frame: frame torso_yaw is "
                + "joint torso_yaw's actuator temperature; a surface needs the frame of its own sensor");
        Path longContact = robotWith("{frame: torso_cover, kind: brief, material: plastic}",
                "{frame: torso_cover, kind: brief, material: plastic, maxContact: {value: 1, unit: min}}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(longContact)).hasMessageEndingWith("surfaces[4].maxContact: "
                + "surface torso_cover is touched briefly, for at most 10 s, but maxContact is 1 min; declare it kind: held");
        Path material = robotWith("{frame: torso_cover, kind: brief, material: plastic}", "{frame: torso_cover, kind: brief, material: wood}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(material)).hasMessageContaining("surfaces[4].material");
    }

    @Test
    void aPerSubjectLimitTakesADeclaredKey() throws IOException {
        String text = Files.readString(ProfileLoaderTest.STANDARD).replace(
                "jointSpeed: {declared: maxVelocity, per: joint,", "jointSpeed: {value: 8, unit: rad/s, per: joint,");
        Path file = dir.resolve("standard.yaml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ProfileLoader.loadStandard(file)).isInstanceOf(ProfileException.class)
                .hasMessageEndingWith("limits.jointSpeed.per: per: joint takes the value each joint declares; give declared "
                        + "(its key) with it, not value and unit");
    }
}
