package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.family.Families;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.LimitName;
import org.hcert.conformance.family.OptionName;
import org.hcert.conformance.family.ParameterName;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;

/**
 * Check a clause of a standard profile against its family: a known family; only the options,
 * limits and parameters it declares, with allowed values; every required one given; every unit of
 * the right dimension; every parameter in its range. Each breach is a {@link ProfileException}
 * naming the file, the line and the field, with the names that would have been right.
 */
final class FamilyCheck {

    private final YamlDocument doc;
    private final String pointer;
    private final JsonNode clause;

    FamilyCheck(YamlDocument doc, String pointer, JsonNode clause) {
        this.doc = doc;
        this.pointer = pointer;
        this.clause = clause;
    }

    Family family() {
        String name = clause.get("family").asText();
        return Families.byName(name).orElseThrow(() -> doc.error(pointer + "/family",
                "unknown family %s%s; hcert's families are %s".formatted(name, Suggest.closest(name, Families.names()),
                        String.join(", ", Families.names()))));
    }

    void options(Family family, Map<String, String> options) {
        List<String> names = family.options().stream().map(OptionName::name).toList();
        options.forEach((name, value) -> {
            OptionName o = family.option(name).orElseThrow(() -> doc.error(pointer + "/options/" + name,
                    "family %s has no option %s%s; its options are %s".formatted(family.name(), name,
                            Suggest.closest(name, names), names.isEmpty() ? "none" : String.join(", ", names))));
            if (!o.values().contains(value)) {
                throw doc.error(pointer + "/options/" + name, "option %s of family %s cannot be %s%s; it is one of %s"
                        .formatted(name, family.name(), value, Suggest.closest(value, o.values()), String.join(", ", o.values())));
            }
        });
    }

    /** Check the limits under {@code where} ({@code /limits} or {@code /classLimits/CLASS}); all required ones when {@code complete}. */
    void limits(Family family, String where, Map<String, LimitSpec> limits, boolean complete) {
        List<String> names = family.limits().stream().map(LimitName::name).toList();
        limits.forEach((name, spec) -> {
            LimitName l = family.limit(name).orElseThrow(() -> doc.error(pointer + where + "/" + name,
                    "family %s has no limit %s%s; its limits are %s".formatted(family.name(), name,
                            Suggest.closest(name, names), String.join(", ", names))));
            spec.value().ifPresent(q -> dimension(where + "/" + name + "/unit", "limit", name, q, l.dimension()));
        });
        if (complete) {
            for (LimitName l : family.limits()) {
                if (l.required() && !limits.containsKey(l.name())) {
                    throw doc.error(pointer + where, "clause %s of family %s needs the limit %s (%s: %s)".formatted(
                            clause.get("id").asText(), family.name(), l.name(), l.dimension().description(), l.quantity()));
                }
            }
        }
    }

    void parameters(Family family, Map<String, LimitSpec> parameters) {
        List<String> names = family.parameters().stream().map(ParameterName::name).toList();
        parameters.forEach((name, spec) -> {
            String at = "/parameters/" + name;
            ParameterName p = family.parameter(name).orElseThrow(() -> doc.error(pointer + at,
                    "family %s has no parameter %s%s; its parameters are %s".formatted(family.name(), name,
                            Suggest.closest(name, names), String.join(", ", names))));
            Quantity q = spec.value().orElseThrow(() -> doc.error(pointer + at,
                    "parameter %s needs a value and unit; parameters cannot be declared by the robot".formatted(name)));
            dimension(at + "/unit", "parameter", name, q, p.dimension());
            if (!p.range().admits(q.value())) {
                throw doc.error(pointer + at + "/value", "parameter %s must be %s, got %s".formatted(name, p.range().words(), q));
            }
        });
        for (ParameterName p : family.parameters()) {
            if (p.fallback().isEmpty() && !parameters.containsKey(p.name())) {
                throw doc.error(pointer + "/parameters", "clause %s of family %s needs the parameter %s (%s: %s)".formatted(
                        clause.get("id").asText(), family.name(), p.name(), p.dimension().description(), p.meaning()));
            }
        }
    }

    private void dimension(String at, String kind, String name, Quantity q, Dimension expected) {
        if (q.dimension() != expected) {
            throw doc.error(pointer + at, "%s %s is %s, but %s is %s; use one of %s".formatted(kind, name,
                    expected.withArticle(), q.unit().symbol(), q.dimension().withArticle(),
                    String.join(", ", expected.units().stream().map(u -> u.symbol()).toList())));
        }
    }
}
