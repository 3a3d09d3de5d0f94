package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.family.DeclaredStream;
import org.hcert.conformance.family.DeclaredSurface;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.RobotDeclaration;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.TimeBase;
import org.hcert.telemetry.mapping.FieldMapping;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * Load robot, standard and lab profiles from YAML, check them against their JSON Schemas and for
 * consistency, and build the profile records. Every error is a {@link ProfileException} naming the
 * file, the line and the field.
 */
public final class ProfileLoader {

    /** Schema of robot profiles: {@value}. */
    public static final String ROBOT_SCHEMA = "robot-profile.schema.json";
    /** Schema of standard profiles: {@value}. */
    public static final String STANDARD_SCHEMA = "standard-profile.schema.json";
    /** Schema of lab profiles: {@value}. */
    public static final String LAB_SCHEMA = "lab-profile.schema.json";

    /** The ratings a joint of a robot profile may declare besides its limits, with their dimensions. */
    static final Map<String, Dimension> JOINT_RATINGS = Map.of(
            "peakEffort", Dimension.TORQUE, "continuousEffort", Dimension.TORQUE, "maxTemperature", Dimension.TEMPERATURE);
    /** The values a stream of a robot profile may declare, with their dimensions. */
    static final Map<String, Dimension> STREAM_VALUES = Map.of(DeclaredStream.RATE, Dimension.FREQUENCY,
            DeclaredStream.MAX_AGE, Dimension.TIME);
    /** The longest contact with a surface touched briefly: {@value} s (ISO 13732-1's brief contacts last up to 10 s). */
    static final double BRIEF_CONTACT_S = 10;

    private ProfileLoader() {}

    public static RobotProfile loadRobot(Path file) {
        YamlDocument doc = checked(file, ROBOT_SCHEMA);
        JsonNode root = doc.root();
        JsonNode id = root.get("identity");
        RobotProfile.Identity identity = new RobotProfile.Identity(id.get("manufacturer").asText(),
                id.get("model").asText(), id.get("serial").asText(), id.get("firmware").asText());
        Set<String> capabilities = new LinkedHashSet<>();
        root.get("capabilities").forEach(c -> capabilities.add(c.asText()));
        Map<String, Quantity> declared = new LinkedHashMap<>();
        Map<String, Integer> declaredLines = new LinkedHashMap<>();
        root.get("declared").properties().forEach(e -> {
            declared.put(e.getKey(), quantity(doc, "/declared/" + e.getKey(), e.getValue()));
            declaredLines.put(e.getKey(), doc.lineOf("/declared/" + e.getKey()));
        });
        RobotDeclaration declaration = DeclarationLoader.load(doc);
        declaration.stoppingTime().ifPresent(t -> Optional.ofNullable(declared.get("stopTime")).ifPresent(d -> {
            if (d.dimension() == t.dimension() && Math.abs(d.si() - t.si()) > 1e-9 * Math.max(1, Math.abs(t.si()))) {
                throw doc.error("/declaration/stopping/time", "the declaration's stopping time %s differs from declared.stopTime %s (line %d); declare one stopping time"
                        .formatted(t, d, declaredLines.get("stopTime")));
            }
        }));
        List<DeclaredJoint> joints = joints(doc, declaredLines);
        SignalMapping topics = topics(doc);
        return new RobotProfile(fileOf(doc), identity, root.get("robotClass").asText(), capabilities, declared,
                declaredLines, joints, topics, doc.lineOf("/robotClass"),
                root.has("draft") ? Math.max(1, doc.lineOf("/draft")) : 0, declaration, streams(doc, topics, declaredLines),
                surfaces(doc, joints), KinematicsSection.frames(doc, joints), CommandsSection.routes(doc));
    }

    public static StandardProfile loadStandard(Path file) {
        YamlDocument doc = checked(file, STANDARD_SCHEMA);
        JsonNode root = doc.root();
        List<String> classes = strings(root.get("robotClasses"));
        List<Clause> clauses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("clauses");
        for (int i = 0; i < list.size(); i++) {
            Clause c = clause(doc, "/clauses/" + i, list.get(i), classes);
            if (!ids.add(c.id())) {
                throw doc.error("/clauses/" + i + "/id", "clause %s is defined twice".formatted(c.id()));
            }
            clauses.add(c);
        }
        return new StandardProfile(fileOf(doc), root.get("id").asText(), root.get("title").asText(),
                root.get("edition").asText(), classes, clauses);
    }

