package org.hcert.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcert.conformance.live.Confirmation;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.plan.PlannedClause;
import org.hcert.conformance.profile.LabProfile;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.SchemaCheck;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.profile.Waiver;
import org.hcert.conformance.run.ClauseVerdicts;
import org.hcert.conformance.run.FeatureChanges;
import org.hcert.conformance.run.ScenarioOutcome;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;

/**
 * Build {@code certificate.json}, check it against {@code certificate.schema.json}, and write it.
 * An invalid certificate is never written: that would be a defect in hcert.
 */
public final class Certificate {

    /** Schema file of certificates: {@value}. */
    public static final String SCHEMA = "certificate.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything a certificate states. */
    public record Content(
            String hcertVersion, UUID runId, Instant issuedAt, RobotProfile robot, StandardProfile standard,
            LabProfile lab, String mode, List<ProfileFile> recordings, List<Confirmation> confirmations,
            Map<String, String> featureSha256, List<FeatureChanges.Change> featureChanges, List<String> contradictions,
            Plan plan, List<ClauseResult> results, List<ScenarioOutcome> outcomes, ClauseVerdicts.Overall overall,
            RunMode runMode) {}

    private Certificate() {}

    public static JsonNode build(Content c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "hcert/certificate/v1");
        root.put("hcertVersion", c.hcertVersion());
        root.put("runId", c.runId().toString());
        root.put("issuedAt", c.issuedAt().toString());
        ObjectNode run = root.putObject("run");
        run.put("mode", c.runMode().name()).put("statement", c.runMode().statement());
        c.runMode().profileKey().ifPresent(k -> run.put("profileKey", k));
        c.runMode().aborted().ifPresent(a -> run.put("aborted", a));
        if (!c.runMode().selectedClauses().isEmpty()) {
            ArrayNode selected = run.putArray("selectedClauses");
            c.runMode().selectedClauses().forEach(selected::add);
        }
        root.set("robot", robot(c.robot()));
        ObjectNode standard = root.putObject("standard");
        standard.put("id", c.standard().id()).put("title", c.standard().title()).put("edition", c.standard().edition());
        standard.set("profile", file(c.standard().file()));
        root.set("lab", lab(c.lab()));
        ObjectNode evidence = root.putObject("evidence");
        evidence.put("mode", c.mode());
        ArrayNode recordings = evidence.putArray("recordings");
        c.recordings().forEach(r -> recordings.add(file(r)));
        if (!c.confirmations().isEmpty()) {
            ArrayNode confirmations = evidence.putArray("confirmations");
            c.confirmations().forEach(k -> confirmations.addObject().put("instruction", k.instruction())
                    .put("operator", k.operator()).put("askedAt", k.askedAt().toString())
                    .put("confirmedAt", k.confirmedAt().toString()));
        }
        ArrayNode features = root.putArray("features");
        c.featureSha256().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> features.addObject().put("path", e.getKey()).put("sha256", e.getValue()));
        if (!c.featureChanges().isEmpty()) {
            ArrayNode changes = root.putArray("featureChanges");
            c.featureChanges().forEach(ch -> {
                ObjectNode n = changes.addObject().put("path", ch.path()).put("change", ch.change());
                if (!ch.sha256().isEmpty()) {
                    n.put("sha256", ch.sha256());
                }
                if (!ch.bundledSha256().isEmpty()) {
                    n.put("bundledSha256", ch.bundledSha256());
                }
            });
        }
        ArrayNode contradictions = root.putArray("contradictions");
        c.contradictions().forEach(contradictions::add);
        ArrayNode clauses = root.putArray("clauses");
        for (ClauseResult r : c.results()) {
            clauses.add(clause(c, r));
        }
        ArrayNode waivers = root.putArray("waivers");
        for (Waiver w : c.lab().waivers()) {
            ClauseResult r = c.results().stream().filter(x -> x.clauseId().equals(w.clause())).findFirst().orElse(null);
            ObjectNode n = waivers.addObject().put("clause", w.clause()).put("kind", w.kind()).put("reason", w.reason())
                    .put("approver", w.approver()).put("reference", w.reference());
            w.expires().ifPresent(e -> n.put("expires", e.toString()));
            n.put("verdict", r == null ? "NOT_APPLICABLE" : r.verdict().name())
                    .put("status", waiverStatus(w, r, c.issuedAt()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("pass", count(c.results(), Verdict.PASS));
        summary.put("fail", count(c.results(), Verdict.FAIL));
        summary.put("inconclusive", count(c.results(), Verdict.INCONCLUSIVE));
        summary.put("notApplicable", count(c.results(), Verdict.NOT_APPLICABLE));
        root.put("overall", c.overall().name());
        return root;
    }

    /** What a waiver amounts to in this run: never a change of verdict. */
    static String waiverStatus(Waiver w, @org.jspecify.annotations.Nullable ClauseResult r, Instant issuedAt) {
        java.time.LocalDate day = issuedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (w.expiredOn(day)) {
            return "expired on " + w.expires().orElseThrow() + ": shown, and it covers nothing";
        }
        if (r == null || r.verdict() == Verdict.NOT_APPLICABLE) {
            return "the clause does not apply to this robot";
        }
        return r.verdict() == Verdict.PASS ? "the clause passed: the " + w.kind() + " was not needed"
                : "recorded beside the verdict, which stands (" + r.verdict() + ")";
    }

    /** Validate against the schema and write; throws IllegalStateException when invalid. */
    public static void write(JsonNode certificate, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Validate against the schema and return the certificate's bytes; throws IllegalStateException when invalid. */
    public static byte[] bytes(JsonNode certificate) {
        List<SchemaCheck.Violation> violations = SchemaCheck.validate(SCHEMA, certificate);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("hcert built an invalid certificate (a defect): " + violations);
        }
        try {
            return JSON.writeValueAsBytes(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the certificate", e);
        }
    }

    private static ObjectNode robot(RobotProfile r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("manufacturer", r.identity().manufacturer()).put("model", r.identity().model())
                .put("serial", r.identity().serial()).put("firmware", r.identity().firmware())
                .put("robotClass", r.robotClass());
        ArrayNode caps = n.putArray("capabilities");
        r.capabilities().stream().sorted().forEach(caps::add);
        n.set("profile", file(r.file()));
        return n;
    }

    private static ObjectNode lab(LabProfile l) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", l.name()).put("accreditation", l.accreditation()).put("operator", l.operatorName())
                .put("operatorId", l.operatorId());
        ArrayNode instruments = n.putArray("instruments");
        l.instruments().forEach(instruments::add);
        n.set("profile", file(l.file()));
        return n;
    }

    private static ObjectNode clause(Content c, ClauseResult r) {
        PlannedClause p = c.plan().clauses().stream().filter(x -> x.clause().id().equals(r.clauseId()))
                .findFirst().orElseThrow();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.clauseId()).put("title", p.clause().title()).put("pillar", p.clause().pillar())
                .put("level", p.clause().level()).put("source", p.clause().source())
                .put("evidence", p.clause().evidence()).put("applicable", p.applicable())
                .put("applicability", p.reason()).put("verdict", r.verdict().name()).put("reason", r.reason());
        ArrayNode measurements = n.putArray("measurements");
        r.measurements().stream().filter(m -> Double.isFinite(m.measured())).forEach(m -> measurements.add(measurement(m)));
        ArrayNode scenarios = n.putArray("scenarios");
        c.outcomes().stream().filter(o -> o.clauseId().equals(r.clauseId())).forEach(o -> scenarios.addObject()
                .put("name", o.name()).put("location", o.location()).put("cucumberStatus", o.cucumberStatus())
                .put("verdict", o.verdict().name()));
        return n;
    }

    private static ObjectNode measurement(Measurement m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("quantity", m.quantity());
        if (!m.subject().isEmpty()) {
            n.put("subject", m.subject());
        }
        n.put("measured", m.measured()).put("bound", m.bound().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .put("unit", m.unit()).put("withinLimit", m.withinLimit()).put("verdict", m.verdict().name());
        if (!m.note().isEmpty()) {
            n.put("note", m.note());
        }
        n.putObject("limit").put("name", m.limit().name()).put("value", m.limit().value()).put("unit", m.limit().unit().symbol())
                .put("comparison", m.limit().comparison().key())
                .put("evidence", m.limit().evidence()).put("evidenceMeaning", m.limit().evidenceMeaning())
                .put("source", m.limit().source());
        n.putObject("window").put("startNs", m.window().startNs()).put("endNs", m.window().endNs())
                .put("start", instant(m.window().startNs())).put("end", instant(m.window().endNs()));
        n.put("source", m.source()).put("detail", m.detail());
        return n;
    }

    private static String instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }

    private static ObjectNode file(ProfileFile f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", f.path().toString()).put("sha256", f.sha256());
        return n;
    }

    private static int count(List<ClauseResult> results, Verdict v) {
        return (int) results.stream().filter(r -> r.verdict() == v).count();
    }
}
