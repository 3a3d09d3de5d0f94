package org.hcert.conformance.family;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Sample;

/**
 * The speed of every joint, by name, and of the base (its full twist: the norm of all three
 * linear components and of all three angular ones), each optionally smoothed by a centred moving
 * mean, per joint and per component.
 *
 * <p>A joint is identified by its name: a joint state may carry any subset of the joints in any
 * order, and joints may come in several messages or from several topics at different rates; each
 * joint's samples form its own stream. A joint state without velocities, or a velocity that is NaN,
 * gives that joint an unknown speed (NaN) at that instant, never 0.
 *
 * <p>While the listener is not {@linkplain Listener#listening() listening} (a stop clause between its
 * windows, most of a recording) no mean is kept: the samples of the last {@link #historyNs} are only
 * remembered, and when the listener starts listening the means are rebuilt from them (from one half-width
 * before the instant it listens from, when it says). A mean needs the samples within its half-width, so
 * the means emitted while listening are those of a motion fed every sample; the cost of a 40-joint 1 kHz
 * stream between windows is one reference per message.
 */
final class Motion {

    /** Receives smoothed speeds in time order per channel. */
    interface Listener {
        /**
         * A joint's |velocity|, rad/s, or NaN when unknown; {@code id} numbers the joints of this
         * motion from 0 in the order they first report, the same for a joint all along.
         */
        void joint(int id, String name, long tNs, double speedRadS);

        /** The base's linear speed (m/s) and turn rate (rad/s), each NaN when unknown. */
        void base(long tNs, double linearMs, double angularRadS);

        /**
         * Whether the listener uses the speeds emitted now (e.g. only while a window is open); while
         * it does not, their means are not computed.
         */
        default boolean listening() {
            return true;
        }

        /**
         * While {@linkplain #listening() listening}, the earliest instant whose speeds the listener
         * uses, ns; {@code Long.MIN_VALUE} (the default) when it uses whatever it is given. When
         * listening starts, the remembered samples are fed again only as far back as the means of
         * that instant need (one half-width before it): the means from that instant on are the same,
         * and the rest of the history is not worked through.
         */
        default long listeningFromNs() {
            return Long.MIN_VALUE;
        }
    }

    private final long halfWidthNs;
    private final Listener listener;
    /**
     * How far back the samples are remembered while no mean is kept: two half-widths and a second for
     * a window that starts before the sample that opens it (a trigger bracketed by a sampled state, a
     * stamp older than its neighbours').
     */
    private final long historyNs;
    private final RecentSamples<Sample> recent;
    private boolean active;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, CentredMean> joints = new LinkedHashMap<>();
    private JointLayouts<CentredMean> layouts = new JointLayouts<>((topic, name) -> mean(name));
    private CentredMean base;

    /** @param smoothingNs width of the centred mean, ns; 0 for none */
    Motion(long smoothingNs, Listener listener) {
        this.halfWidthNs = smoothingNs / 2;
        this.listener = listener;
        this.historyNs = 2 * halfWidthNs + 1_000_000_000L;
        this.recent = new RecentSamples<>(historyNs, 0);
        this.base = baseMean();
    }

    private CentredMean baseMean() {
        return new CentredMean(halfWidthNs, 6, new CentredMean.Sink() {
            @Override
            public void accept(long t, double[] v) {
                listener.base(t, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]),
                        Math.sqrt(v[3] * v[3] + v[4] * v[4] + v[5] * v[5]));
            }

            @Override
            public boolean wants() {
                return listener.listening();
            }
        });
    }

    void accept(Sample sample) {
        if (!(sample instanceof JointStateSample) && !(sample instanceof OdometrySample)) {
            return;
        }
        boolean listening = listener.listening();
        if (listening && !active) {
            // fresh means, fed what they need from the remembered samples
            joints.clear();
            layouts = new JointLayouts<>((topic, name) -> mean(name));
            base = baseMean();
            active = true;
            long from = listener.listeningFromNs();
            long replayFromNs = from == Long.MIN_VALUE ? Long.MIN_VALUE : from - halfWidthNs;
            recent.forEachFrom(replayFromNs, this::feed);
        } else if (!listening && active) {
            active = false;
        }
        recent.add(sample);
        if (active) {
            feed(sample);
        }
    }

    private void feed(Sample sample) {
        if (sample instanceof JointStateSample j) {
            List<CentredMean> means = layouts.of(j);
            for (int i = 0; i < means.size(); i++) {
                double v = j.hasVelocity() ? j.velocityRadS(i) : Double.NaN;
                means.get(i).add(j.tNs(), Double.isFinite(v) ? v : Double.NaN);
            }
        } else if (sample instanceof OdometrySample o) {
            base.add(o.tNs(), finite(o.linearVelocityMs().x()), finite(o.linearVelocityMs().y()),
                    finite(o.linearVelocityMs().z()), finite(o.angularVelocityRadS().x()),
                    finite(o.angularVelocityRadS().y()), finite(o.angularVelocityRadS().z()));
        }
    }

    /** The mean of joint {@code name}: one per joint, however its messages split the joints. */
    private CentredMean mean(String name) {
        int id = ids.computeIfAbsent(name, n -> ids.size());
        return joints.computeIfAbsent(name, n -> new CentredMean(halfWidthNs, 1, new CentredMean.Sink() {
            @Override
            public void accept(long t, double[] x) {
                listener.joint(id, n, t, Math.abs(x[0]));
            }

            @Override
            public boolean wants() {
                return listener.listening();
            }
        }));
    }

    /** Emit everything pending with the samples that have arrived. */
    void flush() {
        if (active) {
            joints.values().forEach(CentredMean::flush);
            base.flush();
        }
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }
}
