package org.hcert.runner.command;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Print the plain-text tables of {@code hcert telemetry inspect}. */
final class InspectReport {

    private InspectReport() {}

    static void print(PrintWriter out, Path file, List<TopicStats> topics, Encodings encodings, Optional<Path> robot,
            List<InspectCommand.RoleCheck> roles) {
        long messages = topics.stream().mapToLong(TopicStats::count).sum();
        out.println("recording: " + file);
        out.println("messages:  %d on %d topics".formatted(messages, topics.size()));
        if (messages > 0) {
            long start = topics.stream().mapToLong(TopicStats::firstNs).min().orElse(0);
            long end = topics.stream().mapToLong(TopicStats::lastNs).max().orElse(0);
            out.println("span:      %s to %s (%s s)".formatted(instant(start), instant(end), fixed((end - start) / 1e9, 3)));
            out.println();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("topic", "type", "encoding", "messages", "rate Hz", "largest gaps (ms, ending at s from start)"));
            for (TopicStats t : topics) {
                rows.add(List.of(t.topic(), String.join(", ", t.types()), encodings.of(t.topic()), Long.toString(t.count()),
                        Double.isNaN(t.rateHz()) ? "-" : fixed(t.rateHz(), 2), gaps(t, start)));
            }
            table(out, rows, 3, 4);
        }
        robot.ifPresent(r -> roles(out, r, roles, topics));
    }

    private static void roles(PrintWriter out, Path robot, List<InspectCommand.RoleCheck> roles, List<TopicStats> topics) {
        out.println();
        out.println("robot profile: " + robot);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("role", "topic", "messages", "status"));
        roles.forEach(r -> rows.add(List.of(r.role().key(), r.topic(), Long.toString(r.messages()), r.status())));
        if (roles.isEmpty()) {
            out.println("the profile maps no topics");
        } else {
            table(out, rows, 2);
        }
        List<String> unmapped = InspectCommand.RoleCheck.unmapped(roles, topics);
        out.println("not mapped to any role: " + (unmapped.isEmpty() ? "none" : String.join(", ", unmapped)));
    }

    private static String gaps(TopicStats t, long start) {
        return t.largestGaps().stream().map(g -> "%s @ %s".formatted(fixed(g.gapNs() / 1e6, 1), fixed((g.endNs() - start) / 1e9, 3)))
                .collect(Collectors.joining(", "));
    }

    /** Print rows in columns two spaces apart, the columns listed in {@code rightAligned} aligned right. */
    private static void table(PrintWriter out, List<List<String>> rows, int... rightAligned) {
        int[] width = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(isIn(rightAligned, i) ? pad + cell : cell + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static boolean isIn(int[] columns, int i) {
        for (int c : columns) {
            if (c == i) {
                return true;
            }
        }
        return false;
    }

    private static String instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }

    /** {@code value} with exactly {@code decimals} decimals, rounded half up, independent of the locale. */
    static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString() : "-";
    }
}
