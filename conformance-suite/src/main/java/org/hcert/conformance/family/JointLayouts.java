package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hcert.telemetry.JointStateSample;
import org.jspecify.annotations.Nullable;

/**
 * What each joint of a joint state maps to (a track, a mean, a set of bounds), by its index in the
 * message, kept per topic for the topic's last list of names. At 1 kHz with 40 joints, looking each
 * joint up by name in every message is most of a metric's cost; a topic's messages almost always
 * carry the same names (the CDR decoder hands out the same list), so the lookup is done once per
 * layout. A joint is still identified by its name: a message that splits or reorders the joints gets
 * its own layout, and every layout gives a joint the same value.
 *
 * @param <T> what a joint maps to
 */
public final class JointLayouts<T> {

    private record Layout<T>(List<String> names, List<T> values) {}

    private final BiFunction<String, String, T> ofJoint;
    private final Map<String, Layout<T>> byTopic = new HashMap<>();
    /** The topic of the last message and its layout: most recordings have one joint-state topic. */
    private @Nullable String lastTopic;
    private @Nullable Layout<T> lastLayout;

    /** @param ofJoint what the joint of the given topic and name maps to; called once per topic, name and layout */
    public JointLayouts(BiFunction<String, String, T> ofJoint) {
        this.ofJoint = ofJoint;
    }

    /**
     * What the joints of {@code j} map to, by index. The same topic and list as the last message's,
     * by identity, is the fast path; anything else is looked up by value.
     */
    @SuppressWarnings("ReferenceEquality")
    public List<T> of(JointStateSample j) {
        List<String> names = j.names();
        Layout<T> last = lastLayout;
        if (last != null && j.topic() == lastTopic && last.names == names) {
            return last.values;
        }
        last = byTopic.get(j.topic());
        if (last == null || !(last.names == names || last.names.equals(names))) {
            List<T> values = new ArrayList<>(names.size());
            for (String name : names) {
                values.add(ofJoint.apply(j.topic(), name));
            }
            last = new Layout<>(names, values);
            byTopic.put(j.topic(), last);
        }
        lastTopic = j.topic();
        lastLayout = last;
        return last.values;
    }
}
