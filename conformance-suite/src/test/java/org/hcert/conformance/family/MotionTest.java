package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

class MotionTest {

    private static final long MS = 1_000_000L;

    /** What a listener received: a joint's or the base's speed at an instant. */
    private record Heard(String channel, long tNs, double speed) {}

    /** Listens while the time of the sample it is fed is one the predicate accepts. */
    private static class Window implements Motion.Listener {
        final List<Heard> heard = new ArrayList<>();
        final LongPredicate listensAt;
        long nowNs;

        Window(LongPredicate listensAt) {
            this.listensAt = listensAt;
        }

        @Override
        public void joint(int id, String name, long tNs, double speedRadS) {
            heard.add(new Heard(name, tNs, speedRadS));
        }

        @Override
        public void base(long tNs, double linearMs, double angularRadS) {
            heard.add(new Heard("base", tNs, linearMs + angularRadS));
        }

        @Override
        public boolean listening() {
            return listensAt.test(nowNs);
        }

        /** What was heard about the instants in [from, to]. */
        List<Heard> within(long from, long to) {
            return heard.stream().filter(h -> h.tNs() >= from && h.tNs() <= to).toList();
        }
    }

    /**
     * Two joints split over two messages at 1 kHz with different phases, and a 100 Hz base: a
     * signal whose means differ from sample to sample.
     */
    private static List<Sample> stream(int ms) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < ms; i++) {
            long t = i * MS;
            double x = i / 1000.0;
            out.add(new JointStateSample(t, "/joint_states", List.of("a"), new double[] {0},
                    new double[] {Math.sin(7 * x) + 0.1 * (i % 3)}, new double[0]));
            out.add(new JointStateSample(t, "/joint_states", List.of("b"), new double[] {0},
                    new double[] {Math.cos(3 * x) - 0.05 * (i % 5)}, new double[0]));
            if (i % 10 == 0) {
                out.add(new OdometrySample(t, "/odom", Vector3.ZERO, Quaternion.IDENTITY,
                        new Vector3(Math.sin(x), 0.2, 0), new Vector3(0, 0, Math.cos(2 * x))));
            }
        }
        return out;
    }

    private static void feed(Motion m, Window w, List<Sample> samples) {
        for (Sample s : samples) {
            w.nowNs = s.tNs();
            m.accept(s);
        }
        m.flush();
    }

    @Test
    void whatIsHeardAfterListeningStartsIsWhatAMotionFedEverythingGives() {
        // A 50 ms mean; listening from 2 s to 2.5 s, then again from 4 s: the means there are those
        // of a motion that kept every mean all along, though the first one kept none between.
        List<Sample> samples = stream(5000);
        Window always = new Window(t -> true);
        feed(new Motion(50 * MS, always), always, samples);
        Window windows = new Window(t -> (t >= 2000 * MS && t <= 2500 * MS) || t >= 4000 * MS);
        feed(new Motion(50 * MS, windows), windows, samples);

        List<Heard> first = windows.within(2000 * MS, 2470 * MS);
        assertThat(first).hasSize(471 * 2 + 48);
        assertThat(first).containsExactlyInAnyOrderElementsOf(always.within(2000 * MS, 2470 * MS));
        assertThat(windows.within(4000 * MS, 5000 * MS)).containsExactlyElementsOf(always.within(4000 * MS, 5000 * MS));
        // Between the windows nothing is heard but the remembered samples' means when listening
        // resumes (the last 1.05 s: a listener keeps those of its own window).
        assertThat(windows.within(2600 * MS, 2940 * MS)).isEmpty();
    }

    /**
     * A listener that says from which instant it listens gets, from that instant on, the means a
     * motion fed everything gives, though the history is fed again only from one half-width before it.
     */
    @Test
    void aListenerThatSaysWhenItListensFromHearsTheSameMeansFromThen() {
        List<Sample> samples = stream(5000);
        Window always = new Window(t -> true);
        feed(new Motion(50 * MS, always), always, samples);
        // listening starts at 2.3 s, for a window that began at 2.2 s (a trigger seen late), and again at 4 s
        Window late = new Window(t -> (t >= 2300 * MS && t <= 2500 * MS) || t >= 4000 * MS) {
            @Override
            public long listeningFromNs() {
                return nowNs >= 4000 * MS ? 4000 * MS : 2200 * MS;
            }
        };
        feed(new Motion(50 * MS, late), late, samples);
        assertThat(late.within(2200 * MS, 2470 * MS)).containsExactlyInAnyOrderElementsOf(always.within(2200 * MS, 2470 * MS));
        assertThat(late.within(4000 * MS, 5000 * MS)).containsExactlyElementsOf(always.within(4000 * MS, 5000 * MS));
        // before the instant it listens from, only the means of the half-width before it (and those not from all their samples)
        assertThat(late.within(0, 2174 * MS)).isEmpty();
    }
}
