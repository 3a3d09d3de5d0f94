package org.hcert.conformance.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML file parsed into a tree, with the line of every node, keyed by JSON pointer, so that a
 * schema error on {@code /joints/3/upper} can name line 17.
 */
final class YamlDocument {

    /** The largest profile read, bytes: profiles are a few KiB; a larger file is refused before it is read. */
    static final long MAX_BYTES = 4L << 20;

    /** The deepest nesting of mappings and lists in a profile (the catalogue's deepest is 6). */
    static final int MAX_NESTING = 32;

    /** Each key once per mapping: a key given twice (the last would win) is an error, never a silent choice. */
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final Path file;
    private final byte[] bytes;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Path file, byte[] bytes, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.bytes = bytes;
        this.root = root;
        this.lines = lines;
    }

    static YamlDocument read(Path file) {
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw new ProfileException(file, 0, "", "not a regular file (%s): a profile is a YAML file"
                        .formatted(Files.isDirectory(file) ? "a folder" : "a FIFO, socket or device"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProfileException(file, 0, "", "%d bytes; hcert reads profiles of up to %d bytes (4 MiB)".formatted(size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file, 0, "", "file not found");
        } catch (IOException e) {
            throw new ProfileException(file, 0, "", "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int line = 1;
            int at = firstBadByte(bytes);
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ProfileException(file, line, "", "not valid UTF-8 (byte %d of the file); save the profile as UTF-8".formatted(at + 1));
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new ProfileException(file, 1, "", "expected a YAML mapping (key: value lines) at the top level");
            }
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser p = YAML.createParser(text)) {
                p.nextToken();
                index(p, "", lines);
                if (p.nextToken() != null) {
                    throw new ProfileException(file, p.currentTokenLocation().getLineNr(), "",
                            "a second YAML document (after ---): a profile is one document, and the second would be ignored");
                }
            }
            return new YamlDocument(file, bytes, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(String.valueOf(e.getOriginalMessage()));
            if (dup.find()) {
                throw new ProfileException(file, line, "", ("key %s is given twice in one mapping; give it once (YAML would keep the "
                        + "last and drop the first without a word)").formatted(dup.group(1)));
            }
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                throw new ProfileException(file, line, "", "nested more than %d levels deep; hcert's profiles need a few".formatted(MAX_NESTING));
            }
            throw new ProfileException(file, line, "", "YAML syntax error: " + describe(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProfileException(file, 0, "", "cannot parse: " + e.getMessage());
        }
    }

    private static int firstBadByte(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }

    private static void index(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + p.currentName().replace("~", "~0").replace("/", "~1");
                lines.put(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                index(p, child, lines);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                index(p, pointer + "/" + i++, lines);
            }
        }
    }

    /**
     * Condense SnakeYAML's multi-line message ("while parsing X / in line 8 / expected Y / in line 9")
     * into one line: the problem, then the construct it interrupted and where that started.
     */
    static String describe(String message) {
        if (message == null) {
            return "unreadable";
        }
        List<String> texts = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (String l : message.lines().toList()) {
            Matcher m = PLACE.matcher(l);
            if (m.find()) {
                places.add(m.group(1));
            } else if (!l.isBlank() && !l.startsWith(" ")) {
                texts.add(l.trim());
            }
        }
        if (texts.size() >= 2 && places.size() >= 1) {
            return "%s (%s that starts at line %s)".formatted(texts.get(1), texts.get(0), places.get(0));
        }
        return texts.isEmpty() ? message.trim() : texts.get(0);
    }

    private static final Pattern PLACE = Pattern.compile("^ in '[^']*', line (\\d+), column \\d+");

    Path file() {
        return file;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    JsonNode root() {
        return root;
    }

    /** The line of the node at {@code pointer}, or of its nearest ancestor; 0 when unknown. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }

    /** Render a JSON pointer as a dotted field path: {@code /joints/3/upper} becomes {@code joints[3].upper}. */
    static String fieldPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    ProfileException error(String pointer, String problem) {
        return new ProfileException(file, lineOf(pointer), fieldPath(pointer), problem);
    }
}
