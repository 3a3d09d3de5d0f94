package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signal-bound clauses three ways, each from a recording HC-1 makes on a simulated clock: a
 * robot that passes, one that fails (a simulator fault), one whose recording lacks the evidence.
 * Each scenario is recorded and certified once and shared by the tests that read it.
 */
class SignalBoundClausesIT {

    /** Start, walk at 0.5 m/s from 1 s; 6 s in all: a duty cycle with every signal in it. */
    private static final Scenario WALK = Scenario.until(6_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0));

    @TempDir
    static Path dir;

    private static final Map<String, RecordedCertification> CERTIFIED = new ConcurrentHashMap<>();

    private static RecordedCertification certify(String name, Scenario scenario) {
        return CERTIFIED.computeIfAbsent(name, n -> {
            try {
                return RecordedCertification.of(scenario, dir.resolve(n + ".ndjson"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static RecordedCertification healthy() {
        return certify("walk", WALK);
    }

    private static Measurement worst(RecordedCertification c, String clause) {
        return c.clause(clause).measurements().get(0);
    }

    // ---- LC-JNT-02: actuator temperature ----

    @Test
    void lcJnt02PassesWhenEveryActuatorStaysCool() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("LC-JNT-02")).as(c.reason("LC-JNT-02")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("LC-JNT-02").measurements()).hasSize(20)
                .allSatisfy(m -> assertThat(m.measured()).isBetween(25.0, 26.0));
        assertThat(worst(c, "LC-JNT-02").limit().value()).isEqualTo(80);
        assertThat(worst(c, "LC-JNT-02").limit().source()).contains("declared.maxTemperature");
    }

    @Test
    void lcJnt02FailsWhenAnActuatorOverheats() {
        RecordedCertification c = certify("overheating", WALK.fault(0, Fault.OVERHEATING_ACTUATOR));
        assertThat(c.verdict("LC-JNT-02")).isEqualTo(Verdict.FAIL);
        Measurement hip = worst(c, "LC-JNT-02");
        assertThat(hip.subject()).isEqualTo("left_hip_pitch");
        // 25 K/s from 25 degC: 120 degC, the fault's ceiling, after 3.8 s
        assertThat(hip.measured()).isEqualTo(120.0);
        assertThat(c.clause("LC-JNT-02").measurements().stream().filter(m -> m.verdict() == Verdict.FAIL))
                .extracting(Measurement::subject).containsExactly("left_hip_pitch");
        // no touchable surface sits on that actuator
        assertThat(c.verdict("AP-HOT-01")).isEqualTo(Verdict.PASS);
        assertThat(c.verdict("AP-HOT-02")).isEqualTo(Verdict.PASS);
    }

    @Test
    void lcJnt02IsInconclusiveWithoutTemperatures() {
        RecordedCertification c = certify("no-temperatures", WALK.omit("/temperatures"));
        assertThat(c.verdict("LC-JNT-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("LC-JNT-02")).contains("has no message on /temperatures (role temperatures)");
    }

    // ---- LC-JNT-03: joint velocity, peak and RMS effort ----

    @Test
    void lcJnt03PassesWithinEveryJointsRatings() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("LC-JNT-03")).as(c.reason("LC-JNT-03")).isEqualTo(Verdict.PASS);
        // 20 joints, three limits each
        assertThat(c.clause("LC-JNT-03").measurements()).hasSize(60);
        Measurement rms = c.measurement("LC-JNT-03", "largest RMS joint effort");
        assertThat(rms.limit().source()).contains("joints[").contains("].continuousEffort");
    }

    @Test
    void lcJnt03FailsWhenAJointRunsFasterThanItsLimit() {
        RecordedCertification c = certify("overspeed", WALK.fault(0, Fault.JOINT_OVERSPEED)
                .at(2_000, new Command.MoveJoint("left_shoulder_pitch", 2.4, 12.0)));
        assertThat(c.verdict("LC-JNT-03")).isEqualTo(Verdict.FAIL);
        Measurement shoulder = worst(c, "LC-JNT-03");
        assertThat(shoulder.quantity()).isEqualTo("largest |joint velocity|");
        assertThat(shoulder.subject()).isEqualTo("left_shoulder_pitch");
        assertThat(shoulder.measured()).isGreaterThan(8.0);
        assertThat(shoulder.limit().source()).contains("joints[left_shoulder_pitch].maxVelocity");
    }

    @Test
    void lcJnt03IsInconclusiveWhenTheRunIsShorterThanTheRmsWindow() {
        RecordedCertification c = certify("short", Scenario.until(3_000).at(200, new Command.Start()));
        assertThat(c.verdict("LC-JNT-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("LC-JNT-03")).contains("left_hip_yaw's efforts span only ").contains("less than one window of 5000 ms");
    }

    // ---- AP-BATT-01: battery ----

    @Test
    void apBatt01PassesWithinThePacksLimits() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("AP-BATT-01")).as(c.reason("AP-BATT-01")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("AP-BATT-01").measurements()).hasSize(6);
        assertThat(c.measurement("AP-BATT-01", "largest battery temperature").measured()).isEqualTo(31.0);
        assertThat(c.measurement("AP-BATT-01", "largest battery charge current").measured()).isNegative();
    }

    @Test
    void apBatt01FailsWhenThePackOverheats() {
        RecordedCertification c = certify("battery-overheat", WALK.fault(0, Fault.BATTERY_OVERHEAT));
        assertThat(c.verdict("AP-BATT-01")).isEqualTo(Verdict.FAIL);
        Measurement pack = worst(c, "AP-BATT-01");
        assertThat(pack.quantity()).isEqualTo("largest battery temperature");
        // 31 degC + 15 K/s: 90 degC, the fault's ceiling, after 3.9 s
        assertThat(pack.measured()).isEqualTo(90.0);
    }

    @Test
    void apBatt01IsInconclusiveWithoutBatteryState() {
        RecordedCertification c = certify("no-battery", WALK.omit("/battery"));
        assertThat(c.verdict("AP-BATT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-BATT-01")).contains("has no message on /battery (role battery)");
    }

    // ---- AP-SCOPE-01: base speed ----

    @Test
    void apScope01PassesWhenTheBaseWalksSlowly() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("AP-SCOPE-01")).as(c.reason("AP-SCOPE-01")).isEqualTo(Verdict.PASS);
        Measurement base = worst(c, "AP-SCOPE-01");
        assertThat(base.subject()).isEqualTo("base");
        // 0.5 m/s = 1.8 km/h, plus the gait's sway and the twist's noise
        assertThat(base.measured()).isBetween(1.7, 2.5);
        assertThat(base.unit()).isEqualTo("km/h");
    }

    @Test
    void apScope01FailsWhenTheBaseRunsFasterThan20KmH() {
        RecordedCertification c = certify("runaway", Scenario.until(9_000)
                .at(200, new Command.Start())
                .fault(500, Fault.WALK_SPEED_CAP_OFF)
                .at(1_000, new Command.Walk(7.0, 0, 0)));
        assertThat(c.verdict("AP-SCOPE-01")).isEqualTo(Verdict.FAIL);
        assertThat(worst(c, "AP-SCOPE-01").measured()).isGreaterThan(20.0);
    }

    @Test
    void apScope01IsInconclusiveWithoutOdometry() {
        RecordedCertification c = certify("no-odometry", WALK.omit("/odom"));
        assertThat(c.verdict("AP-SCOPE-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-SCOPE-01")).contains("has no message on /odom (role odometry)");
    }

    // ---- AP-HOT-01 and AP-HOT-02: surfaces ----

    @Test
    void apHot01PassesWhenTheHeldSurfacesStayCool() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("AP-HOT-01")).as(c.reason("AP-HOT-01")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("AP-HOT-01").measurements()).extracting(Measurement::subject)
                .containsExactlyInAnyOrder("left_palm", "right_palm");
        assertThat(worst(c, "AP-HOT-01").limit().evidence()).isEqualTo("K");
        assertThat(worst(c, "AP-HOT-01").limit().value()).isEqualTo(43);
    }

    @Test
    void apHot01FailsWhenAHeldSurfaceIsHot() {
        RecordedCertification c = certify("hot-surface", WALK.fault(0, Fault.HOT_SURFACE));
        assertThat(c.verdict("AP-HOT-01")).isEqualTo(Verdict.FAIL);
        // 25 degC + 40 K
        assertThat(worst(c, "AP-HOT-01").measured()).isBetween(65.0, 65.1);
    }

    @Test
    void apHot01IsInconclusiveWithoutTemperatures() {
        RecordedCertification c = certify("no-temperatures", WALK.omit("/temperatures"));
        assertThat(c.verdict("AP-HOT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-HOT-01")).contains("has no message on /temperatures (role temperatures)");
    }

    @Test
    void apHot02PassesWhenTheCoversStayCool() {
        RecordedCertification c = healthy();
        assertThat(c.verdict("AP-HOT-02")).as(c.reason("AP-HOT-02")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("AP-HOT-02").measurements()).extracting(m -> m.subject() + " " + m.limit().value())
                .containsExactlyInAnyOrder("left_knee_cover 55.0", "right_knee_cover 55.0", "torso_cover 70.0");
        assertThat(c.clause("AP-HOT-02").measurements()).allSatisfy(m -> assertThat(m.limit().evidence()).isEqualTo("C2"));
    }

    @Test
    void apHot02FailsWhenAMetalCoverIsHot() {
        RecordedCertification c = certify("hot-surface", WALK.fault(0, Fault.HOT_SURFACE));
        assertThat(c.verdict("AP-HOT-02")).isEqualTo(Verdict.FAIL);
        // the metal knee covers at 65 degC fail 55 degC; the plastic torso cover at 65 degC stays within 70 degC
        assertThat(c.clause("AP-HOT-02").measurements().stream().filter(m -> m.verdict() == Verdict.FAIL))
                .extracting(Measurement::subject).containsExactlyInAnyOrder("left_knee_cover", "right_knee_cover");
    }

    @Test
    void apHot02IsInconclusiveWithoutTemperatures() {
        RecordedCertification c = certify("no-temperatures", WALK.omit("/temperatures"));
        assertThat(c.verdict("AP-HOT-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-HOT-02")).contains("has no message on /temperatures (role temperatures)");
    }
}
