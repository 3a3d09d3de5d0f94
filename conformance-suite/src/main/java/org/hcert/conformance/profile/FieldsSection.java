package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.mapping.BodyFields;
import org.hcert.telemetry.mapping.FieldMapping;
import org.hcert.telemetry.mapping.FieldSource;
import org.hcert.telemetry.mapping.JointFields;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fields} of a topic entry in a robot profile: which fields of a message of any type (or
 * which columns of a table) feed the role's inputs, each written as a path, a list of paths joined
 * in order, or {@code {path, unit, scale}}; a role other than the joints may also take a constant
 * ({@code {value: …}}). Units are checked against the input's dimension; every error names the field.
 */
final class FieldsSection {

    private FieldsSection() {}

    /** The joint inputs and their SI units: the unit of a source must convert to one of them. */
    private static final Map<String, List<String>> JOINT_INPUTS = Map.of("position", List.of("rad", "m"),
            "velocity", List.of("rad/s", "m/s"), "effort", List.of("N·m", "N"));

    static FieldMapping mapping(YamlDocument doc, String pointer, Role role, JsonNode f) {
        return role == Role.JOINTS ? joints(doc, pointer, f) : body(doc, pointer, role, f);
    }

    private static JointFields joints(YamlDocument doc, String pointer, JsonNode f) {
        if (f.has("names") == f.has("namesFrom")) {
            throw doc.error(pointer, "give the joint names (names) or the field they are read from (namesFrom), one of the two");
        }
        List<String> names = new ArrayList<>();
        f.path("names").forEach(n -> names.add(n.textValue()));
        FieldSource namesFrom = f.has("namesFrom") ? source(doc, pointer + "/namesFrom", f.get("namesFrom"), List.of(), 1) : null;
        return new JointFields(names, namesFrom, jointSource(doc, pointer, f, "position"),
                f.has("velocity") ? jointSource(doc, pointer, f, "velocity") : null,
                f.has("effort") ? jointSource(doc, pointer, f, "effort") : null);
    }

    private static FieldSource jointSource(YamlDocument doc, String pointer, JsonNode f, String input) {
        JsonNode legacyScale = f.get(input + "Scale");
        if (legacyScale != null && f.get(input).isObject()) {
            throw doc.error(pointer + "/" + input + "Scale", "give the scale of %s in one place: in %s itself".formatted(input, input));
        }
        return source(doc, pointer + "/" + input, f.get(input), JOINT_INPUTS.getOrDefault(input, List.of()), legacyScale == null ? 1 : legacyScale.doubleValue());
    }

    private static BodyFields body(YamlDocument doc, String pointer, Role role, JsonNode f) {
        List<String> inputs = BodyFields.targets(role).stream().map(BodyFields.Target::path).toList();
        Map<String, FieldSource> sources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.properties()) {
            String at = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            BodyFields.Target target = BodyFields.target(role, e.getKey()).orElseThrow(() -> doc.error(at,
                    "%s is not an input of role %s%s; its inputs are %s".formatted(e.getKey(), role.key(),
                            Suggest.closest(e.getKey(), inputs), String.join(", ", inputs))));
            sources.put(target.path(), source(doc, at, e.getValue(), target.siUnits(), 1));
        }
        for (BodyFields.Target t : BodyFields.targets(role)) {
            if (t.required() && !sources.containsKey(t.path())) {
                throw doc.error(pointer, "role %s needs %s mapped: it has no value that means \"not measured\"".formatted(role.key(), t.path()));
            }
        }
        return new BodyFields(role, sources);
    }

    /**
     * One source: a path, a list of paths, {@code {path, unit, scale}} or {@code {value}}.
     *
     * @param siUnits the SI units the input may have; empty for names, flags and texts, which take no unit or scale
     */
    private static FieldSource source(YamlDocument doc, String pointer, JsonNode n, List<String> siUnits, double defaultScale) {
        if (n.isObject() && n.has("value")) {
            if (n.size() > 1) {
                throw doc.error(pointer, "a constant is {value: …} alone, without path, unit or scale");
            }
            return FieldSource.constant(n.get("value"));
        }
        JsonNode paths = n.isObject() ? n.get("path") : n;
        if (paths == null) {
            throw doc.error(pointer, "give the field's path (path: …) or a constant (value: …)");
        }
        List<String> list = new ArrayList<>();
        if (paths.isArray()) {
            paths.forEach(p -> list.add(p.asText()));
        } else {
            list.add(paths.asText());
        }
        String pathPointer = n.isObject() ? pointer + "/path" : pointer;
        for (int i = 0; i < list.size(); i++) {
            String problem = FieldSource.problemWith(list.get(i));
            if (!problem.isEmpty()) {
                throw doc.error(paths.isArray() ? pathPointer + "/" + i : pathPointer, problem);
            }
        }
        double scale = defaultScale;
        if (n.isObject()) {
            @Nullable JsonNode unit = n.get("unit");
            @Nullable JsonNode factor = n.get("scale");
            if ((unit != null || factor != null) && siUnits.isEmpty()) {
                throw doc.error(pointer + (unit != null ? "/unit" : "/scale"), "this input is not a quantity: it takes no unit or scale");
            }
            if (unit != null && factor != null) {
                throw doc.error(pointer + "/scale", "give a unit or a scale, not both");
            }
            if (unit != null) {
                scale = scaleOf(doc, pointer + "/unit", unit.asText(), siUnits);
            } else if (factor != null) {
                scale = factor.doubleValue();
            }
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw doc.error(pointer, "the scale must be a positive finite number, got " + scale);
        }
        return new FieldSource(list, scale, null);
    }

    private static double scaleOf(YamlDocument doc, String pointer, String symbol, List<String> siUnits) {
        Unit unit = Unit.parse(symbol).orElseThrow(() -> doc.error(pointer, "unknown unit %s%s".formatted(symbol,
                Suggest.closest(symbol, Unit.knownSymbols()))));
        if (!siUnits.contains(unit.dimension().si().symbol())) {
            List<String> fitting = new ArrayList<>();
            for (Unit u : Unit.values()) {
                if (siUnits.contains(u.dimension().si().symbol())) {
                    fitting.add(u.symbol());
                }
            }
            throw doc.error(pointer, "%s is %s; this input takes %s".formatted(symbol, unit.dimension().withArticle(),
                    String.join(", ", fitting)));
        }
        return unit.toSi(1);
    }
}
