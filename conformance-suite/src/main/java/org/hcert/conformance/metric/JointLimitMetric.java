package org.hcert.conformance.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Sample;

/**
 * Find, in one pass, the lowest and highest position of every declared joint, so that each can be
 * compared with its soft limits; joints never seen and gaps in the joint stream are reported.
 */
public final class JointLimitMetric {

    /** A joint's declared soft limits, rad. */
    public record Declared(String name, double lowerRad, double upperRad) {}

    /**
     * What the pass over the joint states found.
     *
     * @param joints the range of every declared joint, in declaration order
     * @param jointSamples number of joint-state samples seen
     * @param firstNs first joint sample, ns ({@code Long.MIN_VALUE} when none)
     * @param lastNs last joint sample, ns
     * @param maxGapNs the longest interval between consecutive joint samples, ns
     * @param nonFinitePositions positions of declared joints that were NaN or infinite
     */
    public record Result(
            List<JointRange> joints, long jointSamples, long firstNs, long lastNs, long maxGapNs,
            long nonFinitePositions) {

        /** Joints declared in the profile but absent from every sample. */
        public List<String> unseenJoints() {
            return joints.stream().filter(j -> j.samples() == 0).map(JointRange::name).toList();
        }
    }

    private JointLimitMetric() {}

    public static Result evaluate(Iterator<Sample> samples, List<Declared> declared) {
        Tracker[] trackers = declared.stream().map(Tracker::new).toArray(Tracker[]::new);
        Map<String, Tracker> byName = new HashMap<>();
        for (Tracker t : trackers) {
            byName.put(t.declared.name(), t);
        }
        long count = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long maxGap = 0;
        long nonFinite = 0;
        while (samples.hasNext()) {
            if (!(samples.next() instanceof JointStateSample j)) {
                continue;
            }
            if (count++ == 0) {
                first = j.tNs();
            } else {
                maxGap = Math.max(maxGap, j.tNs() - last);
            }
            last = j.tNs();
            for (int i = 0; i < j.size(); i++) {
                Tracker t = byName.get(j.names().get(i));
                if (t != null && !t.add(j.tNs(), j.positionRad(i))) {
                    nonFinite++;
                }
            }
        }
        List<JointRange> ranges = new ArrayList<>(trackers.length);
        for (Tracker t : trackers) {
            ranges.add(t.range());
        }
        return new Result(ranges, count, first, last, maxGap, nonFinite);
    }

    private static final class Tracker {
        final Declared declared;
        long samples;
        double min = Double.NaN;
        long minAt;
        double max = Double.NaN;
        long maxAt;

        Tracker(Declared declared) {
            this.declared = declared;
        }

        boolean add(long tNs, double q) {
            if (!Double.isFinite(q)) {
                return false;
            }
            if (samples++ == 0 || q < min) {
                min = q;
                minAt = tNs;
            }
            if (samples == 1 || q > max) {
                max = q;
                maxAt = tNs;
            }
            return true;
        }

        JointRange range() {
            return new JointRange(declared.name(), declared.lowerRad(), declared.upperRad(), samples, min, minAt,
                    max, maxAt);
        }
    }
}
