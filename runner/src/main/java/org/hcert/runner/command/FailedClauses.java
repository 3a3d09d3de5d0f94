package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The clauses of an earlier report that did not pass: what a development run re-runs with {@code --rerun-failed}. */
final class FailedClauses {

    private FailedClauses() {}

    /** The FAIL and INCONCLUSIVE clauses of the report in {@code dir} (a report folder or its certificate.json). */
    static Set<String> of(Path dir) {
        Set<String> out = new TreeSet<>();
        for (JsonNode c : CertificateDiff.read(dir).path("clauses")) {
            String verdict = c.path("verdict").asText();
            if (verdict.equals("FAIL") || verdict.equals("INCONCLUSIVE")) {
                out.add(c.path("id").asText());
            }
        }
        return out;
    }
}
