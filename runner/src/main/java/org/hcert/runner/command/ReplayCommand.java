package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.Main;
import org.hcert.runner.UsageException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert replay DIR}: re-derive a report's verdicts from its recordings and profiles. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-run a certification from what its report names: the recordings (for a live run, the",
            "session recording in the folder) and the three profiles, each checked against the SHA-256",
            "the certificate gives, with the bundled features; then compare the verdicts and measured",
            "values clause by clause. Exit 0 when they are the same, 5 when not (each difference named),",
            "2 when an input is missing or has changed.",
            "Example: hcert replay out/demo --out out/demo-replayed"
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the report folder to replay")
    private Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "where the replay's report goes (default: a new temporary folder)")
    private @Nullable Path out;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0%",
            description = "how far a measured value may move before it counts as different (default ${DEFAULT-VALUE})")
    private String tolerance;

    @Option(names = "--robot", paramLabel = "FILE", description = "the robot profile, when it is not where the certificate says")
    private @Nullable Path robot;

    @Option(names = "--standard", paramLabel = "FILE", description = "the standard profile, when it is not where the certificate says")
    private @Nullable Path standard;

    @Option(names = "--lab", paramLabel = "FILE", description = "the lab profile, when it is not where the certificate says")
    private @Nullable Path lab;

    @Override
    public Integer call() throws Exception {
        double t = DiffCommand.tolerance(tolerance);
        JsonNode original = CertificateDiff.read(dir);
        List<String> args = new ArrayList<>(List.of("certify",
                "--robot", input(original.path("robot").path("profile"), robot, "--robot").toString(),
                "--standard", input(original.path("standard").path("profile"), standard, "--standard").toString(),
                "--lab", input(original.path("lab").path("profile"), lab, "--lab").toString()));
        for (Path r : recordings(original)) {
            args.add("--recording");
            args.add(r.toString());
        }
        Path target = out != null ? out : Files.createTempDirectory("hcert-replay-");
        args.addAll(List.of("--out", target.toString(), "--no-html", "--force"));
        PrintWriter console = spec.commandLine().getOut();
        console.println("replaying " + dir + " into " + target);
        console.flush();
        StringWriter runOut = new StringWriter();
        StringWriter runErr = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(runOut, true), new PrintWriter(runErr, true));
        if (!Files.isRegularFile(target.resolve("certificate.json"))) {
            throw new UsageException("the replay wrote no certificate (exit %d): %s".formatted(code, runErr.toString().strip()));
        }
        CertificateDiff d = CertificateDiff.of(original, CertificateDiff.read(target), t, true);
        d.toLines().forEach(console::println);
        if (original.path("featureChanges").size() > 0) {
            console.println("note: the report was made with modified features; the replay used the bundled ones");
        }
        // live, each clause judged its own trial; from the session recording it judges every window of
        // the session (an e-stop of another clause's trial too): windows only the replay judged are said,
        // and only they may differ, since the report's verdicts must hold on the whole session
        boolean session = !original.path("evidence").path("mode").asText().equals("recording");
        boolean differs = session ? !d.regressed().isEmpty() || !d.fixed().isEmpty() || !d.changedValues().isEmpty()
                || !d.windowsOnlyInA().isEmpty() || !d.onlyInA().isEmpty() || !d.onlyInB().isEmpty() : d.differs();
        if (session && !d.windowsOnlyInB().isEmpty()) {
            console.println("note: live, each clause judged its own trial; the replay judges every window of the session, so it judged "
                    + d.windowsOnlyInB().size() + " window(s) more (listed as window B)");
        }
        console.println(differs ? "NOT REPRODUCED: the replay differs from the report" : "REPRODUCED: the same verdicts and values");
        console.flush();
        return differs ? ExitCodes.VERIFY_FAILED : ExitCodes.OK;
    }

    /** A profile the certificate names, or the one given instead, checked against the certificate's hash. */
    private static Path input(JsonNode recorded, @Nullable Path given, String option) {
        Path file = given != null ? given : Path.of(recorded.path("path").asText());
        if (!Files.isRegularFile(file)) {
            throw new UsageException("%s: not found; the report was made with it (sha256 %s): give %s FILE".formatted(file,
                    recorded.path("sha256").asText(), option));
        }
        String sha = FileHashes.sha256(file);
        if (!sha.equals(recorded.path("sha256").asText())) {
            throw new UsageException("%s differs from the file the report was made with (sha256 %s, this one %s)".formatted(file,
                    recorded.path("sha256").asText(), sha));
        }
        return file;
    }

    /**
     * The recordings to give {@code --recording}: each file the certificate lists, checked against its
     * hash, a bag folder or a LeRobot dataset once by its folder; a live or observed run's session
     * recording from the report folder.
     */
    private List<Path> recordings(JsonNode original) {
        JsonNode evidence = original.path("evidence");
        boolean session = !evidence.path("mode").asText().equals("recording");
        Set<Path> out = new LinkedHashSet<>();
        for (JsonNode r : evidence.path("recordings")) {
            Path file = Path.of(r.path("path").asText());
            if (session && file.getFileName() != null && file.getFileName().toString().equals("session.mcap")) {
                file = dir.resolve("session.mcap");
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException("%s: not found; the report was made from it (sha256 %s)".formatted(file, r.path("sha256").asText()));
            }
            if (!FileHashes.sha256(file).equals(r.path("sha256").asText())) {
                throw new UsageException("%s differs from the recording the report was made from (sha256 %s)".formatted(file,
                        r.path("sha256").asText()));
            }
            out.add(recordingArgument(file));
        }
        if (out.isEmpty()) {
            throw new UsageException("%s: the certificate names no recording to replay".formatted(dir));
        }
        return List.copyOf(out);
    }

    /** A file of a bag folder or a LeRobot dataset stands for its folder. */
    private static Path recordingArgument(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return file;
        }
        if (Files.isRegularFile(parent.resolve("metadata.yaml"))) {
            return parent;
        }
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("meta/info.json"))) {
                return p;
            }
        }
        return file;
    }
}
