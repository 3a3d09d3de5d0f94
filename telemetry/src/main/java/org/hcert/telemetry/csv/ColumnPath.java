package org.hcert.telemetry.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column name as a path into a message body: field names joined by {@code .}, each followed by
 * any number of array indices, e.g. {@code pose.pose.position.x} or {@code position[3]}.
 *
 * @param text the column name as written
 * @param segments field names ({@link String}) and array indices ({@link Integer}), in order
 */
record ColumnPath(String text, List<Object> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d{1,9}\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    ColumnPath {
        segments = List.copyOf(segments);
    }

    /** Parse {@code text}; empty when it is not a field path. */
    static Optional<ColumnPath> parse(String text) {
        List<Object> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                segments.add(Integer.parseInt(index.group(1)));
            }
        }
        return Optional.of(new ColumnPath(text, segments));
    }

    /** Whether {@code name} can be one segment's field name. */
    static boolean isFieldName(String name) {
        return SEGMENT.matcher(name).matches() && name.indexOf('[') < 0;
    }

    /** The field names along the path, indices left out. */
    List<String> fieldNames() {
        return segments.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
