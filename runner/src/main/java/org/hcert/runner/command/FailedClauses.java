package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.hcert.runner.UsageException;

/** The clauses of an earlier report that did not pass: what a development run re-runs with {@code --rerun-failed}. */
final class FailedClauses {

    private FailedClauses() {}

    /** The FAIL and INCONCLUSIVE clauses of the report in {@code dir} (a report folder or its certificate.json). */
    static Set<String> of(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve("certificate.json") : dir;
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--rerun-failed %s: no certificate.json there (a run that stopped early leaves none)".formatted(dir));
        }
        JsonNode certificate;
        try {
            certificate = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("--rerun-failed %s: not a certificate: %s".formatted(file, e.getMessage()));
        }
        Set<String> out = new TreeSet<>();
        for (JsonNode c : certificate.path("clauses")) {
            String verdict = c.path("verdict").asText();
            if (verdict.equals("FAIL") || verdict.equals("INCONCLUSIVE")) {
                out.add(c.path("id").asText());
            }
        }
        return out;
    }
}
