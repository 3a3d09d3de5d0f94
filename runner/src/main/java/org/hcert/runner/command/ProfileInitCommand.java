package org.hcert.runner.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert profile init}: draft a robot profile from a recording. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert profile init --from-recording samples/recordings/catalogue.mcap --out draft-robot.yaml", "  ./hcert profile init --from-link ws://127.0.0.1:8765 --observe 10 --out draft-robot.yaml"},
        description = {
            "Draft a robot profile from a recording, or from a live robot's link watched for a while: topics mapped to roles by message type, joints with",
            "their observed ranges widened, class and capabilities guessed, identity and declared values as TODOs.",
            "The draft is checked against robot-profile.schema.json before it is written."
        })
public final class ProfileInitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source from;

    /** What the draft learns from: a recording, or a live robot's link. */
    static final class Source {
        @Option(names = "--from-recording", required = true, paramLabel = "FILE",
                description = "recording (.ndjson, .jsonl, .csv, .mcap, .db3, .bag, .hdf5, or a rosbag2 bag folder or LeRobot dataset)")
        @Nullable Path recording;

        @Option(names = "--from-link", required = true, paramLabel = "URI",
                description = "a live robot's link, e.g. ws://HOST:8765 (foxglove_bridge): its telemetry is recorded for "
                        + "--observe seconds (nothing is commanded) and the draft learns from that")
        @Nullable String link;
    }

    @Option(names = "--observe", paramLabel = "SECONDS", defaultValue = "10",
            description = "with --from-link: how long to watch the robot (default ${DEFAULT-VALUE} s, or until the link ends)")
    private long observeS;

    @Mixin
    private RecordingOptions definitions = new RecordingOptions();

    @Mixin
    private LinkTlsOptions linkTls = new LinkTlsOptions();

    @Option(names = "--out", paramLabel = "ROBOT.yaml", description = "file to write (must not exist); default: standard output")
    private @Nullable Path out;

    @Override
    public Integer call() {
        Path recording = from.recording;
        String learnedFrom = String.valueOf(recording);
        if (recording == null) {
            String link = java.util.Objects.requireNonNull(from.link);
            org.hcert.adapters.tcp.TlsSettings tls = linkTls.settingsFor(link);
            if (!(observeS > 0)) {
                throw new UsageException("--observe %d: give a number of seconds greater than zero".formatted(observeS));
            }
            try {
                recording = Files.createTempFile("hcert-profile-init-", ".mcap");
                recording.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                throw new UsageException("cannot make a temporary file for the link's telemetry: " + e.getMessage());
            }
            String described = LinkCapture.record(link, java.time.Duration.ofSeconds(observeS),
                    org.hcert.adapters.LinkOptions.defaults(), tls, recording);
            spec.commandLine().getErr().println("hcert: watched %s for up to %d s".formatted(described, observeS));
            learnedFrom = "the link %s, watched for up to %d s".formatted(described, observeS);
        }
        RecordingFiles.check(recording);
        if (out != null && Files.exists(out)) {
            throw new UsageException("%s: already exists; choose another --out or remove it".formatted(out));
        }
        TelemetrySource source = definitions.open(recording);
        List<TopicStats> topics = TopicStats.of(source);
        ProfileDraft.Mapping mapping = ProfileDraft.Mapping.guess(topics);
        RecordingFacts facts = RecordingFacts.of(source, mapping.first(Role.JOINTS), mapping.first(Role.ODOMETRY),
                mapping.first(Role.SAFETY_STATE));
        org.hcert.telemetry.TimeBase time = definitions.timeBase(null);
        String yaml = ProfileDraft.yaml(learnedFrom, mapping, facts)
                + (time == null ? "" : "recordingTime: \"%s\"  # from --time-from: where the time of a row or frame is\n"
                        .formatted(time.spec()));
        facts.undecodable().forEach((topic, why) -> spec.commandLine().getErr().println(
                "hcert: warning: %s could not be decoded, so the draft learned nothing from it: %s".formatted(topic, why)));
        if (out == null) {
            checked(yaml, null);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(yaml);
            stdout.flush();
        } else {
            checked(yaml, out);
            spec.commandLine().getErr().println("hcert: wrote %s; review its TODOs before certifying".formatted(out));
        }
        return ExitCodes.OK;
    }

    /**
     * Check that {@code yaml} loads as a robot profile, and write it to {@code target} if given:
     * written beside it under a temporary name, loaded, then moved into place, so the file is there
     * whole or not at all (and never replaces one that appeared meanwhile).
     */
    private static void checked(String yaml, @Nullable Path target) {
        Path dir = target == null ? null : target.toAbsolutePath().getParent();
        Path file = null;
        try {
            file = dir == null ? Files.createTempFile("hcert-draft-", ".yaml") : Files.createTempFile(dir, ".hcert-draft-", ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            ProfileLoader.loadRobot(file);
            if (target != null) {
                Files.move(file, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                file = null;
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UsageException("%s: already exists; choose another --out or remove it".formatted(target));
        } catch (IOException e) {
            throw new UsageException("cannot write %s: %s".formatted(target == null ? "a temporary draft" : target, e.getMessage()));
        } catch (ProfileException e) {
            throw new IllegalStateException("the drafted profile does not validate: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // A leftover temporary draft is harmless.
                }
            }
        }
    }
}
