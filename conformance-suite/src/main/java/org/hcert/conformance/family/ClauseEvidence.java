package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.verdict.Reading;

/**
 * What one pass over the telemetry found for one clause: for each limit of its family, a reading per
 * window and subject; and the problems that concern the whole clause (no trigger found, a topic
 * with two publishers, a damaged recording). A problem makes the clause INCONCLUSIVE at best.
 *
 * @param readings readings by limit name, in window order
 * @param problems reasons the clause's evidence is incomplete as a whole
 * @param source the recording or link and the topics read, for every measurement
 */
public record ClauseEvidence(Map<String, List<Reading>> readings, List<String> problems, String source) {

    public ClauseEvidence {
        Map<String, List<Reading>> copy = new LinkedHashMap<>();
        readings.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        readings = java.util.Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** The readings for limit {@code name}; none when the family measured nothing for it. */
    public List<Reading> readings(String name) {
        return readings.getOrDefault(name, List.of());
    }

    /** The same evidence with more problems and its source named. */
    public ClauseEvidence with(List<String> moreProblems, String source) {
        List<String> all = new ArrayList<>(problems);
        moreProblems.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new ClauseEvidence(readings, all, source);
    }

    /** Collects readings by limit name, then problems. */
    public static final class Builder {
        private final Map<String, List<Reading>> readings = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        public Builder add(String limit, Reading reading) {
            readings.computeIfAbsent(limit, k -> new ArrayList<>()).add(reading);
            return this;
        }

        public Builder problem(String problem) {
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
            return this;
        }

        public ClauseEvidence build() {
            return new ClauseEvidence(readings, problems, "");
        }
    }
}
