package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.family.RobotDeclaration;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;

/**
 * Read a robot profile's {@code declaration:} section (the schema has checked its shape) and check
 * what the schema cannot: every value with a unit has the dimension its field needs (a PFH_D in
 * 1/h, an MTTF_D in time, a mass in kg…) and a possible value (a PFH_D above zero, a DC of at most
 * 100 %, a mass above zero). A breach is a {@link ProfileException} naming the file, the line and the
 * field. A field that is left out stays out: the clauses that need it say so.
 */
final class DeclarationLoader {

    private final YamlDocument doc;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private DeclarationLoader(YamlDocument doc) {
        this.doc = doc;
    }

    static RobotDeclaration load(YamlDocument doc) {
        JsonNode d = doc.root().get("declaration");
        if (d == null || d.isNull()) {
            return RobotDeclaration.NONE;
        }
        return new DeclarationLoader(doc).declaration(d);
    }

    private RobotDeclaration declaration(JsonNode d) {
        String at = "/declaration";
        Optional<Integer> dof = Optional.empty();
        if (d.has("dof")) {
            seen(at + "/dof");
            dof = Optional.of(d.get("dof").asInt());
        }
        List<RobotDeclaration.Arm> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = d.path("arms");
        for (int i = 0; i < list.size(); i++) {
            String p = at + "/arms/" + i;
            JsonNode a = list.get(i);
            String name = a.get("name").asText();
            if (!names.add("arm " + name)) {
                throw doc.error(p + "/name", "arm %s is declared twice".formatted(name));
            }
            arms.add(new RobotDeclaration.Arm(name, YamlDocument.fieldPath(p), text(p, a, "class"),
                    positive(p, a, "mass", Dimension.MASS), positive(p, a, "maxTcpSpeed", Dimension.SPEED),
                    positive(p, a, "maxForce", Dimension.FORCE), atLeastZero(p, a, "ratedPayload", Dimension.MASS),
                    text(p, a, "wristTopic")));
        }
        List<RobotDeclaration.SafetyFunction> functions = new ArrayList<>();
        list = d.path("safetyFunctions");
        for (int i = 0; i < list.size(); i++) {
            functions.add(safetyFunction(at + "/safetyFunctions/" + i, list.get(i), names));
        }
        List<RobotDeclaration.ApprovedModel> models = new ArrayList<>();
        list = d.path("models");
        for (int i = 0; i < list.size(); i++) {
            String p = at + "/models/" + i;
            JsonNode m = list.get(i);
            seen(p);
            models.add(new RobotDeclaration.ApprovedModel(m.get("id").asText(), m.get("version").asText(), m.get("sha256").asText(),
                    YamlDocument.fieldPath(p)));
        }
        seen(at);
        return new RobotDeclaration(true, text(at, d, "iso13482Type"), text(at, d, "locomotion"), dof,
                positive(at, d, "mass", Dimension.MASS), positive(at, d, "ratedSpeed", Dimension.SPEED),
                atLeastZero(at + "/stopping", d.path("stopping"), "time", Dimension.TIME),
                atLeastZero(at + "/stopping", d.path("stopping"), "distance", Dimension.LENGTH),
                positive(at, d, "fallZoneRadius", Dimension.LENGTH), arms, functions, models, lines);
    }

    private RobotDeclaration.SafetyFunction safetyFunction(String p, JsonNode f, Set<String> names) {
        String name = f.get("name").asText();
        if (!names.add("function " + name)) {
            throw doc.error(p + "/name", "safety function %s is declared twice".formatted(name));
        }
        Optional<Quantity> dc = atLeastZero(p, f, "dc", Dimension.RATIO);
        dc.ifPresent(q -> {
            if (q.si() > 1 + 1e-12) {
                throw doc.error(p + "/dc/value", "a diagnostic coverage is at most 100 %%, got %s".formatted(q));
            }
        });
        List<Quantity> mttfd = new ArrayList<>();
        JsonNode channels = f.path("mttfd");
        for (int i = 0; i < channels.size(); i++) {
            String c = p + "/mttfd/" + i;
            Quantity q = quantity(c, channels.get(i), Dimension.TIME, "mttfd");
            if (!(q.value() > 0)) {
                throw doc.error(c + "/value", "an MTTF_D must be greater than zero, got %s".formatted(q));
            }
            mttfd.add(q);
        }
        if (f.has("mttfd")) {
            seen(p + "/mttfd");
        }
        Optional<Double> ccf = Optional.empty();
        if (f.has("ccf")) {
            seen(p + "/ccf");
            ccf = Optional.of(f.get("ccf").asDouble());
        }
        return new RobotDeclaration.SafetyFunction(name, YamlDocument.fieldPath(p), level(p, f, "pl"), level(p, f, "plr"),
                positive(p, f, "pfhd", Dimension.RATE_PER_HOUR), text(p, f, "category"), text(p, f, "dcLevel"), dc, mttfd, ccf);
    }

    private Optional<PerformanceLevel> level(String p, JsonNode n, String field) {
        return text(p, n, field).map(t -> PerformanceLevel.parse(t).orElseThrow(() -> doc.error(p + "/" + field,
                "a performance level is one of a, b, c, d, e; got %s".formatted(t))));
    }

    private Optional<String> text(String p, JsonNode n, String field) {
        if (!n.has(field)) {
            return Optional.empty();
        }
        seen(p + "/" + field);
        return Optional.of(n.get(field).asText());
    }

    private Optional<Quantity> positive(String p, JsonNode n, String field, Dimension dimension) {
        return checked(p, n, field, dimension, true);
    }

    private Optional<Quantity> atLeastZero(String p, JsonNode n, String field, Dimension dimension) {
        return checked(p, n, field, dimension, false);
    }

    private Optional<Quantity> checked(String p, JsonNode n, String field, Dimension dimension, boolean positive) {
        if (!n.has(field)) {
            return Optional.empty();
        }
        String at = p + "/" + field;
        seen(at);
        Quantity q = quantity(at, n.get(field), dimension, field);
        if (positive ? !(q.value() > 0) : !(q.value() >= 0)) {
            throw doc.error(at + "/value", "%s must be %s, got %s".formatted(field, positive ? "greater than zero" : "zero or more", q));
        }
        return Optional.of(q);
    }

    private Quantity quantity(String at, JsonNode n, Dimension dimension, String field) {
        Quantity q = ProfileLoader.quantity(doc, at, n);
        if (q.dimension() != dimension) {
            throw doc.error(at + "/unit", "%s is %s, but %s is %s; use one of %s".formatted(field, dimension.withArticle(),
                    q.unit().symbol(), q.dimension().withArticle(), String.join(", ", dimension.units().stream().map(u -> u.symbol()).toList())));
        }
        return q;
    }

    private void seen(String pointer) {
        lines.put(YamlDocument.fieldPath(pointer), doc.lineOf(pointer));
    }
}
