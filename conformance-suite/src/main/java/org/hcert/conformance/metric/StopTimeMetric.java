package org.hcert.conformance.metric;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * Measure stop time: for every e-stop assertion, the time until all joints and the base are at
 * standstill for good, and whether drive power was removed, in one pass over the samples.
 *
 * <p>Standstill means every |joint velocity| below {@code jointStandstillRadS} and the norm of the
 * base linear velocity below {@code baseStandstillMs}. Before that test each joint velocity and
 * each base velocity component may be smoothed by a centred moving mean over
 * {@code smoothingNs} ({@link CentredMean}): sensor noise near the tolerance would otherwise decide
 * the stop time (at 1 kHz, 0.6 mrad/s of noise on a slowly braking joint moves a 0.01 rad/s
 * crossing by several ms). A window shorter than two sample periods changes nothing. The
 * observation of one stop ends at the e-stop reset, after {@code observationNs}, or at the end of
 * the samples, whichever comes first.
 */
public final class StopTimeMetric {

    /**
     * What counts as standstill and how long to watch.
     *
     * @param jointStandstillRadS joint speed below which a joint is at rest, rad/s
     * @param baseStandstillMs base speed below which the base is at rest, m/s
     * @param observationNs how long after the stop input to observe, ns
     * @param smoothingNs width of the centred moving mean applied to velocities before the
     *     standstill test, ns (0: none)
     */
    public record Parameters(double jointStandstillRadS, double baseStandstillMs, long observationNs, long smoothingNs) {

        public Parameters {
            if (smoothingNs < 0) {
                throw new IllegalArgumentException("smoothing window must not be negative: " + smoothingNs + " ns");
            }
        }

        /** Without smoothing. */
        public Parameters(double jointStandstillRadS, double baseStandstillMs, long observationNs) {
            this(jointStandstillRadS, baseStandstillMs, observationNs, 0);
        }
    }

    private StopTimeMetric() {}

    /** Evaluate every e-stop in {@code samples} (in log-time order). */
    public static List<StopObservation> evaluate(Iterator<Sample> samples, Parameters parameters) {
        return new Evaluation(parameters).run(samples);
    }

    /** One pass: smoothers run over every sample; their output feeds the open observation, if any. */
    private static final class Evaluation {
        final Parameters p;
        final CentredMean joints;
        final CentredMean base;
        @Nullable Open open;

        Evaluation(Parameters p) {
            this.p = p;
            long half = p.smoothingNs() / 2;
            this.joints = new CentredMean(half, (t, v) -> {
                if (open != null && t >= open.startNs) {
                    open.joint(t, maxAbs(v));
                }
            });
            this.base = new CentredMean(half, (t, v) -> {
                if (open != null && t >= open.startNs) {
                    open.base(t, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
                }
            });
        }

        List<StopObservation> run(Iterator<Sample> samples) {
            List<StopObservation> out = new ArrayList<>();
            StopTrigger trigger = new StopTrigger(false);
            long lastNs = Long.MIN_VALUE;
            while (samples.hasNext()) {
                Sample s = samples.next();
                lastNs = s.tNs();
                if (open != null && (s.tNs() > open.endNs || StopTrigger.isRelease(s))) {
                    out.add(close(Math.min(s.tNs(), open.endNs)));
                }
                StopTrigger.Kind kind = trigger.onSample(s);
                if (open == null && kind != null) {
                    open = new Open(kind.description, s.tNs(), s.tNs() + p.observationNs(), p);
                }
                if (s instanceof JointStateSample j) {
                    joints.add(j.tNs(), velocities(j));
                } else if (s instanceof OdometrySample o) {
                    base.add(o.tNs(), new double[] {o.linearVelocityMs().x(), o.linearVelocityMs().y(),
                        o.linearVelocityMs().z()});
                } else if (open != null && s instanceof SafetyStateSample safety) {
                    open.safety(safety);
                }
            }
            if (open != null) {
                out.add(close(Math.min(lastNs, open.endNs)));
            }
            return out;
        }

        /** Close the open observation with what the smoothers hold up to now (samples after its end are left out). */
        private StopObservation close(long endNs) {
            Open o = java.util.Objects.requireNonNull(open, "an observation is open");
            o.cutoffNs = endNs;
            joints.flush();
            base.flush();
            open = null;
            return o.close(endNs);
        }

        private static double[] velocities(JointStateSample j) {
            if (!j.hasVelocity()) {
                return new double[] {Double.NaN};
            }
            double[] v = new double[j.size()];
            for (int i = 0; i < v.length; i++) {
                double x = j.velocityRadS(i);
                v[i] = Double.isFinite(x) ? x : Double.NaN;
            }
            return v;
        }

        private static double maxAbs(double[] v) {
            double max = 0;
            for (double x : v) {
                if (Double.isNaN(x)) {
                    return Double.NaN;
                }
                max = Math.max(max, Math.abs(x));
            }
            return max;
        }
    }

    private static final class Open {
        final String trigger;
        final long startNs;
        final long endNs;
        final Parameters p;
        final Settling joints = new Settling();
        final Settling base = new Settling();
        long safetySamples;
        long driveOffNs = Long.MIN_VALUE;
        /** Smoothed samples after this instant are not part of the window (set when it closes). */
        long cutoffNs = Long.MAX_VALUE;

        Open(String trigger, long startNs, long endNs, Parameters p) {
            this.trigger = trigger;
            this.startNs = startNs;
            this.endNs = endNs;
            this.p = p;
        }

        void joint(long tNs, double maxAbsRadS) {
            if (tNs <= cutoffNs) {
                joints.add(startNs, tNs, maxAbsRadS >= p.jointStandstillRadS(), !Double.isNaN(maxAbsRadS));
            }
        }

        void base(long tNs, double speedMs) {
            if (tNs <= cutoffNs) {
                base.add(startNs, tNs, speedMs >= p.baseStandstillMs(), !Double.isNaN(speedMs));
            }
        }

        void safety(SafetyStateSample safety) {
            safetySamples++;
            if (safety.driveEnabled()) {
                driveOffNs = Long.MIN_VALUE;
            } else if (driveOffNs == Long.MIN_VALUE) {
                driveOffNs = safety.tNs();
            }
        }

        StopObservation close(long windowEndNs) {
            long end = Math.max(windowEndNs, startNs);
            OptionalLong standstill = joints.samples() > 0 && base.samples() > 0
                    && joints.settledSinceNs() != Long.MIN_VALUE && base.settledSinceNs() != Long.MIN_VALUE
                    ? OptionalLong.of(Math.max(joints.settledSinceNs(), base.settledSinceNs()))
                    : OptionalLong.empty();
            long gap = Math.max(trailingGap(joints, end), trailingGap(base, end));
            return new StopObservation(trigger, TimeWindow.of(startNs, end), standstill, joints.samples(),
                    joints.unknownSamples(), base.samples(), safetySamples, gap, optional(driveOffNs));
        }

        private long trailingGap(Settling s, long end) {
            long last = s.samples() == 0 ? startNs : s.lastNs();
            return Math.max(s.maxGapNs(), end - last);
        }

        private static OptionalLong optional(long ns) {
            return ns == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(ns);
        }
    }
}
