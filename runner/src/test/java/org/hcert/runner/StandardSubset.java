package org.hcert.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.ProfileLoader;

/**
 * A copy of the standard profile {@link CertifyCommandIT#STANDARD} that keeps only the clauses with
 * given IDs, so that a live test runs the live actions of the clauses it is about and not those of
 * the whole catalogue. The header (everything up to {@code clauses:}) is copied to the letter and the
 * kept clauses' text blocks too, in the file's order; the copy is loaded with {@link ProfileLoader}
 * before it is returned, so a copy the schema would refuse fails here and not in the test's run.
 */
public final class StandardSubset {

    /** The four clauses of the first catalogue, whose live actions take about half a minute together. */
    static final List<String> ORIGINAL = List.of("SE-ESTOP-01", "SE-ESTOP-02", "LC-JNT-01", "SE-BAL-01");

    private static final Pattern CLAUSE_START = Pattern.compile("^  - id: (\\S+)\\s*$");

    private StandardSubset() {}

    /** The four {@link #ORIGINAL} clauses and the given ones. */
    static String originalAnd(Path dir, String... ids) {
        List<String> all = new ArrayList<>(ORIGINAL);
        all.addAll(List.of(ids));
        return write(dir, all);
    }

    /**
     * Writes the subset into a new file in {@code dir} and returns its path, as a string for
     * {@code --standard}.
     *
     * @throws IllegalArgumentException when an ID is asked twice or is not a clause of the profile
     */
    public static String write(Path dir, List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty() || wanted.size() != ids.size()) {
            throw new IllegalArgumentException("ask for each clause once, and at least one: " + ids);
        }
        Path source = Path.of(CertifyCommandIT.STANDARD);
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int clausesLine = lines.indexOf("clauses:");
        if (clausesLine < 0) {
            throw new IllegalStateException(source + " has no top-level \"clauses:\" line");
        }
        StringBuilder text = new StringBuilder();
        lines.subList(0, clausesLine + 1).forEach(l -> text.append(l).append('\n'));
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> block = null;
        for (int i = clausesLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher start = CLAUSE_START.matcher(line);
            if (start.matches()) {
                block = new ArrayList<>();
                if (blocks.put(start.group(1), block) != null) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": clause " + start.group(1) + " is there twice");
                }
            } else if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                throw new IllegalStateException(source + ":" + (i + 1)
                        + ": a top-level key after the clauses; StandardSubset only knows a header and then the clauses");
            } else if (block == null) {
                if (!line.isBlank()) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": expected \"  - id: <clause>\" after \"clauses:\"");
                }
                continue;
            }
            block.add(line);
        }
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(blocks.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no clause " + missing + " in " + source + "; it has " + blocks.keySet());
        }
        List<String> kept = new ArrayList<>();
        blocks.forEach((id, lineList) -> {
            if (wanted.contains(id)) {
                kept.add(id);
                lineList.forEach(l -> text.append(l).append('\n'));
            }
        });
        try {
            Path file = Files.createTempFile(dir, "heis-2026-" + kept.size() + "-clauses-", ".yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> loaded = ProfileLoader.loadStandard(file).clauses().stream().map(Clause::id).toList();
            if (!loaded.equals(kept)) {
                throw new IllegalStateException("the subset " + file + " loads as " + loaded + ", not as " + kept);
            }
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
