package org.hcert.telemetry.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.telemetry.TimeBase;
import org.jspecify.annotations.Nullable;

/**
 * Which recorded topics play which {@link Role}, as declared in a robot profile.
 *
 * <p>A role may be played by several topics (two wrist wrenches) or by none (the robot has no
 * battery telemetry). A topic plays one role, unless its fields are mapped ({@link FieldMapping}):
 * then one message (a vendor's state holding motors and IMU, a row of a table) may feed several
 * roles, each through its own fields.
 */
public final class SignalMapping {

    private final Map<Role, List<String>> topicsByRole;
    /** The other way round: asked once per message of a pass. */
    private final Map<String, Set<Role>> rolesByTopic;
    private final Map<String, String> chosenFrames;
    private final Map<String, Map<Role, FieldMapping>> fieldMappings;
    private final @Nullable TimeBase timeBase;

    private SignalMapping(Map<Role, List<String>> topicsByRole, Map<String, Set<Role>> rolesByTopic, Map<String, String> chosenFrames,
            Map<String, Map<Role, FieldMapping>> fieldMappings, @Nullable TimeBase timeBase) {
        this.topicsByRole = topicsByRole;
        this.rolesByTopic = rolesByTopic;
        this.chosenFrames = chosenFrames;
        this.fieldMappings = fieldMappings;
        this.timeBase = timeBase;
    }

    /**
     * The same mapping, which reads the time of a row or frame of recordings without log times of
     * their own (a vendor's CSV table, an HDF5 episode) by {@code time}: the robot profile's
     * {@code recordingTime}.
     */
    public SignalMapping withTimeBase(TimeBase time) {
        return new SignalMapping(topicsByRole, rolesByTopic, chosenFrames, fieldMappings, time);
    }

    /** Where the time of a row or frame is, for recordings without log times of their own, when the profile says. */
    public Optional<TimeBase> timeBase() {
        return Optional.ofNullable(timeBase);
    }

    /** This mapping with {@code fields}; see {@link #of(Map, Map, Map)}. */
    private SignalMapping withFields(Map<String, Map<Role, FieldMapping>> fields) {
        Map<String, Map<Role, FieldMapping>> copy = new HashMap<>();
        fields.forEach((topic, byRole) -> {
            byRole.forEach((role, f) -> {
                if (!rolesByTopic.getOrDefault(topic, Set.of()).contains(role)) {
                    throw new IllegalArgumentException("fields for role %s are given for topic %s, which is not mapped to it"
                            .formatted(role.key(), topic));
                }
                Role fed = f instanceof BodyFields b ? b.role() : Role.JOINTS;
                if (fed != role) {
                    throw new IllegalArgumentException("the fields given for role %s of topic %s feed role %s".formatted(role.key(), topic,
                            fed.key()));
                }
            });
            Map<Role, FieldMapping> c = new EnumMap<>(Role.class);
            c.putAll(byRole);
            copy.put(topic, Collections.unmodifiableMap(c));
        });
        rolesByTopic.forEach((topic, roles) -> {
            if (roles.size() > 1 && !copy.getOrDefault(topic, Map.of()).keySet().containsAll(roles)) {
                throw new IllegalArgumentException(("topic %s is mapped to roles %s; a topic plays several roles only through the fields "
                        + "it gives each").formatted(topic, String.join(", ", roles.stream().map(Role::key).toList())));
            }
        });
        return new SignalMapping(topicsByRole, rolesByTopic, chosenFrames, Map.copyOf(copy), timeBase);
    }

    /** How the samples of {@code role} are read from the fields of {@code topic}, when the profile says so. */
    public Optional<FieldMapping> fields(String topic, Role role) {
        return Optional.ofNullable(fieldMappings.getOrDefault(topic, Map.of()).get(role));
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
        return of(topicsByRole, chosenFrames, Map.of());
    }

    /**
     * A mapping as {@link #of(Map, Map)}, with the samples of the given topics and roles read
     * through their field mappings (any message type) instead of as the role's own message type. A
     * topic may play several roles when it gives fields for each.
     *
     * @param fields the field mapping of each topic, by the role it feeds
     * @throws IllegalArgumentException as {@link #of(Map, Map)} does, when a topic and role of
     *     {@code fields} are not mapped, or when a topic that plays several roles lacks fields for one
     */
    public static SignalMapping of(Map<Role, List<String>> topicsByRole, Map<String, String> chosenFrames,
            Map<String, Map<Role, FieldMapping>> fields) {
        Map<Role, List<String>> copy = new EnumMap<>(Role.class);
        Map<String, Set<Role>> seen = new HashMap<>();
        topicsByRole.forEach((role, topics) -> {
            for (String topic : topics) {
                seen.computeIfAbsent(topic, t -> EnumSet.noneOf(Role.class)).add(role);
            }
            copy.put(role, List.copyOf(topics));
        });
        chosenFrames.forEach((topic, frame) -> {
            Set<Role> roles = seen.get(topic);
            if (roles == null) {
                throw new IllegalArgumentException("a frame is chosen on topic %s, which no role maps".formatted(topic));
            }
            for (Role role : roles) {
                if (!role.framePublisher()) {
                    throw new IllegalArgumentException("topic %s plays role %s, whose frame_id does not tell publishers apart"
                            .formatted(topic, role.key()));
                }
            }
        });
        Map<String, Set<Role>> frozen = new HashMap<>();
        seen.forEach((topic, roles) -> frozen.put(topic, Collections.unmodifiableSet(roles)));
        return new SignalMapping(Collections.unmodifiableMap(copy), Map.copyOf(frozen), Map.copyOf(chosenFrames), Map.of(), null)
                .withFields(fields);
    }

    /** The frame_id the robot profile chose on {@code topic}, or empty when every message is taken. */
    public Optional<String> chosenFrame(String topic) {
        return Optional.ofNullable(chosenFrames.get(topic));
    }

    /** The topics mapped to {@code role}, empty when the profile maps none. */
    public List<String> topics(Role role) {
        return topicsByRole.getOrDefault(role, List.of());
    }

    /** The roles {@code topic} plays: empty when it is not mapped, several only through field mappings. */
    public Set<Role> roles(String topic) {
        return rolesByTopic.getOrDefault(topic, Set.of());
    }

    /** All mapped topics, in role order, each once. */
    public List<String> allTopics() {
        List<String> all = new ArrayList<>();
        topicsByRole.values().forEach(ts -> ts.stream().filter(t -> !all.contains(t)).forEach(all::add));
        return all;
    }
}
