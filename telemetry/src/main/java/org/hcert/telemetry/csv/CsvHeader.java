package org.hcert.telemetry.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * The header row: {@code t_ns,topic,type} and then one field path per column.
 *
 * @param paths the field path of each column after the first three
 */
record CsvHeader(List<ColumnPath> paths) {

    /** The first three columns, in this order: {@value}. */
    static final String FIXED = "t_ns,topic,type";

    CsvHeader {
        paths = List.copyOf(paths);
    }

    /** The number of columns, the three fixed ones included. */
    int width() {
        return paths.size() + 3;
    }

    /** Whether {@code cells}, a file's first row, is the header of hcert's CSV format. */
    static boolean isHcertHeader(List<CsvCells.Cell> cells) {
        return start(cells).equals(FIXED);
    }

    private static String start(List<CsvCells.Cell> cells) {
        return String.join(",", cells.subList(0, Math.min(3, cells.size())).stream().map(CsvCells.Cell::text).toList());
    }

    /**
     * Read the header from {@code cells}, a file's first row.
     *
     * @param hint what to add to the error when the row is not hcert's header (how to read a vendor's table instead)
     */
    static CsvHeader read(List<CsvCells.Cell> cells, String file, String hint) {
        String start = start(cells);
        if (!start.equals(FIXED)) {
            throw new TelemetryFormatException("%s:%d:1".formatted(file, cells.get(0).line()),
                    "expected the header to start with %s, got \"%s\"%s".formatted(FIXED, start, hint));
        }
        List<ColumnPath> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvCells.Cell cell : cells.subList(3, cells.size())) {
            String where = "%s:%d:%d".formatted(file, cell.line(), cell.column());
            ColumnPath path = ColumnPath.parse(cell.text()).orElseThrow(() -> new TelemetryFormatException(where,
                    "column \"%s\" is not a field path like pose.position.x or position[3]".formatted(cell.text())));
            if (!seen.add(path.text())) {
                throw new TelemetryFormatException(where, "column \"%s\" appears twice".formatted(path.text()));
            }
            paths.add(path);
        }
        return new CsvHeader(paths);
    }
}
