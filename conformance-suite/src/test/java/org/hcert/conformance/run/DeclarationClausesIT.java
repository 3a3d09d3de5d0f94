package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.BodyRegion;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.Side;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declaration clauses three ways: the demo robot's profile, which passes; a copy of it edited so
 * that its declaration breaks the clause's rule, which fails; and a copy that leaves the field out,
 * which is INCONCLUSIVE naming it. Each is certified with a short recording HC-1 makes on a simulated
 * clock (the declaration clauses read no telemetry, but a certification needs a recording).
 */
class DeclarationClausesIT {

    /** Start, stand 1.5 s. */
    private static final Scenario STANDING = Scenario.until(1_500).at(200, new Command.Start());

    /** Start, the test dummy's chest 0.5 m ahead of the left shoulder, the left hand pushed into it at 0.3 m/s; 4 s in all. */
    private static final Scenario PRESSING = Scenario.until(4_000)
            .at(200, new Command.Start())
            .at(200, new Command.PlaceDummy(Side.LEFT, BodyRegion.CHEST, 0.5))
            .at(300, new Command.MoveHand(Side.LEFT, 0.58, 0, 0.3));

    @TempDir
    static Path shared;

    private static Path standing;
    private static Path pressing;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws IOException {
        standing = shared.resolve("standing.ndjson");
        STANDING.writeNdjson(standing);
        pressing = shared.resolve("pressing.ndjson");
        PRESSING.writeNdjson(pressing);
    }

