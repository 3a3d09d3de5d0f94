package org.hcert.runner.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.runner.ExitCodes;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert telemetry inspect}: what a recording holds, and whether it has what a robot profile maps. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert telemetry inspect samples/recordings/catalogue.mcap --robot profiles/robots/hc1-demo.yaml"},
        description = {
            "Show the topics of a recording: types, encodings, message counts, rates, time span and largest gaps.",
            "With --robot, also which topics the profile maps to which role and which are missing."
        })
public final class InspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "recording (.ndjson, .jsonl, .csv, .mcap, .db3, .bag, .hdf5, or a rosbag2 bag folder or LeRobot dataset)")
    private Path file;

    @Option(names = "--robot", paramLabel = "ROBOT.yaml", description = "robot profile whose topic mapping to check")
    private @Nullable Path robot;

    @Mixin
    private RecordingOptions definitions = new RecordingOptions();

    @Option(names = "--json", description = "print JSON instead of tables")
    private boolean json;

    @Override
    public Integer call() {
        Optional<RobotProfile> profile = Optional.ofNullable(robot).map(ProfileLoader::loadRobot);
        RecordingFiles.check(file);
        TelemetrySource source = definitions.open(file);
        List<String> damage = new ArrayList<>();
        List<TopicStats> topics = TopicStats.of(source, damage);
        damage.addAll(source.warnings());
        Encodings encodings = Encodings.of(file);
        List<RoleCheck> roles = profile.map(p -> RoleCheck.of(p, topics)).orElse(List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = json(topics, encodings, roles);
            damage.forEach(root.putArray("damage")::add);
            out.println(root.toPrettyString());
        } else {
            InspectReport.print(out, file, topics, encodings, profile.map(p -> p.file().path()), roles);
            List<TopicStats> undecodable = topics.stream().filter(t -> !t.undecodable().isEmpty()).toList();
            if (!undecodable.isEmpty()) {
                out.println();
                out.println("cannot decode (these topics can be copied to MCAP as they are, but no clause can read them):");
                undecodable.forEach(t -> out.println("  %s: %s".formatted(t.topic(), t.undecodable())));
            }
            if (!damage.isEmpty()) {
                out.println();
                out.println("DAMAGED: the recording could not be read whole; what is above is what could be read:");
                damage.forEach(d -> out.println("  " + d));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode json(List<TopicStats> topics, Encodings encodings, List<RoleCheck> roles) {
        ObjectNode root = JSON.createObjectNode();
        root.put("recording", file.toString());
        root.put("messages", topics.stream().mapToLong(TopicStats::count).sum());
        topics.stream().mapToLong(TopicStats::firstNs).min().ifPresent(v -> root.put("startNs", v));
        topics.stream().mapToLong(TopicStats::lastNs).max().ifPresent(v -> root.put("endNs", v));
        ArrayNode list = root.putArray("topics");
        for (TopicStats t : topics) {
            ObjectNode n = list.addObject();
            n.put("topic", t.topic());
            t.types().forEach(n.putArray("types")::add);
            n.put("encoding", encodings.of(t.topic()));
            n.put("messages", t.count());
            if (!t.undecodable().isEmpty()) {
                n.put("undecodable", t.undecodable());
            }
            if (!Double.isNaN(t.rateHz())) {
                n.put("rateHz", Math.round(t.rateHz() * 1000) / 1000.0);
            }
            n.put("firstNs", t.firstNs());
            n.put("lastNs", t.lastNs());
            ArrayNode gaps = n.putArray("largestGaps");
            t.largestGaps().forEach(g -> gaps.addObject().put("gapNs", g.gapNs()).put("endNs", g.endNs()));
        }
        if (robot != null) {
            ArrayNode checks = root.putArray("roles");
            for (RoleCheck r : roles) {
                ObjectNode n = checks.addObject().put("role", r.role().key()).put("topic", r.topic()).put("status", r.status());
                n.put("messages", r.messages());
            }
            ArrayNode unmapped = root.putArray("unmappedTopics");
            RoleCheck.unmapped(roles, topics).forEach(unmapped::add);
        }
        return root;
    }

    /**
     * One mapped topic of a robot profile checked against the recording.
     *
     * @param status {@code ok}, {@code missing}, or {@code wrong type: …}
     */
    record RoleCheck(Role role, String topic, long messages, String status) {

        static List<RoleCheck> of(RobotProfile profile, List<TopicStats> topics) {
            List<RoleCheck> checks = new ArrayList<>();
            for (Role role : Role.values()) {
                for (String topic : profile.topics().topics(role)) {
                    Optional<TopicStats> seen = topics.stream().filter(t -> t.topic().equals(topic)).findFirst();
                    checks.add(seen.map(t -> check(role, t)).orElse(new RoleCheck(role, topic, 0, "missing")));
                }
            }
            return checks;
        }

        private static RoleCheck check(Role role, TopicStats t) {
            List<String> wrong = t.types().stream().filter(type -> !role.types().contains(RosJsonDecoder.normalise(type))).toList();
            String status = wrong.isEmpty() ? "ok" : "wrong type %s; %s takes %s".formatted(String.join(", ", wrong),
                    role.key(), String.join(", ", role.types().stream().sorted().toList()));
            return new RoleCheck(role, t.topic(), t.count(), status);
        }

        static List<String> unmapped(List<RoleCheck> roles, List<TopicStats> topics) {
            return topics.stream().map(TopicStats::topic).filter(t -> roles.stream().noneMatch(r -> r.topic().equals(t))).toList();
        }
    }
}
