package org.hcert.telemetry.ros;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcert.telemetry.TelemetryException;
import org.jspecify.annotations.Nullable;

/**
 * Parse a message definition as MCAP and rosbag2 store it (the top-level {@code .msg} text, then
 * each dependency after a line of {@code =} and a line {@code MSG: pkg/Type}) into a resolved
 * {@link MessageType}.
 *
 * <p>Constants and default values are skipped: they do not appear in the serialized data. Type
 * names are resolved as ROS does: {@code pkg/Type} and {@code pkg/msg/Type} name the same type; a
 * short name means a type of the same package, and {@code Header} means {@code std_msgs/Header}.
 * {@code builtin_interfaces/Time} and {@code Duration} (ROS 2) and {@code std_msgs/Header} (ROS 1)
 * are known even when the text leaves them out.
 */
final class DefinitionParser {

    private static final Pattern TYPE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]*(?:/[A-Za-z][A-Za-z0-9_]*){0,2})(?:<=(\\d+))?(?:\\[(<=)?(\\d*)\\])?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SEPARATOR = Pattern.compile("={3,}\\s*");

    private static final Map<String, String> ROS2_BUILTINS = Map.of(
            "builtin_interfaces/Time", "int32 sec\nuint32 nanosec\n",
            "builtin_interfaces/Duration", "int32 sec\nuint32 nanosec\n");
    private static final Map<String, String> ROS1_BUILTINS = Map.of(
            "std_msgs/Header", "uint32 seq\ntime stamp\nstring frame_id\n");

    private final String schemaName;
    private final Dialect dialect;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, MessageType> linked = new HashMap<>();
    private final Set<String> linking = new HashSet<>();

    private DefinitionParser(String schemaName, Dialect dialect) {
        this.schemaName = schemaName;
        this.dialect = dialect;
    }

    /**
     * Parse {@code text}, the definition of {@code schemaName} with its dependencies.
     *
     * @throws TelemetryException naming the schema, the line and the problem when the text is not
     *     a valid definition or a referenced type is missing
     */
    static MessageType parse(String schemaName, String text, Dialect dialect) {
        DefinitionParser parser = new DefinitionParser(schemaName, dialect);
        String root = parser.readSections(text);
        parser.addBuiltins();
        return parser.link(root, null);
    }

    /**
     * List the message types that the top-level section of {@code text} refers to, as
     * {@code pkg/Type}, without resolving them (the text need not include their definitions).
     *
     * @throws TelemetryException when a line is not a valid field or constant
     */
    static List<String> referencedTypes(String schemaName, String text, Dialect dialect) {
        DefinitionParser parser = new DefinitionParser(schemaName, dialect);
        String root = parser.readSections(text);
        String pkg = root.contains("/") ? root.substring(0, root.indexOf('/')) : "";
        List<String> types = new ArrayList<>();
        for (RawField f : parser.section(root).fields()) {
            String name = f.typeName();
            if (Primitive.forName(name, dialect).isEmpty()) {
                types.add(name.contains("/") ? key(name) : name.equals("Header") ? "std_msgs/Header" : pkg + "/" + name);
            }
        }
        return types;
    }

    /** The key under which a type is stored: {@code pkg/Type}, whatever the spelling. */
    static String key(String typeName) {
        String[] parts = typeName.trim().split("/", -1);
        return parts.length == 3 ? parts[0] + "/" + parts[2] : typeName.trim();
    }

    private String readSections(String text) {
        String root = key(schemaName);
        List<String> lines = text.lines().toList();
        Section current = new Section(root, new ArrayList<>());
        sections.put(root, current);
        boolean expectHeader = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (SEPARATOR.matcher(line).matches()) {
                expectHeader = true;
            } else if (expectHeader && !line.isEmpty()) {
                if (!line.startsWith("MSG:")) {
                    throw error(lineNumber, line, "expected \"MSG: pkg/Type\" after a line of '='");
                }
                String name = key(line.substring(4));
                current = new Section(name, new ArrayList<>());
                if (sections.putIfAbsent(name, current) != null) {
                    throw error(lineNumber, line, "type " + name + " is defined twice");
                }
                expectHeader = false;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                parseLine(line, lineNumber).ifPresent(current.fields()::add);
            }
        }
        return root;
    }

    private Optional<RawField> parseLine(String line, int lineNumber) {
        int space = indexOfWhitespace(line);
        if (space < 0) {
            throw error(lineNumber, line, "expected a type and a field name");
        }
        Matcher type = TYPE.matcher(line.substring(0, space));
        if (!type.matches()) {
            throw error(lineNumber, line, "\"%s\" is not a type".formatted(line.substring(0, space)));
        }
        String rest = line.substring(space).stripLeading();
        Matcher name = NAME.matcher(rest);
        if (!name.lookingAt()) {
            throw error(lineNumber, line, "expected a field name after the type");
        }
        if (name.end() < rest.length()) {
            char next = rest.charAt(name.end());
            if (!Character.isWhitespace(next) && next != '=' && next != '#') {
                throw error(lineNumber, line, "\"%s\" is not a field name".formatted(rest.split("[\\s=#]", -1)[0]));
            }
        }
        if (rest.substring(name.end()).stripLeading().startsWith("=")) {
            return Optional.empty();
        }
        return Optional.of(rawField(type, name.group(), lineNumber, line));
    }

    private RawField rawField(Matcher type, String name, int lineNumber, String line) {
        int stringBound = type.group(2) == null ? -1 : parseSize(type.group(2), lineNumber, line);
        FieldType.Arity arity;
        int length = 0;
        if (type.group(4) == null) {
            arity = FieldType.Arity.SINGLE;
        } else if (type.group(4).isEmpty()) {
            if (type.group(3) != null) {
                throw error(lineNumber, line, "a bounded sequence needs a bound: T[<=N]");
            }
            arity = FieldType.Arity.UNBOUNDED;
        } else {
            arity = type.group(3) == null ? FieldType.Arity.FIXED : FieldType.Arity.BOUNDED;
            length = parseSize(type.group(4), lineNumber, line);
        }
        if (dialect == Dialect.ROS1 && (stringBound >= 0 || arity == FieldType.Arity.BOUNDED)) {
            throw error(lineNumber, line, "ROS 1 definitions have no bounded strings or sequences");
        }
        return new RawField(type.group(1), stringBound, arity, length, name, lineNumber, line);
    }

    private int parseSize(String digits, int lineNumber, String line) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(lineNumber, line, "size " + digits + " is too large");
        }
    }

    private void addBuiltins() {
        Map<String, String> builtins = dialect == Dialect.ROS1 ? ROS1_BUILTINS : ROS2_BUILTINS;
        builtins.forEach((name, text) -> {
            if (!sections.containsKey(name)) {
                List<RawField> fields = new ArrayList<>();
                text.lines().forEach(l -> parseLine(l, 0).ifPresent(fields::add));
                sections.put(name, new Section(name, fields));
            }
        });
    }

    private MessageType link(String key, @Nullable RawField referrer) {
        MessageType done = linked.get(key);
        if (done != null) {
            return done;
        }
        if (!linking.add(key)) {
            int line = referrer == null ? 0 : referrer.line();
            String source = referrer == null ? "" : referrer.source();
            throw error(line, source, "type " + key + " contains itself");
        }
        Section section = section(key);
        String pkg = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
        List<MessageType.Field> fields = new ArrayList<>();
        for (RawField f : section.fields()) {
            FieldType type = new FieldType(resolve(f, pkg), f.arity(), f.length(), f.stringBound());
            fields.add(new MessageType.Field(f.name(), type));
        }
        linking.remove(key);
        MessageType type = new MessageType(key, fields);
        linked.put(key, type);
        return type;
    }

    private ElementType resolve(RawField f, String pkg) {
        Optional<Primitive> primitive = Primitive.forName(f.typeName(), dialect);
        if (f.stringBound() >= 0 && !(primitive.isPresent() && primitive.get().isText())) {
            throw error(f.line(), f.source(), "only string and wstring take a length bound <=N");
        }
        if (primitive.isPresent()) {
            return primitive.get();
        }
        return link(lookup(f, pkg), f);
    }

    private String lookup(RawField f, String pkg) {
        String name = f.typeName();
        if (name.contains("/")) {
            String key = key(name);
            if (sections.containsKey(key)) {
                return key;
            }
            throw missing(f, key);
        }
        if (sections.containsKey(pkg + "/" + name)) {
            return pkg + "/" + name;
        }
        if (name.equals("Header")) {
            if (sections.containsKey("std_msgs/Header")) {
                return "std_msgs/Header";
            }
            throw missing(f, "std_msgs/Header");
        }
        List<String> sameName = sections.keySet().stream().filter(k -> k.endsWith("/" + name)).toList();
        if (sameName.size() == 1) {
            return sameName.get(0);
        }
        throw missing(f, pkg + "/" + name);
    }

    private TelemetryException missing(RawField f, String key) {
        return error(f.line(), f.source(), "unknown type %s: the definition must include it after a line of '=' and \"MSG: %s\""
                .formatted(f.typeName(), key));
    }

    private TelemetryException error(int lineNumber, String line, String problem) {
        String where = lineNumber > 0 ? ", line " + lineNumber : "";
        return new TelemetryException("%s definition of %s%s (\"%s\"): %s"
                .formatted(dialect.schemaEncoding(), schemaName, where, line, problem));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private record RawField(String typeName, int stringBound, FieldType.Arity arity, int length, String name,
            int line, String source) {}

    private record Section(String name, List<RawField> fields) {}

    /** The section of type {@code key}, which was read (the caller found it among the sections). */
    private Section section(String key) {
        Section section = sections.get(key);
        if (section == null) {
            throw new IllegalStateException("no section " + key + " was read from " + schemaName);
        }
        return section;
    }
}
