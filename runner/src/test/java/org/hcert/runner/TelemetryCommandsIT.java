package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.telemetry.mapping.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hcert telemetry inspect}, {@code hcert telemetry convert} and {@code hcert profile init} end to end. */
class TelemetryCommandsIT {

    private static final String SMALL = """
            {"t":1000000000,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"name":["knee"],"position":[0.5]}}
            {"t":1000000000,"topic":"/safety/state","type":"hcert/msg/SafetyState","msg":{"mode":"auto","estop":false,"protective_stop":false,"drive_enabled":true}}
            {"t":1010000000,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"name":["knee"],"position":[0.6]}}
            {"t":1020000000,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"name":["knee"],"position":[0.7]}}
            {"t":1050000000,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"name":["knee"],"position":[0.4]}}
            {"t":1100000000,"topic":"/chatter","type":"std_msgs/msg/String","msg":{"data":"hi"}}
            """;

    @TempDir
    Path dir;

    private Path small() throws IOException {
        Path f = dir.resolve("small.ndjson");
        Files.writeString(f, SMALL);
        return f;
    }

    @Test
    void inspectPrintsTopicsRatesGapsAndTheRoleMapping() throws IOException {
        Path f = small();
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "inspect", f.toString(), "--robot", CertifyCommandIT.ROBOT);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).isEqualTo("""
                recording: %s
                messages:  6 on 3 topics
                span:      1970-01-01T00:00:01Z to 1970-01-01T00:00:01.100Z (0.100 s)

                topic          type                        encoding  messages  rate Hz  largest gaps (ms, ending at s from start)
                /joint_states  sensor_msgs/msg/JointState  json             4    60.00  30.0 @ 0.050, 10.0 @ 0.010, 10.0 @ 0.020
                /safety/state  hcert/msg/SafetyState       json             1        -
                /chatter       std_msgs/msg/String         json             1        -

                robot profile: %s
                role          topic            messages  status
                joints        /joint_states           4  ok
                imu           /imu/torso              0  missing
                odometry      /odom                   0  missing
                wrenches      /wrist/left/ft          0  missing
                wrenches      /wrist/right/ft         0  missing
                safety_state  /safety/state           1  ok
                events        /events                 0  missing
                battery       /battery                0  missing
                temperatures  /temperatures           0  missing
                not mapped to any role: /chatter
                """.formatted(f, CertifyCommandIT.ROBOT));
    }

    @Test
    void inspectCountsAnIndexedMcapFromItsIndexesAsAFullReadWouldAndReportsACutCopyAsDamaged() throws IOException {
        // the bundled catalogue recording: counts, spans and gaps from the message indexes equal those of the NDJSON read whole
        Path ndjson = dir.resolve("catalogue.ndjson");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", "../samples/recordings/catalogue.mcap", ndjson.toString()).exitCode())
                .isZero();
        String fromIndexes = CertifyCommandIT.hcert("telemetry", "inspect", "../samples/recordings/catalogue.mcap", "--json").stdout();
        String fromReading = CertifyCommandIT.hcert("telemetry", "inspect", ndjson.toString(), "--json").stdout();
        assertThat(withoutEncodings(fromIndexes).replace("../samples/recordings/catalogue.mcap", "X"))
                .isEqualTo(withoutEncodings(fromReading).replace(ndjson.toString(), "X"));

        byte[] whole = Files.readAllBytes(Path.of("../samples/recordings/catalogue.mcap"));
        Path cut = dir.resolve("cut.mcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "inspect", cut.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("DAMAGED").contains(cut.toString());
    }

    private static String withoutEncodings(String json) {
        return json.replaceAll("\"encoding\" : \"[^\"]*\",?", "").replaceAll("\"types\" : \\[[^]]*],?", "");
    }

    @Test
    void inspectPrintsJsonForMachines() throws IOException {
        Path mcap = dir.resolve("small.mcap");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", small().toString(), mcap.toString()).exitCode()).isZero();
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "inspect", mcap.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).startsWith("""
                {
                  "recording" : "%s",
                  "messages" : 6,
                  "startNs" : 1000000000,
                  "endNs" : 1100000000,
                  "topics" : [ {
                    "topic" : "/joint_states",
                    "types" : [ "sensor_msgs/msg/JointState" ],
                    "encoding" : "cdr/ros2msg",
                    "messages" : 4,
                    "rateHz" : 60.0,
                """.formatted(mcap)).contains("\"encoding\" : \"json/jsonschema\"");
    }

    @Test
    void convertReportsWhatItWroteAndRoundTrips() throws IOException {
        Path mcap = dir.resolve("small.mcap");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "convert", small().toString(), mcap.toString(),
                "--compression", "lz4");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).isEqualTo("""
                %s: 6 messages on 3 topics (mcap, lz4 chunks, cdr and json bodies)
                written as json (no bundled ROS 2 definition of their type): /chatter
                """.formatted(mcap));
        Path csv = dir.resolve("small.csv");
        Path back = dir.resolve("back.ndjson");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", mcap.toString(), csv.toString()).exitCode()).isZero();
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", csv.toString(), back.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(back)).hasSize(6).first().asString().startsWith(
                "{\"t\":1000000000,\"topic\":\"/joint_states\",\"type\":\"sensor_msgs/msg/JointState\",\"msg\":{\"header\":"
                        + "{\"stamp\":{\"sec\":0,\"nanosec\":0},\"frame_id\":\"\"},\"name\":[\"knee\"],\"position\":[0.5],");
    }

    @Test
    void convertGivesOneLineNamingFileLineAndColumnOnABadCsv() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "t_ns,topic,type,position[0]\n1,/j,sensor_msgs/msg/JointState,0.1\n2,/j,sensor_msgs/msg/JointState,x\n");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "convert", csv.toString(), dir.resolve("out.mcap").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).isEqualTo("hcert: error: %s:3:33: column \"position[0]\": expected a number or NaN (float64), got \"x\"\n"
                .formatted(csv));
        assertThat(dir.resolve("out.mcap")).doesNotExist();
    }

    @Test
    void convertRejectsBadArgumentsInOneLine() throws IOException {
        String in = small().toString();
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", in, "out.txt").stderr())
                .isEqualTo("hcert: error: out.txt: cannot write this format; OUT must end in .ndjson, .jsonl, .csv or .mcap\n");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", in, "out.mcap", "--encoding", "ros1").stderr())
                .isEqualTo("hcert: error: --encoding must be cdr or json, got \"ros1\"\n");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", in, in).stderr())
                .isEqualTo("hcert: error: %s: IN and OUT are the same file\n".formatted(in));
        CertifyCommandIT.Run missing = CertifyCommandIT.hcert("telemetry", "inspect", "nope.mcap");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.stderr()).isEqualTo("hcert: error: nope.mcap: recording not found\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "missing-safety-topic"})
    void profileInitDraftsAProfileThatValidates(String name) throws IOException {
        Path out = dir.resolve("robot.yaml");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("profile", "init", "--from-recording",
                CertifyCommandIT.RECORDINGS.resolve(name + ".ndjson").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stderr()).isEqualTo("hcert: wrote %s; review its TODOs before certifying\n".formatted(out));
        RobotProfile profile = ProfileLoader.loadRobot(out);
        assertThat(profile.robotClass()).isEqualTo("full-size-biped");
        assertThat(profile.joints()).hasSize(20).allSatisfy(j -> assertThat(j.lowerRad()).isLessThan(j.upperRad()));
        assertThat(profile.topics().topics(Role.JOINTS)).containsExactly("/joint_states");
        assertThat(profile.topics().topics(Role.WRENCHES)).containsExactly("/wrist/left/ft", "/wrist/right/ft");
        assertThat(Files.readString(out)).contains("  - {name: left_knee, lower: ").contains("# TODO: declare the real soft limits");
        assertThat(profile.topics().topics(Role.SAFETY_STATE)).hasSize(name.equals("conformant") ? 1 : 0);
    }

    @Test
    void profileInitGuessesOnlyFromEvidenceAndWritesWholeOrNothing() throws IOException {
        // a wheeled base whose odometry frame is on the floor (z = 0): not a walking biped, no pelvis height of 0 m
        StringBuilder wheeled = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            long t = 1_000_000_000L + i * 20_000_000L;
            wheeled.append(("{\"t\":%d,\"topic\":\"/joint_states\",\"type\":\"sensor_msgs/msg/JointState\",\"msg\":{\"name\":"
                    + "[\"left_wheel\",\"right_wheel\",\"left_shoulder\"],\"position\":[%s,%s,0.1]}}%n").formatted(t, i * 0.1, i * 0.1));
            wheeled.append(("{\"t\":%d,\"topic\":\"/odom\",\"type\":\"nav_msgs/msg/Odometry\",\"msg\":{\"pose\":{\"pose\":"
                    + "{\"position\":{\"x\":%s,\"y\":0,\"z\":0},\"orientation\":{\"x\":0,\"y\":0,\"z\":0,\"w\":1}}},"
                    + "\"twist\":{\"twist\":{\"linear\":{\"x\":0.5,\"y\":0,\"z\":0},\"angular\":{\"x\":0,\"y\":0,\"z\":0}}}}}%n")
                    .formatted(t, i * 0.01));
        }
        Path base = Files.writeString(dir.resolve("wheeled.ndjson"), wheeled);
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("profile", "init", "--from-recording", base.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("robotClass: wheeled-humanoid").doesNotContain("[walking").contains("arms")
                .doesNotContain("nominalPelvisHeight: {value: 0").contains("is not a pelvis height");

        // nothing hcert can map: a profile that validates, not a stack trace
        Path chatter = Files.writeString(dir.resolve("chatter.ndjson"),
                "{\"t\":1,\"topic\":\"/chatter\",\"type\":\"std_msgs/msg/String\",\"msg\":{\"data\":\"hi\"}}\n");
        CertifyCommandIT.Run nothing = CertifyCommandIT.hcert("profile", "init", "--from-recording", chatter.toString(), "--out",
                dir.resolve("draft.yaml").toString());
        assertThat(nothing.exitCode()).as(nothing.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("draft.yaml"))).contains("robotClass: unknown").contains("topics: {}");

        // a vendor's table with its time base: the draft keeps where the time is, and its topic is left to map by hand
        Path table = Files.writeString(dir.resolve("vendor_log.csv"), "time_us,q0\n0,0.1\n2000,0.2\n");
        CertifyCommandIT.Run tabled = CertifyCommandIT.hcert("profile", "init", "--from-recording", table.toString(), "--time-from",
                "time_us:us", "--out", dir.resolve("table.yaml").toString());
        assertThat(tabled.exitCode()).as(tabled.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("table.yaml"))).contains("recordingTime: \"time_us:us\"").contains("topics: {}");
        assertThat(ProfileLoader.loadRobot(dir.resolve("table.yaml")).topics().timeBase()).isPresent();

        // a folder that does not exist: exit 2 naming it, and no file anywhere
        Path missing = dir.resolve("no/such/folder/draft.yaml");
        CertifyCommandIT.Run refused = CertifyCommandIT.hcert("profile", "init", "--from-recording", chatter.toString(), "--out",
                missing.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).contains("no/such/folder").doesNotContain("Exception");
        assertThat(missing).doesNotExist();
    }

    @Test
    void profileInitListsCandidatesAndRefusesToOverwrite() throws IOException {
        Path f = dir.resolve("two-imus.ndjson");
        Files.writeString(f, SMALL + """
                {"t":1200000000,"topic":"/imu/head","type":"sensor_msgs/msg/Imu","msg":{}}
                {"t":1200000000,"topic":"/imu/torso","type":"sensor_msgs/msg/Imu","msg":{}}
                {"t":1300000000,"topic":"/imu/torso","type":"sensor_msgs/msg/Imu","msg":{}}
                """);
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("profile", "init", "--from-recording", f.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("  imu: [/imu/torso]  # TODO: candidates: /imu/torso (2 messages), /imu/head (1 messages); "
                + "keep the right one\n").contains("  - {name: knee, lower: 0.35, upper: 0.75}  # TODO: declare the real soft limits "
                + "(observed 0.4 .. 0.7 rad)\n");
        Path existing = small();
        CertifyCommandIT.Run refused = CertifyCommandIT.hcert("profile", "init", "--from-recording", f.toString(), "--out", existing.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).isEqualTo("hcert: error: %s: already exists; choose another --out or remove it\n".formatted(existing));
    }
}
