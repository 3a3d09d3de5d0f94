package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.SignalFixture.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.family.SignalFixture.Stamped;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class StreamHealthTest {

    private static final double EPS = 1e-9;
    private static final DeclaredStream JOINTS = new DeclaredStream(SignalFixture.JOINTS, true,
            Map.of("rate", new Quantity(100, Unit.HERTZ), "maxAge", new Quantity(5, Unit.MILLISECOND)));
    private static final DeclaredStream SAFETY = new DeclaredStream(SignalFixture.SAFETY, false,
            Map.of("rate", new Quantity(50, Unit.HERTZ)));
    private static final DeclaredStream TEMPERATURES = new DeclaredStream(SignalFixture.TEMPERATURES, true,
            Map.of("rate", new Quantity(1, Unit.HERTZ)));

    private static final SignalFixture CLAUSE = SignalFixture.streamHealth().streams(JOINTS, SAFETY, TEMPERATURES)
            .limit(StreamHealth.RATE, 100, Unit.HERTZ, Comparison.AT_LEAST)
            .limit(StreamHealth.AGE, 5, Unit.MILLISECOND, Comparison.AT_MOST)
            .limit(StreamHealth.STEP_BACK, 0, Unit.MILLISECOND, Comparison.AT_MOST)
            .limit(StreamHealth.FRAMES, 1, Unit.COUNT, Comparison.AT_MOST);

    private static Stamped joint(double ms, double stampMs, String frame) {
        return new Stamped(SignalFixture.joints(ms, List.of("a"), new double[] {0}, new double[] {0}),
                new MessageHeader(true, at(stampMs), frame));
    }

    private static Stamped safety(double ms, MessageHeader header) {
        return new Stamped(new SafetyStateSample(at(ms), SignalFixture.SAFETY, "auto", false, false, true), header);
    }

    /** Joints at 100 Hz from 0 to {@code lastMs}, each message {@code jitterMs} late every other time, stamped at its period. */
    private static List<Stamped> joints(int lastMs, double jitterMs) {
        List<Stamped> s = new ArrayList<>();
        for (int ms = 0; ms <= lastMs; ms += 10) {
            double late = (ms / 10) % 2 == 1 ? jitterMs : 0;
            s.add(joint(ms + late, ms, ""));
        }
        return s;
    }

    private static Reading of(ClauseEvidence e, String limit, String subject) {
        return e.readings(limit).stream().filter(r -> r.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void aPeriodicStreamHasItsRateInEveryWindowHoweverLateEachMessageComesWithinItsPeriod() {
        // 100 Hz over 5 s, every other message 8 ms late: a 2 s window starting at a message holds 200 of them.
        ClauseEvidence e = CLAUSE.evaluateStamped(sorted(joints(5000, 8)), at(5000));
        Reading rate = of(e, StreamHealth.RATE, SignalFixture.JOINTS);
        assertThat(rate.valueSi()).hasValueCloseTo(100.0, within(EPS));
        // log time - stamp runs from 0 to 8 ms: data up to 8 ms older than the freshest
        assertThat(of(e, StreamHealth.AGE, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(0.008, within(EPS));
        // its plot: each message's age beyond the freshest, 0 and 8 ms by turns, every message kept
        assertThat(of(e, StreamHealth.AGE, SignalFixture.JOINTS).traces()).singleElement().satisfies(t -> {
            assertThat(t.samples()).isEqualTo(501);
            assertThat(t.points()).extracting(org.hcert.conformance.verdict.Trace.Point::max)
                    .allSatisfy(v -> assertThat(v).satisfiesAnyOf(x -> assertThat(x).isCloseTo(0.0, within(EPS)),
                            x -> assertThat(x).isCloseTo(0.008, within(EPS))));
        });
        assertThat(of(e, StreamHealth.STEP_BACK, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(0.0, within(EPS));
        assertThat(of(e, StreamHealth.FRAMES, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(1.0, within(EPS));
    }

    @Test
    void aStreamThatStopsMidRunLeavesAWindowWithFewMessages() {
        // 100 Hz to 3000 ms in a run to 5000 ms: the window starting at the last message, [3000, 5000) ms, holds 1.
        Reading rate = of(CLAUSE.evaluateStamped(joints(3000, 0), at(5000)), StreamHealth.RATE, SignalFixture.JOINTS);
        assertThat(rate.valueSi()).hasValueCloseTo(0.5, within(EPS));
        assertThat(rate.window()).isEqualTo(TimeWindow.of(at(3000), at(5000)));
    }

    @Test
    void aStreamThatStartsLateLeavesTheFirstWindowShort() {
        // the run starts with a safety state at 0; joints run at 100 Hz from 1500 ms: [0, 2000) ms holds 50 of them.
        List<Stamped> s = new ArrayList<>();
        s.add(safety(0, MessageHeader.NONE));
        joints(5000, 0).stream().filter(x -> x.sample().tNs() >= at(1500)).forEach(s::add);
        Reading rate = of(CLAUSE.evaluateStamped(s, at(5000)), StreamHealth.RATE, SignalFixture.JOINTS);
        assertThat(rate.valueSi()).hasValueCloseTo(25.0, within(EPS));
    }

    @Test
    void theTemperatureTopicIsJudgedByItsWorstSensor() {
        // frames x and y at 1 Hz for 10 s; y stops after 4 s: the window that ends with the run, [8 s, 10 s), holds none.
        List<Stamped> s = new ArrayList<>();
        for (int t = 0; t <= 10; t++) {
            for (String frame : List.of("x", "y")) {
                if (frame.equals("x") || t <= 4) {
                    s.add(new Stamped(new TemperatureSample(at(t * 1000), SignalFixture.TEMPERATURES, frame, 30),
                            new MessageHeader(true, at(t * 1000), frame)));
                }
            }
        }
        ClauseEvidence e = SignalFixture.streamHealth().streams(TEMPERATURES).limit(StreamHealth.RATE, 1, Unit.HERTZ,
                Comparison.AT_LEAST).limit(StreamHealth.FRAMES, 1, Unit.COUNT, Comparison.AT_MOST).evaluateStamped(s, at(10_000));
        Reading rate = of(e, StreamHealth.RATE, SignalFixture.TEMPERATURES);
        assertThat(rate.valueSi()).hasValueCloseTo(0.0, within(EPS));
        assertThat(rate.window()).isEqualTo(TimeWindow.of(at(8000), at(10_000)));
        assertThat(rate.detail()).startsWith("/temperatures (frame y, the worst of 2): 0 messages in the worst 2000 ms window");
        // a temperature topic names one sensor per frame_id: no frame check
        assertThat(e.readings(StreamHealth.FRAMES)).isEmpty();
    }

    @Test
    void measuresStampsGoingBackAndASecondFrame() {
        // a stamp 3 ms earlier than the one before at 1000 ms; the frame "map" at 2000 ms beside "".
        List<Stamped> s = new ArrayList<>(joints(5000, 0));
        s.set(100, joint(1000, 987, ""));
        s.set(200, joint(2000, 2000, "map"));
        ClauseEvidence e = CLAUSE.evaluateStamped(s, at(5000));
        assertThat(of(e, StreamHealth.STEP_BACK, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(0.003, within(EPS));
        assertThat(of(e, StreamHealth.FRAMES, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(2.0, within(EPS));
        assertThat(of(e, StreamHealth.FRAMES, SignalFixture.JOINTS).detail()).isEqualTo("/joint_states: frame_id \"\", \"map\"");
    }

    @Test
    void anUnstampedStreamIsJudgedForItsRateOnlyAndAStampedOneWithoutStampsHasNoAge() {
        // the safety stream is declared unstamped; the joints are declared stamped but carry no stamp.
        List<Stamped> s = new ArrayList<>();
        for (int ms = 0; ms <= 3000; ms += 10) {
            s.add(new Stamped(SignalFixture.joints(ms, List.of("a"), new double[] {0}, new double[] {0}), MessageHeader.NONE));
            if (ms % 20 == 0) {
                s.add(safety(ms, MessageHeader.NONE));
            }
        }
        ClauseEvidence e = CLAUSE.evaluateStamped(s, at(3000));
        assertThat(e.readings(StreamHealth.RATE)).extracting(Reading::subject).contains(SignalFixture.SAFETY);
        assertThat(e.readings(StreamHealth.AGE)).extracting(Reading::subject).contains(SignalFixture.JOINTS)
                .doesNotContain(SignalFixture.SAFETY);
        assertThat(of(e, StreamHealth.AGE, SignalFixture.JOINTS).gaps()).containsExactly(
                "/joint_states carries no header stamp, though robot profile robot.yaml declares it stamped");
        // the declared temperature stream never appears
        assertThat(of(e, StreamHealth.RATE, SignalFixture.TEMPERATURES).gaps())
                .containsExactly("declared stream /temperatures never appears in the telemetry");
    }

    // ---- clock offset ----

    private static final SignalFixture CLOCK = SignalFixture.streamHealth()
            .limit(StreamHealth.CLOCK, 1, Unit.MILLISECOND, Comparison.AT_MOST);

    @Test
    void theClockOffsetIsTheDifferenceOfTheSmallestDelays() {
        // joints stamped at their log time less 1..3 ms (smallest delay 1 ms); safety states stamped 3 ms
        // before their log time less 0..1 ms (smallest 3 ms): the safety clock is 2 ms behind.
        List<Stamped> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 10) {
            s.add(joint(ms, ms - 1 - (ms / 10) % 3, ""));
            s.add(safety(ms + 5, new MessageHeader(true, at(ms + 5 - 3 - (ms / 10) % 2), "")));
        }
        Reading offset = FamilyFixture.single(CLOCK.evaluateStamped(sorted(s), at(2005)), StreamHealth.CLOCK);
        assertThat(offset.subject()).isEqualTo(SignalFixture.SAFETY);
        assertThat(offset.valueSi()).hasValueCloseTo(0.002, within(EPS));
        assertThat(offset.detail()).contains("its clock is 2 ms behind /joint_states's");
    }

    @Test
    void anUnstampedSafetyStreamCannotBeComparedAndSaysWhy() {
        List<Stamped> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 10) {
            s.add(joint(ms, ms, ""));
            s.add(safety(ms, MessageHeader.NONE));
        }
        Reading offset = FamilyFixture.single(CLOCK.evaluateStamped(s, at(2000)), StreamHealth.CLOCK);
        assertThat(offset.valueSi()).isEmpty();
        assertThat(offset.gaps()).containsExactly("/safety/state carries no header stamp (its messages have no std_msgs/Header, "
                + "or a zero stamp), so its clock cannot be compared with another stream's from the recording: only the log time "
                + "of each message is recorded");
    }

    @Test
    void aZeroStampIsNoStamp() {
        assertThat(new MessageHeader(true, 0, "").stamped()).isFalse();
        assertThat(MessageHeader.NONE.stamped()).isFalse();
    }

    private static List<Stamped> sorted(List<Stamped> s) {
        List<Stamped> out = new ArrayList<>(s);
        out.sort(java.util.Comparator.comparingLong(x -> x.sample().tNs()));
        return out;
    }

    /**
     * A reader may hand out a new topic string with every message (the streams are looked up by
     * identity first): the stream is found by its name all the same, however many strings there are.
     */
    @Test
    void aTopicStringMadeAnewForEveryMessageIsStillItsStream() {
        List<Stamped> shared = sorted(joints(5000, 8));
        List<Stamped> fresh = new ArrayList<>();
        for (Stamped s : shared) {
            org.hcert.telemetry.JointStateSample j = (org.hcert.telemetry.JointStateSample) s.sample();
            @SuppressWarnings("StringCopy") // a string equal to the topic but another object, as a text reader makes
            String topic = new String(j.topic());
            fresh.add(new Stamped(new org.hcert.telemetry.JointStateSample(j.tNs(), topic, j.names(), new double[] {0},
                    new double[] {0}, new double[] {0}), s.header()));
        }
        ClauseEvidence a = CLAUSE.evaluateStamped(shared, at(5000));
        ClauseEvidence b = CLAUSE.evaluateStamped(fresh, at(5000));
        for (String limit : List.of(StreamHealth.RATE, StreamHealth.AGE, StreamHealth.STEP_BACK, StreamHealth.FRAMES)) {
            assertThat(of(b, limit, SignalFixture.JOINTS).valueSi()).as(limit).isEqualTo(of(a, limit, SignalFixture.JOINTS).valueSi());
        }
        assertThat(of(b, StreamHealth.RATE, SignalFixture.JOINTS).valueSi()).hasValueCloseTo(100.0, within(EPS));
    }
}
