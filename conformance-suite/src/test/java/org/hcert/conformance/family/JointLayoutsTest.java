package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.JointStateSample;
import org.junit.jupiter.api.Test;

/** A joint maps to the same value whatever list, order or topic carries its name, and is looked up once per layout. */
class JointLayoutsTest {

    private static JointStateSample sample(String topic, List<String> names) {
        double[] zeros = new double[names.size()];
        return new JointStateSample(0, topic, names, zeros, zeros, zeros);
    }

    @Test
    void theSameNamesInAnotherListMapToTheSameValuesWithoutLookingTheJointsUpAgain() {
        List<String> calls = new ArrayList<>();
        JointLayouts<String> layouts = new JointLayouts<>((topic, name) -> {
            calls.add(name);
            return topic + ":" + name;
        });
        List<String> first = List.of("a", "b", "c");
        assertThat(layouts.of(sample("/j", first))).containsExactly("/j:a", "/j:b", "/j:c");
        // a decoder that hands out a new list with the same names now and then
        List<String> again = List.copyOf(new ArrayList<>(first));
        assertThat(again).isNotSameAs(first);
        for (int i = 0; i < 100; i++) {
            List<String> names = i % 10 == 0 ? first : again;
            assertThat(layouts.of(sample("/j", names))).containsExactly("/j:a", "/j:b", "/j:c");
        }
        assertThat(calls).as("joints looked up").containsExactly("a", "b", "c");
    }

    @Test
    void aReorderedOrSplitMessageAndAnotherTopicMapEachJointByItsName() {
        JointLayouts<String> layouts = new JointLayouts<>((topic, name) -> topic + ":" + name);
        assertThat(layouts.of(sample("/j", List.of("a", "b", "c")))).containsExactly("/j:a", "/j:b", "/j:c");
        assertThat(layouts.of(sample("/j", List.of("c", "a")))).containsExactly("/j:c", "/j:a");
        assertThat(layouts.of(sample("/k", List.of("b")))).containsExactly("/k:b");
        assertThat(layouts.of(sample("/j", List.of("a", "b", "c")))).containsExactly("/j:a", "/j:b", "/j:c");
    }
}
