package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hcert.conformance.family.Families;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.LimitName;
import org.hcert.conformance.family.OptionName;
import org.hcert.conformance.run.SuiteCheck;
import org.hcert.conformance.steps.FamilyStep;
import org.hcert.conformance.steps.Glue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The requirement catalogue for people ({@code docs/catalogue.md}), the standard profile that hcert
 * runs, the registry of metric families and the features agree, and the checks that say so catch
 * each way they can come apart: every clause of the profile is a row of the catalogue with the same
 * source and the same evidence label, and the catalogue holds all 91 requirements, each once; a
 * misspelled limit name in the profile (with the name that was meant) and a limit of the wrong
 * dimension are profile errors naming file, line and field; an orphan tag, a clause without
 * scenario, a limit name or a step the clause's family does not have are problems of
 * {@link SuiteCheck} naming file and line; every step of hcert's glue names a family, limit and
 * option the registry has. Each check is shown catching its mistake in a copy of the bundled
 * profile or features, edited in a temporary folder. The family table of
 * {@code docs/adding-a-clause.md} names every family with its class, steps, summary and clauses.
 */
class CatalogueConsistencyTest {

    static final Path CATALOGUE = Path.of("../docs/catalogue.md");
    static final Path STANDARD = ProfileLoaderTest.STANDARD;
    static final Path FEATURES = Path.of("../features");

