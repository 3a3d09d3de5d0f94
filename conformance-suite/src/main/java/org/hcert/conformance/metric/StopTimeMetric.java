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

/**
 * Measure stop time: for every e-stop assertion, the time until all joints and the base are at
 * standstill for good, and whether drive power was removed, in one pass over the samples.
 *
 * <p>Standstill means every |joint velocity| below {@code jointStandstillRadS} and the norm of the
 * base linear velocity below {@code baseStandstillMs}. The observation of one stop ends at the
 * e-stop reset, after {@code observationNs}, or at the end of the samples, whichever comes first.
 */
public final class StopTimeMetric {

    /**
     * @param jointStandstillRadS joint speed below which a joint is at rest, rad/s
     * @param baseStandstillMs base speed below which the base is at rest, m/s
     * @param observationNs how long after the stop input to observe, ns
     */
    public record Parameters(double jointStandstillRadS, double baseStandstillMs, long observationNs) {}

    private StopTimeMetric() {}

    /** Evaluate every e-stop in {@code samples} (in log-time order). */
    public static List<StopObservation> evaluate(Iterator<Sample> samples, Parameters parameters) {
        List<StopObservation> out = new ArrayList<>();
        StopTrigger trigger = new StopTrigger(false);
        Open open = null;
        long lastNs = Long.MIN_VALUE;
        while (samples.hasNext()) {
            Sample s = samples.next();
            lastNs = s.tNs();
            if (open != null && (s.tNs() > open.endNs || StopTrigger.isRelease(s))) {
                out.add(open.close(Math.min(s.tNs(), open.endNs)));
                open = null;
            }
            StopTrigger.Kind kind = trigger.onSample(s);
            if (open == null && kind != null) {
                open = new Open(kind.description, s.tNs(), s.tNs() + parameters.observationNs(), parameters);
            }
            if (open != null) {
                open.add(s);
            }
        }
        if (open != null) {
            out.add(open.close(Math.min(lastNs, open.endNs)));
        }
        return out;
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

        Open(String trigger, long startNs, long endNs, Parameters p) {
            this.trigger = trigger;
            this.startNs = startNs;
            this.endNs = endNs;
            this.p = p;
        }

        void add(Sample s) {
            if (s instanceof JointStateSample j) {
                double v = j.maxAbsVelocityRadS();
                joints.add(startNs, j.tNs(), v >= p.jointStandstillRadS(), !Double.isNaN(v));
            } else if (s instanceof OdometrySample o) {
                double v = o.linearVelocityMs().norm();
                base.add(startNs, o.tNs(), v >= p.baseStandstillMs(), !Double.isNaN(v));
            } else if (s instanceof SafetyStateSample safety) {
                safetySamples++;
                if (safety.driveEnabled()) {
                    driveOffNs = Long.MIN_VALUE;
                } else if (driveOffNs == Long.MIN_VALUE) {
                    driveOffNs = safety.tNs();
                }
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