    /** The demo robot's profile with {@code from} replaced by {@code to} (which must occur once). */
    private Path robot(String from, String to) throws IOException {
        String text = Files.readString(RecordedCertification.HC1);
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as("occurrences of %s", from).hasSize(2);
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private static RecordedCertification certify(Path robot, Path recording) {
        return RecordedCertification.of(ProfileLoader.loadRobot(robot), recording);
    }

    private static final String ESTOP = "- {name: emergency-stop, pl: d, plr: c,";

    @Test
    void seEstop06PassesForTheDemoRobot() {
        RecordedCertification c = certify(RecordedCertification.HC1, standing);
        assertThat(c.verdict("SE-ESTOP-06")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-ESTOP-06", "declared performance level").headline())
                .isEqualTo("declared performance level (emergency-stop): PL d (limit ≥ PL c, C2)");
    }

    @Test
    void seEstop06FailsForAnEstopOfLevelB() throws IOException {
        RecordedCertification c = certify(robot(ESTOP, "- {name: emergency-stop, pl: b, plr: c,"), standing);
        assertThat(c.verdict("SE-ESTOP-06")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-ESTOP-06")).startsWith("declared performance level of emergency-stop: measured PL b, limit ≥ PL c, outside by 1 level(s)");
    }

    @Test
    void seEstop06IsInconclusiveWhenTheEstopsLevelIsNotDeclared() throws IOException {
        RecordedCertification c = certify(robot(ESTOP, "- {name: emergency-stop, plr: c,"), standing);
        assertThat(c.verdict("SE-ESTOP-06")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-ESTOP-06")).contains("declaration.safetyFunctions[0].pl (the declared performance level of emergency-stop) is not given");
    }

    @Test
    void seFs01PassesForTheDemoRobot() {
        RecordedCertification c = certify(RecordedCertification.HC1, standing);
        assertThat(c.verdict("SE-FS-01")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("SE-FS-01").measurements()).hasSize(15);
    }

    @Test
    void seFs01FailsForAnEstopWhosePfhdIsOutsideTheBandOfItsLevel() throws IOException {
        RecordedCertification c = certify(robot(ESTOP + " pfhd: {value: 5.0e-7", ESTOP + " pfhd: {value: 1.0e-6"), standing);
        assertThat(c.verdict("SE-FS-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-FS-01")).startsWith("PFH_D of emergency-stop: measured 0.000001 1/h, limit < 0.000001 1/h, outside by 0 1/h");
    }

    @Test
    void seFs01IsInconclusiveWhenTheEstopsPfhdIsNotDeclared() throws IOException {
        RecordedCertification c = certify(robot(ESTOP + " pfhd: {value: 5.0e-7, unit: 1/h},", ESTOP), standing);
        assertThat(c.verdict("SE-FS-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-FS-01")).contains("declaration.safetyFunctions[0].pfhd (the PFH_D of emergency-stop) is not given");
    }

    @Test
    void seFs02PassesForTheDemoRobot() {
        RecordedCertification c = certify(RecordedCertification.HC1, standing);
        assertThat(c.verdict("SE-FS-02")).isEqualTo(Verdict.PASS);
    }

    @Test
    void seFs02FailsForAChannelWhoseMttfdIsBeyond100Years() throws IOException {
        RecordedCertification c = certify(robot("mttfd: [{value: 50, unit: a}, {value: 50, unit: a}]",
                "mttfd: [{value: 50, unit: a}, {value: 150, unit: a}]"), standing);
        assertThat(c.verdict("SE-FS-02")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-FS-02")).startsWith("MTTF_D of emergency-stop channel 2: measured 150 a, limit ≤ 100 a, outside by 50 a");
    }

    @Test
    void seFs02IsInconclusiveWhenTheEstopsDcLevelIsNotDeclared() throws IOException {
        RecordedCertification c = certify(robot("category: 3, dcLevel: medium,\n       dc: {value: 95,", "category: 3,\n       dc: {value: 95,"),
                standing);
        assertThat(c.verdict("SE-FS-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-FS-02")).contains("declaration.safetyFunctions[0].dcLevel (the DC level of emergency-stop) is not given");
    }

    @Test
    void seCls01PassesForTheDemoRobotPressingTheDummyWithItsForceLimited() {
        RecordedCertification c = certify(RecordedCertification.HC1, pressing);
        assertThat(c.verdict("SE-CLS-01")).as(c.reason("SE-CLS-01")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("SE-CLS-01").measurements()).extracting(m -> m.limit().name())
                .containsExactlyInAnyOrder("classITcpSpeed", "classITcpSpeed", "wristForceOverrun", "wristForceOverrun");
        assertThat(c.measurement("SE-CLS-01", "recorded wrist force").measured()).isBetween(-10.0, 0.0);
    }

    @Test
    void seCls01FailsWhenTheRecordedWristForceExceedsTheDeclaredOne() throws IOException {
        Path excessive = dir.resolve("excessive.ndjson");
        PRESSING.fault(0, Fault.EXCESSIVE_CONTACT_FORCE).writeNdjson(excessive);
        RecordedCertification c = certify(RecordedCertification.HC1, excessive);
        assertThat(c.verdict("SE-CLS-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-CLS-01")).startsWith("recorded wrist force beyond the arm's declared largest force of left arm: measured ");
    }

    @Test
    void seCls01FailsForAClassIArmFasterThan250MmPerSecond() throws IOException {
        RecordedCertification c = certify(robot("{name: left, class: II,", "{name: left, class: I,"), pressing);
        assertThat(c.verdict("SE-CLS-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-CLS-01")).contains("largest TCP speed of the manipulator of left arm: measured 2000 mm/s, limit ≤ 250 mm/s");
    }

    @Test
    void seCls01IsInconclusiveWhenAnArmDeclaresNoWristTopic() throws IOException {
        RecordedCertification c = certify(robot(", wristTopic: /wrist/left/ft}", "}"), pressing);
        assertThat(c.verdict("SE-CLS-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-CLS-01")).contains("declaration.arms[0].wristTopic (the wrench topic of the left arm's wrist sensor");
    }

    @Test
    void bcCls01PassesForTheDemoRobot() {
        RecordedCertification c = certify(RecordedCertification.HC1, standing);
        assertThat(c.verdict("BC-CLS-01")).isEqualTo(Verdict.PASS);
    }

    @Test
    void bcCls01FailsForFewerDegreesOfFreedomThanDeclaredJoints() throws IOException {
        RecordedCertification c = certify(robot("  dof: 20\n", "  dof: 18\n"), standing);
        assertThat(c.verdict("BC-CLS-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("BC-CLS-01")).startsWith("joints declared beyond the declared DoF: measured 2 count, limit ≤ 0 count");
    }

    @Test
    void bcCls01IsInconclusiveNamingAFieldTheManifestLeavesOut() throws IOException {
        RecordedCertification c = certify(robot("  fallZoneRadius: {value: 2.0, unit: m}\n", ""), standing);
        assertThat(c.verdict("BC-CLS-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("BC-CLS-01")).contains("declaration.fallZoneRadius (the fall-zone radius) is not given in robot profile");
    }

    @Test
    void aSecondPublisherOnAWristTopicMakesSeCls01InconclusiveNamingTheTopic() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(pressing)) {
            lines.add(line);
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            if (n.get("topic").asText().equals("/wrist/left/ft")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("msg").get("header")).put("frame_id", "other_sensor");
                ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("msg").get("wrench").get("force")).put("x", 0.0).put("y", 0.0).put("z", 0.0);
                lines.add(json.writeValueAsString(n));
            }
        }
        Path doubled = Files.write(dir.resolve("two-wrist-publishers.ndjson"), lines);
        RecordedCertification c = certify(RecordedCertification.HC1, doubled);
        assertThat(c.verdict("SE-CLS-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-CLS-01")).contains("topic /wrist/left/ft carries more than one stream: it has 2 publishers "
                + "(frame_id \"left_wrist_ft\", frame_id \"other_sensor\")");
    }
}
