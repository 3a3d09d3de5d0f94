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
 */
final class Motion {

    /** Receives smoothed speeds in time order per channel. */
    interface Listener {
        /** A joint's |velocity|, rad/s, or NaN when unknown. */
        void joint(String name, long tNs, double speedRadS);

        /** The base's linear speed (m/s) and turn rate (rad/s), each NaN when unknown. */
        void base(long tNs, double linearMs, double angularRadS);

        /**
         * Whether the listener uses the speeds emitted now (e.g. only while a window is open); while
         * it does not, their means are not computed.
         */
        default boolean listening() {
            return true;
        }
    }

    private final long halfWidthNs;
    private final Listener listener;
    private final Map<String, CentredMean> joints = new LinkedHashMap<>();
    private final Map<String, ByNames> byTopic = new HashMap<>();
    private final CentredMean base;

    /** @param smoothingNs width of the centred mean, ns; 0 for none */
    Motion(long smoothingNs, Listener listener) {
        this.halfWidthNs = smoothingNs / 2;
        this.listener = listener;
        this.base = new CentredMean(halfWidthNs, 6, new CentredMean.Sink() {
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
        if (sample instanceof JointStateSample j) {
            CentredMean[] means = means(j);
            for (int i = 0; i < means.length; i++) {
                double v = j.hasVelocity() ? j.velocityRadS(i) : Double.NaN;
                means[i].add(j.tNs(), Double.isFinite(v) ? v : Double.NaN);
            }
        } else if (sample instanceof OdometrySample o) {
            base.add(o.tNs(), finite(o.linearVelocityMs().x()), finite(o.linearVelocityMs().y()),
                    finite(o.linearVelocityMs().z()), finite(o.angularVelocityRadS().x()),
                    finite(o.angularVelocityRadS().y()), finite(o.angularVelocityRadS().z()));
        }
    }

    /**
     * The means of a joint state's joints, by index: those of the topic's last message when its
     * names are the same list (as the CDR decoder hands out) or an equal one, found by name otherwise.
     */
    private CentredMean[] means(JointStateSample j) {
        ByNames last = byTopic.get(j.topic());
        List<String> names = j.names();
        if (last != null && (last.names == names || last.names.equals(names))) {
            return last.means;
        }
        CentredMean[] means = new CentredMean[names.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = joints.computeIfAbsent(names.get(i), n -> new CentredMean(halfWidthNs, 1, new CentredMean.Sink() {
                @Override
                public void accept(long t, double[] x) {
                    listener.joint(n, t, Math.abs(x[0]));
                }

                @Override
                public boolean wants() {
                    return listener.listening();
                }
            }));
        }
        byTopic.put(j.topic(), new ByNames(names, means));
        return means;
    }

    @SuppressWarnings("ArrayRecordComponent") // a cache entry, never compared
    private record ByNames(List<String> names, CentredMean[] means) {}

    /** Emit everything pending with the samples that have arrived. */
    void flush() {
        joints.values().forEach(CentredMean::flush);
        base.flush();
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }
}
