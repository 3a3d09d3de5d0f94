package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input matrix: profiles and recordings broken the ways a lab's files break (cut,
 * garbage, typos, duplicate keys, impossible values, huge lines, not UTF-8, not a file), each
 * given to {@code hcert certify} as a user would. Whatever the input, hcert must answer within a
 * minute, never with a stack trace, never exit 0 (a CONFORMANT robot from a broken file is a false
 * PASS) or 1 (a defect of hcert's), and name the file. A profile's fault is exit 2 before anything
 * is judged; a recording's leaves a certificate that is not CONFORMANT, with the reason.
 *
 * <p>The table of what hcert answered is written to {@code runner/target/hostile-input-matrix.md}
 * (docs/robustness.md shows it): {@code mvn -B -ntp verify -pl runner -Dit.test=HostileInputMatrixIT}.
 */
class HostileInputMatrixIT {

    private static final Path RECORDINGS = Path.of("../samples/recordings");
    private static final Path CONFORMANT = RECORDINGS.resolve("conformant.ndjson");

    @TempDir
    Path dir;

    /** One broken input: what it is, which file it is, and the command line that gives it to hcert. */
    private record Case(String what, Path file, List<String> args) {}

    private Case profile(String what, String role, Path file) {
        String robot = role.equals("robot") ? file.toString() : CertifyCommandIT.ROBOT;
        String standard = role.equals("standard") ? file.toString() : CertifyCommandIT.STANDARD;
        String lab = role.equals("lab") ? file.toString() : CertifyCommandIT.LAB;
        return new Case(what, file, List.of("certify", "--robot", robot, "--standard", standard, "--lab", lab, "--recording",
                CONFORMANT.toString(), "--out", dir.resolve("out-" + file.getFileName()).toString(), "--no-html"));
    }

    private Case recording(String what, Path file) {
        return new Case(what, file, List.of("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", file.toString(), "--out", dir.resolve("out-" + file.getFileName()).toString(),
                "--no-html"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    /** The conformant recording with its line {@code n} (1-based) replaced. */
    private Path ndjsonWithLine(String name, int n, java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(CONFORMANT, StandardCharsets.UTF_8));
        lines.set(n - 1, change.apply(lines.get(n - 1)));
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private List<Case> cases() throws IOException {
        String robot = read(CertifyCommandIT.ROBOT);
        String standard = read(CertifyCommandIT.STANDARD);
        String lab = read(CertifyCommandIT.LAB);
        List<Case> c = new ArrayList<>();
        c.add(profile("robot profile: a joint limit given twice (upper: 0.5 ... upper: 9.9)", "robot", write("dup-key.yaml",
                robot.replaceFirst("upper: 0.5,", "upper: 0.5, upper: 9.9,"))));
        c.add(profile("robot profile: a second YAML document", "robot", write("two-docs.yaml", robot + "\n---\nname: other\n")));
        c.add(profile("robot profile: empty file", "robot", write("empty.yaml", "")));
        c.add(profile("robot profile: random bytes", "robot", write("garbage.yaml", new Random(7).ints(4096, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> a.write(b.toByteArray(), 0, b.size()))
                .toByteArray())));
        c.add(profile("robot profile: 5 MiB (over the 4 MiB limit)", "robot", write("huge.yaml", robot + "#" + "x".repeat(5 << 20) + "\n")));
        c.add(profile("robot profile: nested 100 deep", "robot", write("deep.yaml", "a: " + "[".repeat(100) + "]".repeat(100) + "\n")));
        c.add(profile("robot profile: an alias bomb", "robot", write("bomb.yaml", aliasBomb())));
        c.add(profile("robot profile: a folder", "robot", Files.createDirectories(dir.resolve("a-folder.yaml"))));
        c.add(profile("robot profile: does not exist", "robot", dir.resolve("missing.yaml")));
        c.add(profile("standard profile: a limit name misspelt (stopTim)", "standard", write("typo.yaml",
                standard.replaceFirst("stopTime:", "stopTim:"))));
        c.add(profile("standard profile: a time limit in metres", "standard", write("unit.yaml", standard.replaceFirst(
                "maxSampleGap: \\{value: ([0-9.]+), unit: s", "maxSampleGap: {value: $1, unit: m"))));
        c.add(profile("lab profile: calibrationDue: 2026-13-45", "lab", write("date.yaml",
                lab.replaceFirst("(?m)^(\\s+)model: hcert session recorder$", "$1model: hcert session recorder\n$1calibrationDue: 2026-13-45"))));
        c.add(recording("MCAP: empty file", write("empty.mcap", new byte[0])));
        c.add(recording("MCAP: random bytes", write("garbage.mcap", randomBytes(64 * 1024))));
        c.add(recording("MCAP: the bundled recording cut in half", cut(RECORDINGS.resolve("catalogue.mcap"), "half.mcap")));
        c.add(recording("NDJSON: random bytes", write("garbage.ndjson", randomBytes(64 * 1024))));
        c.add(recording("NDJSON: a 40 MB line", ndjsonWithLine("long-line.ndjson", 100, l -> l.replace("\"frame_id\":\"\"",
                "\"frame_id\":\"" + "x".repeat(40 << 20) + "\""))));
        c.add(recording("NDJSON: bytes that are not UTF-8", notUtf8(ndjsonWithLine("not-utf8.ndjson", 50, l -> l.replace("\"frame_id\":\"\"",
                "\"frame_id\":\"\u00ff\"")))));
        c.add(recording("NDJSON: a key given twice", ndjsonWithLine("dup-json-key.ndjson", 30, l -> l.replaceFirst("\\{\"t\":", "{\"t\":1,\"t\":"))));
        c.add(recording("NDJSON: a fractional time", ndjsonWithLine("fraction.ndjson", 30, l -> l.replaceFirst("\"t\":(\\d+)", "\"t\":$1.5"))));
        c.add(recording("NDJSON: a negative time", ndjsonWithLine("negative.ndjson", 30, l -> l.replaceFirst("\"t\":(\\d+)", "\"t\":-$1"))));
        c.add(recording("NDJSON: a velocity array shorter than the names", ndjsonWithLine("short-velocity.ndjson", 3,
                l -> l.replaceFirst("\"velocity\":\\[[^\\]]*\\]", "\"velocity\":[0.0]"))));
        c.add(recording("NDJSON: cut mid-line", cutMidLine()));
        c.add(recording("CSV: random bytes", write("garbage.csv", randomBytes(16 * 1024))));
        c.add(recording("recording: a folder of garbage", garbageFolder()));
        c.add(recording("recording: does not exist", dir.resolve("missing.mcap")));
        return c;
    }

    @Test
    void everyHostileInputIsAnsweredInWordsWithinAMinuteAndNeverAsConformant() throws Exception {
        List<Case> cases = cases();
        List<String> table = new ArrayList<>(List.of("| input | exit | what hcert said (first line) |", "|---|---|---|"));
        SoftAssertions softly = new SoftAssertions();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-input");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Case k : cases) {
                Future<CertifyCommandIT.Run> future = pool.submit(() -> CertifyCommandIT.hcert(k.args().toArray(String[]::new)));
                CertifyCommandIT.Run run;
                try {
                    run = future.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    softly.fail("%s: no answer within 60 s", k.what());
                    table.add("| %s | — | hung |".formatted(k.what()));
                    continue;
                }
                String all = run.stdout() + run.stderr();
                String said = saidFirst(run);
                table.add("| %s | %d | %s |".formatted(k.what(), run.exitCode(), said.replace("|", "\\|").replace(dir.toString(), "DIR")));
                softly.assertThat(run.exitCode()).as("%s: exit code (%s)", k.what(), said).isNotIn(ExitCodes.CONFORMANT, ExitCodes.INTERNAL_ERROR);
                softly.assertThat(all).as("%s: no stack trace", k.what()).doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(").doesNotContain("internal error");
                softly.assertThat(all).as("%s: the file is named", k.what()).contains(k.file().getFileName().toString());
                if (run.exitCode() == ExitCodes.USAGE) {
                    softly.assertThat(run.stderr()).as("%s: one sentence", k.what()).startsWith("hcert: error: ");
                } else {
                    Path certificate = Path.of(k.args().get(k.args().indexOf("--out") + 1)).resolve("certificate.json");
                    softly.assertThat(certificate).as("%s: a certificate", k.what()).exists();
                    if (Files.exists(certificate)) {
                        JsonNode c = new ObjectMapper().readTree(certificate.toFile());
                        softly.assertThat(c.path("overall").asText()).as("%s: the certificate's result", k.what()).isNotEqualTo("CONFORMANT");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.write(target.resolve("hostile-input-matrix.md"), table, StandardCharsets.UTF_8);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        softly.assertAll();
    }

    /** What hcert said first about the input: its error, or the certificate's first reason. */
    private static String saidFirst(CertifyCommandIT.Run run) {
        String source = run.stderr().isBlank() ? run.stdout() : run.stderr();
        return source.lines().filter(l -> !l.isBlank()).filter(l -> run.exitCode() == ExitCodes.USAGE || l.contains("INCONCLUSIVE")
                || l.contains("warning") || l.contains("FAIL")).findFirst().orElse(source.lines().findFirst().orElse("")).strip();
    }

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        return y.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private Path cut(Path whole, String name) throws IOException {
        byte[] all = Files.readAllBytes(whole);
        return write(name, java.util.Arrays.copyOf(all, all.length / 2));
    }

    /** Replace the character U+00FF, written as UTF-8 (C3 BF), by a lone FF byte. */
    private static Path notUtf8(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            if ((b[i] & 0xFF) == 0xC3 && i + 1 < b.length && (b[i + 1] & 0xFF) == 0xBF) {
                out.write(0xFF);
                i++;
            } else {
                out.write(b[i]);
            }
        }
        return Files.write(file, out.toByteArray());
    }

    private Path cutMidLine() throws IOException {
        Path file = dir.resolve("cut.ndjson");
        Files.copy(CONFORMANT, file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 3 + 17);
        }
        return file;
    }

    private Path garbageFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bag-of-garbage"));
        Files.write(folder.resolve("metadata.yaml"), randomBytes(2048));
        Files.write(folder.resolve("bag_0.db3"), randomBytes(8192));
        return folder;
    }
}
