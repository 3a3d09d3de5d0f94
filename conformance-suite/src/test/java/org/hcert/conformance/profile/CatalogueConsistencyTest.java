package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requirement catalogue for people ({@code docs/catalogue.md}) and the standard profile that
 * hcert runs agree: every clause of the profile is a row of the catalogue with the same source and
 * the same evidence label, and the catalogue holds all 91 requirements, each once.
 */
class CatalogueConsistencyTest {

    static final Path CATALOGUE = Path.of("../docs/catalogue.md");

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
}
