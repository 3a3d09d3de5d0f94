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
    /** The other way round: asked once per message of a pass. */
    private final Map<String, Role> roleByTopic;
    private final Map<String, String> chosenFrames;
    private final Map<String, JointFields> jointFields;

    private SignalMapping(Map<Role, List<String>> topicsByRole, Map<String, Role> roleByTopic, Map<String, String> chosenFrames,
            Map<String, JointFields> jointFields) {
        this.topicsByRole = topicsByRole;
        this.roleByTopic = roleByTopic;
        this.chosenFrames = chosenFrames;
        this.jointFields = jointFields;
    }

    /**
     * The same mapping, with the joint states of {@code fields}' topics read through their field
     * mappings (any message type) instead of as {@code sensor_msgs/JointState}.
     *
     * @throws IllegalArgumentException when a topic of {@code fields} is not mapped to the joints role
     */
    public SignalMapping withJointFields(Map<String, JointFields> fields) {
        fields.keySet().forEach(topic -> {
            if (roleByTopic.get(topic) != Role.JOINTS) {
                throw new IllegalArgumentException("fields are given for topic %s, which is not mapped to role joints".formatted(topic));
            }
        });
        return new SignalMapping(topicsByRole, roleByTopic, chosenFrames, Map.copyOf(fields));
    }

    /** How the joint states of {@code topic} are read from its fields, when the profile says so. */
    public Optional<JointFields> jointFields(String topic) {
        return Optional.ofNullable(jointFields.get(topic));
    }

    /** A mapping that takes every message of each topic. */
    public static SignalMapping of(Map<Role, List<String>> topicsByRole) {
        return of(topicsByRole, Map.of());
    }

    /**
     * A mapping that takes, on each topic of {@code chosenFrames}, only the messages whose
     * {@code header.frame_id} is the chosen one: the robot profile's choice among several
     * publishers of a topic.
     *
     * @throws IllegalArgumentException when a topic is mapped to two roles, or a frame is chosen on
     *     a topic no role maps or whose role's frame does not tell publishers apart
     */
    public static SignalMapping of(Map<Role, List<String>> topicsByRole, Map<String, String> chosenFrames) {
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
        chosenFrames.forEach((topic, frame) -> {
            Role role = seen.get(topic);
            if (role == null) {
                throw new IllegalArgumentException("a frame is chosen on topic %s, which no role maps".formatted(topic));
            }
            if (!role.framePublisher()) {
                throw new IllegalArgumentException("topic %s plays role %s, whose frame_id does not tell publishers apart"
                        .formatted(topic, role.key()));
            }
        });
        return new SignalMapping(Collections.unmodifiableMap(copy), Map.copyOf(seen), Map.copyOf(chosenFrames), Map.of());
    }

    /** The frame_id the robot profile chose on {@code topic}, or empty when every message is taken. */
    public Optional<String> chosenFrame(String topic) {
        return Optional.ofNullable(chosenFrames.get(topic));
    }

    /** The topics mapped to {@code role}, empty when the profile maps none. */
    public List<String> topics(Role role) {
        return topicsByRole.getOrDefault(role, List.of());
    }

    /** The role of {@code topic}, or empty when the topic is not mapped. */
    public Optional<Role> roleOf(String topic) {
        return Optional.ofNullable(roleByTopic.get(topic));
    }

    /** All mapped topics, in role order. */
    public List<String> allTopics() {
        List<String> all = new ArrayList<>();
        topicsByRole.values().forEach(all::addAll);
        return all;
    }
}
