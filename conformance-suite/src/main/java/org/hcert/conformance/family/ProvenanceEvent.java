package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.TimeWindow;

/**
 * An event on the {@code events} role that says where a run came from: {@code provenance} (which robot,
 * model, dataset, software and calibration produce the run, and the hash of the running model) or
 * {@code model_loaded} (a model was loaded: its ID, version, SHA-256 and whether its signature was
 * verified). Its detail is {@code key=value} pairs separated by {@code ;}, e.g.
 * {@code robot_id=HC1-DEMO-0001; model_id=hc1-gait-policy; model_version=1.0.0}. A key given twice
 * with two values, or a part without {@code =}, is noted, never guessed at.
 *
 * @param kind {@code provenance} or {@code model_loaded}
 * @param tNs log time
 * @param topic the topic it came on
 * @param values the keys and their values, in the order given; a key without a value is left out
 * @param malformed what could not be read, one sentence each
 */
record ProvenanceEvent(String kind, long tNs, String topic, Map<String, String> values, List<String> malformed) {

    static final String PROVENANCE = "provenance";
    static final String MODEL_LOADED = "model_loaded";

    ProvenanceEvent {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        malformed = List.copyOf(malformed);
    }

    /** The event, when {@code e} is one of the two kinds. */
    static Optional<ProvenanceEvent> of(EventSample e) {
        if (!e.kind().equals(PROVENANCE) && !e.kind().equals(MODEL_LOADED)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        for (String part : e.detail().split(";", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                malformed.add("\"%s\" is not key=value".formatted(p));
                continue;
            }
            String key = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            String before = values.get(key);
            if (before != null && !before.equals(value)) {
                malformed.add("%s is given twice, as %s and as %s".formatted(key, before, value));
                values.remove(key);
            } else if (!value.isEmpty()) {
                values.put(key, value);
            }
        }
        return Optional.of(new ProvenanceEvent(e.kind(), e.tNs(), e.topic(), values, malformed));
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    TimeWindow instant() {
        return TimeWindow.of(tNs, tNs);
    }

    /** For people: {@code provenance at 2026-03-01T08:00:00.001Z on /events}. */
    String describe() {
        return "%s event at %s on %s".formatted(kind, Times.instant(tNs), topic);
    }
}