    /** A requirement row: {@code | ID | Source | What is measured | Pass criterion | Signals | Evidence |}. */
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]+-[A-Z]+-[0-9]+) \\|(.*)\\|\\s*$");

    @TempDir
    Path dir;

    record Row(String id, String source, String evidence, int line) {}

    static Map<String, Row> rows(Path catalogue) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(catalogue);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String[] cells = m.group(2).split("(?<!\\\\)\\|", -1);
            assertThat(cells).as("%s:%d: a requirement row has 6 cells", catalogue, i + 1).hasSize(5);
            Row row = new Row(m.group(1), unescape(cells[0]), unescape(cells[4]), i + 1);
            Row before = rows.put(row.id(), row);
            assertThat(before).as("%s:%d: %s is listed twice", catalogue, i + 1, row.id()).isNull();
        }
        return rows;
    }

    private static String unescape(String cell) {
        return cell.strip().replace("\\|", "|");
    }

    /** Every way in which {@code standard} disagrees with the catalogue, one line each. */
    static List<String> disagreements(StandardProfile standard, Map<String, Row> catalogue) {
        List<String> problems = new ArrayList<>();
        for (Clause clause : standard.clauses()) {
            Row row = catalogue.get(clause.id());
            if (row == null) {
                problems.add("clause %s of %s is not in the catalogue".formatted(clause.id(), standard.file().path()));
                continue;
            }
            if (!row.source().equals(clause.source())) {
                problems.add("clause %s: source '%s' in the profile, '%s' in the catalogue (line %d)"
                        .formatted(clause.id(), clause.source(), row.source(), row.line()));
            }
            if (!row.evidence().equals(clause.evidence())) {
                problems.add("clause %s: evidence '%s' in the profile, '%s' in the catalogue (line %d)"
                        .formatted(clause.id(), clause.evidence(), row.evidence(), row.line()));
            }
        }
        return problems;
    }

    @Test
    void catalogueHoldsEveryRequirementOnce() throws IOException {
        Map<String, Row> rows = rows(CATALOGUE);
        assertThat(rows).hasSize(91);
        assertThat(rows.keySet()).contains("SE-ESTOP-01", "SE-BAL-01", "LC-JNT-01", "CYB-SURF-01", "AI-OTA-01");
    }

    @Test
    void everyClauseOfTheStandardProfileIsInTheCatalogueWithTheSameSourceAndEvidence() throws IOException {
        StandardProfile standard = ProfileLoader.loadStandard(ProfileLoaderTest.STANDARD);
        assertThat(standard.clauses()).isNotEmpty();
        assertThat(disagreements(standard, rows(CATALOGUE))).isEmpty();
    }

    @Test
    void reportsAClauseWhoseEvidenceOrSourceDiffersOrThatIsMissing() throws IOException {
        String text = Files.readString(ProfileLoaderTest.STANDARD);
        String changed = text
                .replaceFirst("evidence: C \\(item\\); D\\n", "evidence: C\n")
                .replaceFirst("source: ISO 13850; IEC 60204-1\\n", "source: ISO 13850\n")
                .replaceFirst("- id: SE-BAL-01\\n", "- id: SE-BAL-99\n");
        assertThat(changed).isNotEqualTo(text);
        Path file = dir.resolve("standard.yaml");
        Files.writeString(file, changed);
        List<String> problems = disagreements(ProfileLoader.loadStandard(file), rows(CATALOGUE));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("clause SE-ESTOP-02: source 'ISO 13850' in the profile, 'ISO 13850; IEC 60204-1' in the catalogue");
        assertThat(problems.get(1)).startsWith("clause LC-JNT-01: evidence 'C' in the profile, 'C (item); D' in the catalogue");
        assertThat(problems.get(2)).startsWith("clause SE-BAL-99 of ").endsWith(" is not in the catalogue");
    }

    // ---- The profile against the registry: refused when it is loaded (hcert: exit code 2) ----

    /** A copy of the bundled standard profile, with {@code from} (found exactly once) replaced by {@code to}. */
    private Path standardWith(String from, String to) throws IOException {
        String text = Files.readString(STANDARD);
        assertThat(text.split(Pattern.quote(from), -1)).as("%s occurs once in %s", from, STANDARD).hasSize(2);
        Path file = dir.resolve("heis-2026.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /** The 1-based line of {@code file} that contains {@code text}; it must be on exactly one line. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(i + 1);
            }
        }
        assertThat(found).as("lines of %s holding %s", file, text).hasSize(1);
        return found.get(0);
    }

    /** The position of clause {@code id} among the clauses of {@code profile}: the n of {@code clauses[n]}. */
    private static int indexOf(Path profile, String id) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(profile)) {
            if (line.equals("  - id: " + id)) {
                return n;
            }
            if (line.startsWith("  - id: ")) {
                n++;
            }
        }
        throw new AssertionError("no clause " + id + " in " + profile);
    }

    /** The message of the profile error that loading {@code file} raises. */
    private static String loadError(Path file) {
        try {
            ProfileLoader.loadStandard(file);
        } catch (ProfileException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isPositive();
            return e.getMessage();
        }
        throw new AssertionError("standard profile " + file + " loaded without an error");
    }

    @Test
    void aMisspelledLimitNameIsAProfileErrorNamingFileLineFieldAndTheNameMeant() throws IOException {
        Path file = standardWith("      stopTime: {declared: protectiveStopTime,", "      stopTme: {declared: protectiveStopTime,");
        assertThat(loadError(file)).isEqualTo(file + ":" + lineOf(file, "stopTme:") + ": clauses[" + indexOf(file, "SE-PSTOP-01")
                + "].limits.stopTme: family stop-response has no limit stopTme (did you mean stopTime?); "
                + "its limits are stopTime, driveEnabledAtEnd, faultEvents");
    }

    @Test
    void aMisspelledLimitNameFarFromAnyIsRefusedWithoutAGuess() throws IOException {
        Path file = standardWith("      jointOverrun: {value: 0, unit: rad,", "      overshoot: {value: 0, unit: rad,");
        assertThat(loadError(file)).isEqualTo(file + ":" + lineOf(file, "overshoot:") + ": clauses[" + indexOf(file, "LC-JNT-01")
                + "].limits.overshoot: family joint-range has no limit overshoot; its limits are jointOverrun");
    }

    @Test
    void aStopTimeInMetresIsAProfileErrorNamingFileLineAndTheUnitsThatFit() throws IOException {
        Path file = standardWith("      stopTime: {declared: stopTime, comparison: at-most, evidence: D}",
                "      stopTime: {value: 0.5, unit: m, comparison: at-most, evidence: D}");
        assertThat(loadError(file)).isEqualTo(file + ":" + lineOf(file, "stopTime: {value: 0.5, unit: m,") + ": clauses["
                + indexOf(file, "SE-ESTOP-01") + "].limits.stopTime.unit: limit stopTime is a time, but m is a length; "
                + "use one of s, ms, us, min, h, a");
    }

    @Test
    void aFrameSpeedInMillimetresIsAProfileErrorAsWell() throws IOException {
        Path file = standardWith("      frameSpeed: {value: 250, unit: mm/s,", "      frameSpeed: {value: 250, unit: mm,");
        assertThat(loadError(file)).isEqualTo(file + ":" + lineOf(file, "frameSpeed: {value: 250, unit: mm,") + ": clauses["
                + indexOf(file, "SE-SPD-01") + "].limits.frameSpeed.unit: limit frameSpeed is a speed, but mm is a length; "
                + "use one of m/s, mm/s, km/h");
    }

    // ---- The features against the profile and the registry: SuiteCheck ----

    private static StandardProfile standard() {
        return ProfileLoader.loadStandard(STANDARD);
    }

    /** A copy of the bundled features, with {@code from} (found exactly once) replaced by {@code to} in {@code feature}. */
    private Path featuresWith(String feature, String from, String to) throws IOException {
        Path copy = dir.resolve("features");
        try (Stream<Path> files = Files.walk(FEATURES)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(FEATURES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path file = copy.resolve(feature);
        String text = Files.readString(file);
        assertThat(text.split(Pattern.quote(from), -1)).as("%s occurs once in %s", from, file).hasSize(2);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private static List<String> check(Path features, StandardProfile standard) throws IOException {
        return SuiteCheck.check(SuiteCheck.read(features), standard);
    }

    @Test
    void theCopiedFeaturesAgreeWithTheProfileBeforeAnyEdit() throws IOException {
        featuresWith("safety-and-ethics/protective-stop.feature", "@SE-PSTOP-01\n", "@SE-PSTOP-01\n");
        assertThat(check(dir.resolve("features"), standard())).isEmpty();
    }

    @Test
    void anOrphanTagIsNamedWithItsFileAndLineAndTheClauseItLeftWithoutScenario() throws IOException {
        Path file = featuresWith("safety-and-ethics/protective-stop.feature", "  @SE-PSTOP-01\n", "  @SE-PSTOP-10\n");
        assertThat(check(dir.resolve("features"), standard())).containsExactly(
                file + ":" + lineOf(file, "Scenario: Standstill within the declared protective stopping time")
                        + ": scenario \"Standstill within the declared protective stopping time\" cites clause SE-PSTOP-10, "
                        + "which standard profile " + STANDARD + " does not have",
                STANDARD + ":" + lineOf(STANDARD, "  - id: SE-PSTOP-01") + ": clause SE-PSTOP-01 has no scenario tagged @SE-PSTOP-01 in the features");
    }

    @Test
    void aSecondTagCitingAClauseTheProfileLacksIsAnOrphanToo() throws IOException {
        Path file = featuresWith("limbs-and-components/actuator-temperature.feature", "  @LC-JNT-02\n", "  @LC-JNT-02 @LC-JNT-09\n");
        assertThat(check(dir.resolve("features"), standard())).containsExactly(
                file + ":" + lineOf(file, "Scenario: Every actuator stays below its declared maximum temperature")
                        + ": scenario \"Every actuator stays below its declared maximum temperature\" cites clause LC-JNT-09, "
                        + "which standard profile " + STANDARD + " does not have");
    }

    @Test
    void aClauseAddedToTheProfileWithoutAScenarioIsNamedWithItsLine() throws IOException {
        String text = Files.readString(STANDARD);
        String pstop = text.substring(text.indexOf("  - id: SE-PSTOP-01\n"), text.indexOf("  - id: SE-NSTOP-01\n"));
        Path file = dir.resolve("heis-2026.yaml");
        Files.writeString(file, text + "\n" + pstop.replace("SE-PSTOP-01", "SE-PSTOP-02"));
        assertThat(check(FEATURES, ProfileLoader.loadStandard(file))).containsExactly(
                file + ":" + lineOf(file, "  - id: SE-PSTOP-02") + ": clause SE-PSTOP-02 has no scenario tagged @SE-PSTOP-02 in the features");
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {
        "safety-and-ethics/protective-stop.feature | \"stopTime\" | \"stopTim\" | limit \"stopTim\" is not a limit of family stop-response (its limits: stopTime, driveEnabledAtEnd, faultEvents)",
        "limbs-and-components/actuator-temperature.feature | \"jointTemperature\" | \"jointTemprature\" | limit \"jointTemprature\" is not a limit of family signal-bound (its limits: jointTemperature, ",
        "limbs-and-components/actuator-temperature.feature | \"jointTemperature\" | \"baseSpeed\" | clause LC-JNT-02 gives no limit baseSpeed in the standard profile",
        "basic-commonality/declaration-manifest.feature | \"jointsBeyondDof\" | \"jointsBeyondDOF\" | limit \"jointsBeyondDOF\" is not a limit of family declaration (its limits: ",
    })
    void aLimitNameTheRegistryOrTheClauseDoesNotKnowIsNamedWithItsFileAndLine(String feature, String from, String to, String problem)
            throws IOException {
        Path file = featuresWith(feature, "the limit " + from, "the limit " + to);
        assertThat(check(dir.resolve("features"), standard())).singleElement().asString()
                .startsWith(file + ":" + lineOf(file, "the limit " + to) + ": " + problem);
    }

    @Test
    void aStepOfAnotherFamilyIsNamedWithItsFileAndLineAndBothFamilies() throws IOException {
        Path file = featuresWith("safety-and-ethics/protective-stop.feature",
                "Then all joints and the base reach standstill within the limit \"stopTime\"",
                "Then the trunk tilt stays within the limit \"trunkTilt\"");
        assertThat(check(dir.resolve("features"), standard())).containsExactly(
                file + ":" + lineOf(file, "Then the trunk tilt") + ": step \"the trunk tilt stays within the limit \"trunkTilt\"\" "
                        + "belongs to family posture-after-stop, but clause SE-PSTOP-01 is judged by family stop-response");
    }

    // ---- hcert's glue against the registry ----

    /** Every way in which the {@link FamilyStep}s of {@code stepClasses} name a family, limit or option the registry lacks. */
    static List<String> glueProblems(List<Class<?>> stepClasses) {
        List<String> problems = new ArrayList<>();
        for (Class<?> c : stepClasses) {
            for (Method m : c.getMethods()) {
                FamilyStep step = m.getAnnotation(FamilyStep.class);
                if (step == null) {
                    continue;
                }
                String at = c.getSimpleName() + "." + m.getName();
                Optional<Family> family = Families.byName(step.family());
                if (family.isEmpty()) {
                    problems.add("%s: family %s is not in the registry%s".formatted(at, step.family(),
                            Suggest.closest(step.family(), Families.names())));
                    continue;
                }
                List<String> limits = family.get().limits().stream().map(LimitName::name).toList();
                if (!step.limit().isEmpty() && !step.limit().equals(FamilyStep.ANY) && !limits.contains(step.limit())) {
                    problems.add("%s: family %s has no limit %s%s".formatted(at, step.family(), step.limit(),
                            Suggest.closest(step.limit(), limits)));
                }
                List<String> options = family.get().options().stream().map(OptionName::name).toList();
                if (!step.option().isEmpty() && !options.contains(step.option())) {
                    problems.add("%s: family %s has no option %s%s".formatted(at, step.family(), step.option(),
                            Suggest.closest(step.option(), options)));
                }
            }
        }
        return problems.stream().sorted().toList();
    }

    @Test
    void everyStepOfHcertsGlueNamesAFamilyLimitAndOptionOfTheRegistry() {
        assertThat(glueProblems(Glue.STEP_CLASSES)).isEmpty();
        assertThat(Glue.STEP_CLASSES.stream().flatMap(c -> Stream.of(c.getMethods()))
                .map(m -> m.getAnnotation(FamilyStep.class)).filter(s -> s != null).map(FamilyStep::family).distinct().sorted())
                .as("every family of the registry has steps").containsExactlyElementsOf(Families.names().stream().sorted().toList());
    }

    /** Steps as a careless author might write them. */
    public static final class MisnamedSteps {
        @FamilyStep(family = "stop-respons")
        public void aFamilyMisspelled() {}

        @FamilyStep(family = "stop-response", limit = "stopTme")
        public void aLimitMisspelled(String limit) {}

        @FamilyStep(family = "joint-range", option = "trigger")
        public void anOptionOfAnotherFamily() {}

        @FamilyStep(family = "signal-bound", limit = FamilyStep.ANY)
        public void anyLimit(String limit) {}
    }

    @Test
    void aStepNamingAFamilyLimitOrOptionTheRegistryLacksIsNamed() {
        assertThat(glueProblems(List.of(MisnamedSteps.class))).containsExactly(
                "MisnamedSteps.aFamilyMisspelled: family stop-respons is not in the registry (did you mean stop-response?)",
                "MisnamedSteps.aLimitMisspelled: family stop-response has no limit stopTme (did you mean stopTime?)",
                "MisnamedSteps.anOptionOfAnotherFamily: family joint-range has no option trigger");
    }

    // ---- docs/adding-a-clause.md against the registry and the profile ----

    static final Path ADDING_A_CLAUSE = Path.of("../docs/adding-a-clause.md");

    /** A row of the family table: {@code | `name` | `Class` | `Steps` | summary | clause, clause |}. */
    private static final Pattern FAMILY_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| `(\\w+)` \\| `(\\w+)` \\| (.+) \\| ([A-Z0-9, -]+) \\|$");

    @Test
    void theGuideToAddingAClauseNamesEveryFamilyWithItsClassStepsSummaryAndClauses() throws IOException {
        StandardProfile standard = standard();
        List<String> text = Files.readAllLines(ADDING_A_CLAUSE);
        List<String> named = new ArrayList<>();
        for (String line : text) {
            Matcher m = FAMILY_ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            Family family = Families.byName(name).orElseThrow(() -> new AssertionError(ADDING_A_CLAUSE + " names family " + name
                    + ", which the registry does not have"));
            assertThat(m.group(2)).as("class of %s", name).isEqualTo(family.getClass().getSimpleName());
            Class<?> steps = Glue.STEP_CLASSES.stream().filter(c -> c.getSimpleName().equals(m.group(3))).findFirst()
                    .orElseThrow(() -> new AssertionError(m.group(3) + " is not a step class of Glue"));
            assertThat(Stream.of(steps.getMethods()).map(x -> x.getAnnotation(FamilyStep.class)).filter(x -> x != null)
                    .map(FamilyStep::family).distinct()).as("families of %s", steps.getSimpleName()).containsExactly(name);
            assertThat(m.group(4)).as("summary of %s", name).isEqualTo(family.summary());
            assertThat(m.group(5)).as("clauses of %s", name).isEqualTo(String.join(", ",
                    standard.clauses().stream().filter(c -> c.family().name().equals(name)).map(Clause::id).toList()));
            named.add(name);
        }
        assertThat(named).as("families of the table in %s", ADDING_A_CLAUSE).containsExactlyElementsOf(Families.names());
        assertThat(String.join(" ", text)).contains("hcert now runs %d of the 91 requirements, with %d families."
                .formatted(standard.clauses().size(), Families.names().size()));
    }
}