    public static LabProfile loadLab(Path file) {
        YamlDocument doc = checked(file, LAB_SCHEMA);
        JsonNode root = doc.root();
        List<String> instruments = new ArrayList<>();
        JsonNode listed = root.path("instruments");
        for (int i = 0; i < listed.size(); i++) {
            JsonNode n = listed.get(i);
            instruments.add(n.get("id").asText() + " (" + n.get("kind").asText() + ")");
            if (n.has("calibrationDue")) {
                date(doc, "/instruments/%d/calibrationDue".formatted(i), n.get("calibrationDue").asText());
            }
        }
        List<Waiver> waivers = new ArrayList<>();
        JsonNode granted = root.path("waivers");
        for (int i = 0; i < granted.size(); i++) {
            JsonNode w = granted.get(i);
            String at = "/waivers/%d".formatted(i);
            Optional<java.time.LocalDate> expires = w.has("expires")
                    ? Optional.of(date(doc, at + "/expires", w.get("expires").asText())) : Optional.empty();
            waivers.add(new Waiver(w.get("clause").asText(), w.get("kind").asText(), w.get("reason").asText(),
                    w.get("approver").asText(), w.get("reference").asText(), expires, doc.lineOf(at + "/clause")));
        }
        return new LabProfile(fileOf(doc), root.get("lab").get("name").asText(),
                root.get("lab").path("accreditation").asText(""), root.get("operator").get("name").asText(),
                root.get("operator").path("id").asText(""), instruments, waivers);
    }

