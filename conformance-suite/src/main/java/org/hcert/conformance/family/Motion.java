package org.hcert.conformance.family;

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
    private final JointLayouts<CentredMean> layouts = new JointLayouts<>((topic, name) -> mean(name));
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
        return joints.computeIfAbsent(name, n -> new CentredMean(halfWidthNs, 1, new CentredMean.Sink() {
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

    /** Emit everything pending with the samples that have arrived. */
    void flush() {
        joints.values().forEach(CentredMean::flush);
        base.flush();
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }
}
