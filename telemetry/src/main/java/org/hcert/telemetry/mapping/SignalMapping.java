package org.hcert.telemetry.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which recorded topics play which {@link Role}, as declared in a robot profile.
 *
 * <p>A role may be played by several topics (two wrist wrenches) or by none (the robot has no
 * battery telemetry); a topic plays at most one role.
 */
public final class SignalMapping {

    private final Map<Role, List<String>> topicsByRole;

    private SignalMapping(Map<Role, List<String>> topicsByRole) {
        this.topicsByRole = topicsByRole;
    }

    public static SignalMapping of(Map<Role, List<String>> topicsByRole) {
        Map<Role, List<String>> copy = new EnumMap<>(Role.class);
        Map<String, Role> seen = new java.util.HashMap<>();
        topicsByRole.forEach((role, topics) -> {
            for (String topic : topics) {
                Role other = seen.putIfAbsent(topic, role);
                if (other != null && other != role) {
                    throw new IllegalArgumentException(
                            "topic %s is mapped to two roles, %s and %s".formatted(topic, other.key(), role.key()));
                }
            }
            copy.put(role, List.copyOf(topics));
        });
        return new SignalMapping(Collections.unmodifiableMap(copy));
    }

    /** The topics mapped to {@code role}, empty when the profile maps none. */
    public List<String> topics(Role role) {
        return topicsByRole.getOrDefault(role, List.of());
    }

    /** The role of {@code topic}, or empty when the topic is not mapped. */
    public Optional<Role> roleOf(String topic) {
        for (Map.Entry<Role, List<String>> e : topicsByRole.entrySet()) {
            if (e.getValue().contains(topic)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** All mapped topics, in role order. */
    public List<String> allTopics() {
        List<String> all = new ArrayList<>();
        topicsByRole.values().forEach(all::addAll);
        return all;
    }
}