    /** A calendar date of the profile, which must exist ({@code 2026-13-45} is a profile error, not a day). */
    private static java.time.LocalDate date(YamlDocument doc, String pointer, String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw doc.error(pointer, "%s is not a date of the calendar (write YYYY-MM-DD)".formatted(text));
        }
    }

    private static YamlDocument checked(Path file, String schema) {
        YamlDocument doc = YamlDocument.read(file);
        List<SchemaCheck.Violation> violations = SchemaCheck.validate(schema, doc.root());
        if (!violations.isEmpty()) {
            List<SchemaCheck.Violation> byLine = violations.stream()
                    .sorted(Comparator.comparingInt((SchemaCheck.Violation v) -> v.problem().startsWith("required") ? 1 : 0)
                            .thenComparingInt(v -> doc.lineOf(v.pointer())))
                    .toList();
            SchemaCheck.Violation first = byLine.get(0);
            StringBuilder problem = new StringBuilder(first.problem());
            for (SchemaCheck.Violation v : byLine.subList(1, Math.min(3, byLine.size()))) {
                problem.append("; also ").append(doc.error(v.pointer(), v.problem()).getMessage());
            }
            if (byLine.size() > 3) {
                problem.append("; and %d more problems".formatted(byLine.size() - 3));
            }
            throw doc.error(first.pointer(), problem.toString());
        }
        return doc;
    }

    private static List<DeclaredJoint> joints(YamlDocument doc, Map<String, Integer> lines) {
        List<DeclaredJoint> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = doc.root().get("joints");
        for (int i = 0; i < list.size(); i++) {
            JsonNode j = list.get(i);
            String unit = j.path("unit").asText("rad");
            double f = "deg".equals(unit) ? Math.PI / 180 : 1;
            double lower = j.get("lower").asDouble() * f;
            double upper = j.get("upper").asDouble() * f;
            String name = j.get("name").asText();
            if (!names.add(name)) {
                throw doc.error("/joints/" + i + "/name", "joint %s is declared twice".formatted(name));
            }
            if (!(lower < upper)) {
                throw doc.error("/joints/" + i + "/upper",
                        "upper limit %s must be greater than lower limit %s".formatted(j.get("upper"), j.get("lower")));
            }
            double maxVelocity = j.has("maxVelocity") ? j.get("maxVelocity").asDouble() * f : Double.NaN;
            lines.put(RobotProfile.lineKey("joint", name, DeclaredJoint.MAX_VELOCITY), doc.lineOf("/joints/" + i));
            Map<String, Quantity> ratings = new LinkedHashMap<>();
            for (Map.Entry<String, Dimension> r : JOINT_RATINGS.entrySet()) {
                if (j.has(r.getKey())) {
                    String at = "/joints/%d/%s".formatted(i, r.getKey());
                    ratings.put(r.getKey(), positive(doc, at, quantityOf(doc, at, j.get(r.getKey()), r.getValue()),
                            r.getValue() != Dimension.TEMPERATURE));
                    lines.put(RobotProfile.lineKey("joint", name, r.getKey()), doc.lineOf(at));
                }
            }
            out.add(new DeclaredJoint(name, lower, upper, maxVelocity, ratings));
        }
        return out;
    }

    private static List<DeclaredStream> streams(YamlDocument doc, SignalMapping topics, Map<String, Integer> lines) {
        List<DeclaredStream> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = doc.root().path("streams");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String topic = n.get("topic").asText();
            if (!seen.add(topic)) {
                throw doc.error("/streams/" + i + "/topic", "stream %s is declared twice".formatted(topic));
            }
            if (topics.roles(topic).isEmpty()) {
                throw doc.error("/streams/" + i + "/topic", "stream %s is not mapped to a role under topics; map it (e.g. topics.joints: [%s]) so that hcert reads it"
                        .formatted(topic, topic));
            }
            Map<String, Quantity> values = new LinkedHashMap<>();
            for (Map.Entry<String, Dimension> v : STREAM_VALUES.entrySet()) {
                if (n.has(v.getKey())) {
                    String at = "/streams/%d/%s".formatted(i, v.getKey());
                    values.put(v.getKey(), positive(doc, at, quantityOf(doc, at, n.get(v.getKey()), v.getValue()), true));
                    lines.put(RobotProfile.lineKey("stream", topic, v.getKey()), doc.lineOf(at));
                }
            }
            boolean stamped = n.path("stamped").asBoolean(true);
            if (!stamped && values.containsKey(DeclaredStream.MAX_AGE)) {
                throw doc.error("/streams/%d/maxAge".formatted(i), "stream %s is declared unstamped (stamped: false), so the age of its data cannot be measured; remove maxAge or stamp its messages"
                        .formatted(topic));
            }
            out.add(new DeclaredStream(topic, stamped, values));
        }
        return out;
    }

    private static List<DeclaredSurface> surfaces(YamlDocument doc, List<DeclaredJoint> joints) {
        List<DeclaredSurface> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> jointNames = new HashSet<>();
        joints.forEach(j -> jointNames.add(j.name()));
        JsonNode list = doc.root().path("surfaces");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String frame = n.get("frame").asText();
            if (!seen.add(frame)) {
                throw doc.error("/surfaces/" + i + "/frame", "surface frame %s is declared twice".formatted(frame));
            }
            if (jointNames.contains(frame)) {
                throw doc.error("/surfaces/" + i + "/frame", ("frame %s is joint %s's actuator temperature; a surface needs the "
                        + "frame of its own sensor").formatted(frame, frame));
            }
            String kind = n.get("kind").asText();
            Optional<Quantity> contact = Optional.empty();
            if (n.has("maxContact")) {
                String at = "/surfaces/%d/maxContact".formatted(i);
                Quantity q = positive(doc, at, quantityOf(doc, at, n.get("maxContact"), Dimension.TIME), true);
                if (DeclaredSurface.BRIEF.equals(kind) && q.si() > BRIEF_CONTACT_S) {
                    throw doc.error(at, "surface %s is touched briefly, for at most %s s, but maxContact is %s; declare it kind: held"
                            .formatted(frame, Quantity.format(BRIEF_CONTACT_S), q));
                }
                contact = Optional.of(q);
            }
            out.add(new DeclaredSurface(frame, kind, n.get("material").asText(), contact));
        }
        return out;
    }

    /** A value with its unit at {@code pointer}, which must have {@code dimension}. */
    private static Quantity quantityOf(YamlDocument doc, String pointer, JsonNode n, Dimension dimension) {
        Quantity q = quantity(doc, pointer, n);
        if (q.dimension() != dimension) {
            throw doc.error(pointer + "/unit", "%s must be %s, but %s is %s; use one of %s".formatted(pointer.substring(pointer.lastIndexOf('/') + 1),
                    dimension.withArticle(), q.unit().symbol(), q.dimension().withArticle(),
                    String.join(", ", dimension.units().stream().map(u -> u.symbol()).toList())));
        }
        return q;
    }

    /** {@code q}, which must be greater than zero when {@code required}. */
    private static Quantity positive(YamlDocument doc, String pointer, Quantity q, boolean required) {
        if (required && !(q.value() > 0)) {
            throw doc.error(pointer + "/value", "the value must be greater than zero, got " + q);
        }
        return q;
    }

    private static SignalMapping topics(YamlDocument doc) {
        Map<Role, List<String>> map = new LinkedHashMap<>();
        Map<String, String> roleOfTopic = new LinkedHashMap<>();
        Map<String, String> chosenFrames = new LinkedHashMap<>();
        Map<String, Map<Role, FieldMapping>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : doc.root().get("topics").properties()) {
            Role role = Role.byKey(e.getKey()).orElseThrow();
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode entry = e.getValue().get(i);
                String pointer = "/topics/" + e.getKey() + "/" + i;
                String topic = entry.isTextual() ? entry.textValue() : entry.get("topic").textValue();
                String other = roleOfTopic.putIfAbsent(topic, e.getKey() + (entry.has("fields") ? "+fields" : ""));
                if (other != null) {
                    if (other.startsWith(e.getKey() + "+") || other.equals(e.getKey())) {
                        throw doc.error(pointer, "topic %s is listed twice under %s".formatted(topic, e.getKey()));
                    }
                    if (!other.endsWith("+fields") || !entry.has("fields")) {
                        throw doc.error(pointer, ("topic %s is already mapped to %s; a topic plays several roles only when each of its "
                                + "entries gives the fields it reads").formatted(topic, other.replace("+fields", "")));
                    }
                }
                if (entry.has("frameId")) {
                    if (!role.framePublisher()) {
                        throw doc.error(pointer + "/frameId", ("role %s: a message's frame_id does not tell its publisher apart "
                                + "(%s), so a publisher cannot be chosen by it").formatted(role.key(),
                                role == Role.TEMPERATURES ? "it names the sensor" : "hcert's message has no header"));
                    }
                    String frame = entry.get("frameId").textValue();
                    String earlier = chosenFrames.putIfAbsent(topic, frame);
                    if (earlier != null && !earlier.equals(frame)) {
                        throw doc.error(pointer + "/frameId", "topic %s has publisher frame %s chosen already; choose one".formatted(topic, earlier));
                    }
                }
                if (entry.has("fields")) {
                    fields.computeIfAbsent(topic, t -> new java.util.EnumMap<>(Role.class))
                            .put(role, FieldsSection.mapping(doc, pointer + "/fields", role, entry.get("fields")));
                }
                topics.add(topic);
            }
            map.put(role, topics);
        }
        SignalMapping mapping = SignalMapping.of(map, chosenFrames, fields);
        if (doc.root().has("recordingTime")) {
            try {
                mapping = mapping.withTimeBase(TimeBase.parse(doc.root().get("recordingTime").asText()));
            } catch (IllegalArgumentException e) {
                throw doc.error("/recordingTime", String.valueOf(e.getMessage()));
            }
        }
        return mapping;
    }

    private static Clause clause(YamlDocument doc, String pointer, JsonNode c, List<String> classes) {
        JsonNode app = c.get("applicability");
        FamilyCheck check = new FamilyCheck(doc, pointer, c);
        Family family = check.family();
        Map<String, String> options = new LinkedHashMap<>();
        c.path("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
        check.options(family, options);
        Map<String, LimitSpec> limits = limits(doc, pointer + "/limits", c.get("limits"));
        check.limits(family, "/limits", limits, true);
        Map<String, Map<String, LimitSpec>> classLimits = new LinkedHashMap<>();
        c.path("classLimits").properties().forEach(e -> {
            if (!classes.contains(e.getKey())) {
                throw doc.error(pointer + "/classLimits/" + e.getKey(),
                        "robot class %s is not among robotClasses %s".formatted(e.getKey(), classes));
            }
            Map<String, LimitSpec> overrides = limits(doc, pointer + "/classLimits/" + e.getKey(), e.getValue());
            check.limits(family, "/classLimits/" + e.getKey(), overrides, false);
            classLimits.put(e.getKey(), overrides);
        });
        Map<String, LimitSpec> parameters = limits(doc, pointer + "/parameters", c.path("parameters"));
        check.parameters(family, parameters);
        return new Clause(c.get("id").asText(), c.get("pillar").asText(), c.get("title").asText(),
                c.get("source").asText(), c.get("level").asText(), c.get("evidence").asText(), family, options,
                strings(app.path("robotClasses")), strings(app.path("capabilities")), limits, classLimits, parameters,
                doc.lineOf(pointer + "/id"));
    }

    private static Map<String, LimitSpec> limits(YamlDocument doc, String pointer, JsonNode node) {
        Map<String, LimitSpec> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode l = e.getValue();
            String at = pointer + "/" + e.getKey();
            boolean valued = l.has("value") && l.has("unit") && !l.has("declared");
            boolean declaredOnly = l.has("declared") && !l.has("value") && !l.has("unit");
            if (!valued && !declaredOnly) {
                throw doc.error(at,
                        "give either value and unit, or declared (a key of the robot profile's declared section), not both or neither");
            }
            Optional<Quantity> value = l.has("value") ? Optional.of(quantity(doc, at, l)) : Optional.empty();
            Optional<String> declared = l.has("declared") ? Optional.of(l.get("declared").asText()) : Optional.empty();
            Comparison comparison = Comparison.parse(l.path("comparison").asText("at-most")).orElse(Comparison.AT_MOST);
            Optional<String> per = l.has("per") ? Optional.of(l.get("per").asText()) : Optional.empty();
            if (per.isPresent() && declared.isEmpty()) {
                throw doc.error(at + "/per", "per: %s takes the value each %s declares; give declared (its key) with it, not value and unit"
                        .formatted(per.get(), per.get()));
            }
            out.put(e.getKey(), new LimitSpec(value, declared, comparison, l.get("evidence").asText(),
                    l.path("note").asText(""), doc.lineOf(at), per));
        });
        return out;
    }

    /** A value with its unit at {@code pointer}: a known unit and a finite value, or a profile error naming both. */
    static Quantity quantity(YamlDocument doc, String pointer, JsonNode n) {
        String symbol = n.get("unit").asText();
        Unit unit = Unit.parse(symbol).orElseThrow(() -> doc.error(pointer + "/unit",
                "unknown unit %s%s; hcert knows %s".formatted(symbol, Suggest.closest(symbol, Unit.knownSymbols()),
                        String.join(", ", Unit.knownSymbols()))));
        JsonNode v = n.get("value");
        if (unit.isOrdinal() || v.isTextual()) {
            if (!unit.isOrdinal()) {
                throw doc.error(pointer + "/value", "the value must be a number for unit %s, got %s; a performance level (a to e) takes unit PL"
                        .formatted(unit.symbol(), v));
            }
            return PerformanceLevel.parse(v.asText()).map(PerformanceLevel::quantity).orElseThrow(() -> doc.error(pointer + "/value",
                    "a performance level is written as a letter a to e, got %s".formatted(v)));
        }
        double value = v.asDouble();
        if (!Double.isFinite(value)) {
            throw doc.error(pointer + "/value", "the value must be a finite number, got " + v);
        }
        return new Quantity(value, unit);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static ProfileFile fileOf(YamlDocument doc) {
        return new ProfileFile(doc.file(), sha256(doc.bytes()));
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
