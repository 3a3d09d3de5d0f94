package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * Joint range: every declared joint's position stays within its declared soft limits over the whole
 * telemetry. One reading per declared joint: how far beyond its limits it went (negative: the margin
 * left inside). A joint is identified by its name, wherever and however often it is reported; a
 * declared joint that never reports has no value, and one whose samples have a gap longer than
 * {@code maxSampleGap}, or cover less than {@code minDuration}, is incomplete evidence.
 */
final class JointRange implements Family {

    static final String OVERRUN = "jointOverrun";

    /** How far into a joint's declared range (from its lower limit) the live test motion goes: {@value}. */
    static final double TEST_MOTION_FRACTION = 0.95;

    @Override
    public String name() {
        return "joint-range";
    }

    @Override
    public String summary() {
        return "every declared joint's position stays within its declared soft limits over the whole run";
    }

    @Override
    public List<OptionName> options() {
        return List.of();
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.required(OVERRUN, Dimension.ANGLE, "joint overrun beyond soft limit"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in a joint's samples that still counts as evidence"),
                ParameterName.required("minDuration", Dimension.TIME, POSITIVE, "shortest span of a joint's samples that counts as evidence"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return EnumSet.of(Role.JOINTS);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.noneOf(Role.class);
    }

    /**
     * Move each elbow (or, on a robot without elbows, the first two joints) to 95 % of its declared
     * range and back to its midpoint, at up to 1 rad/s: a healthy robot stays inside its limits, one
     * that overshoots its commands goes beyond them.
     */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        return new LiveAction(s -> testMotion(s, clause.robot().joints()), Duration.ofMillis(500));
    }

    private static void testMotion(LiveSession s, List<DeclaredJoint> joints) {
        List<DeclaredJoint> chosen = joints.stream().filter(j -> j.name().contains("elbow")).toList();
        for (DeclaredJoint j : chosen.isEmpty() ? joints.subList(0, Math.min(2, joints.size())) : chosen) {
            double speed = Double.isFinite(j.maxVelocityRadS()) ? Math.min(1.0, j.maxVelocityRadS()) : 1.0;
            double travel = j.upperRad() - j.lowerRad();
            s.moveJoint(j.name(), j.lowerRad() + TEST_MOTION_FRACTION * travel, speed,
                    Duration.ofMillis(Math.round((travel / speed + 1) * 1000)));
            s.moveJoint(j.name(), j.lowerRad() + travel / 2, speed, Duration.ofMillis(Math.round((travel / speed / 2 + 0.5) * 1000)));
        }
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final Map<String, Range> joints = new LinkedHashMap<>();
        /** A joint the profile does not declare maps to this: nothing is kept for it. */
        private final Range undeclared = new Range(new DeclaredJoint("", Double.NaN, Double.NaN, Double.NaN));
        private final JointLayouts<Range> layouts = new JointLayouts<>((topic, name) -> joints.getOrDefault(name, undeclared));

        Evaluation(ClauseSetup c) {
            this.c = c;
            c.robot().joints().forEach(j -> joints.put(j.name(), new Range(j)));
        }

        @Override
        public void accept(Sample s) {
            if (s instanceof JointStateSample j) {
                List<Range> byIndex = layouts.of(j);
                for (int i = 0; i < byIndex.size(); i++) {
                    Range r = byIndex.get(i);
                    if (r != undeclared) {
                        r.add(j.tNs(), j.positionRad(i));
                    }
                }
            }
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            ClauseEvidence.Builder out = new ClauseEvidence.Builder();
            long first = joints.values().stream().mapToLong(r -> r.firstNs).filter(t -> t != Long.MIN_VALUE).min().orElse(endNs);
            TimeWindow all = TimeWindow.of(Math.min(first, endNs), Math.max(first, endNs));
            for (Range r : joints.values()) {
                out.add(OVERRUN, r.reading(all, c.nanos("maxSampleGap"), c.nanos("minDuration")));
            }
            if (joints.isEmpty()) {
                out.problem("robot profile %s declares no joints".formatted(c.robot().profile()));
            }
            return out.build();
        }
    }

    /** One joint's extremes and sampling. */
    private static final class Range {
        final DeclaredJoint joint;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long minAtNs;
        long maxAtNs;
        long samples;
        long nonFinite;
        long firstNs = Long.MIN_VALUE;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;
        /** Positions for the plot; made only for a declared joint. */
        @Nullable TraceRecorder positions;

        Range(DeclaredJoint joint) {
            this.joint = joint;
        }

        void add(long tNs, double q) {
            if (lastNs != Long.MIN_VALUE) {
                maxGapNs = Math.max(maxGapNs, tNs - lastNs);
            } else {
                firstNs = tNs;
            }
            lastNs = tNs;
            samples++;
            if (!Double.isFinite(q)) {
                nonFinite++;
                return;
            }
            if (q < min) {
                min = q;
                minAtNs = tNs;
            }
            if (q > max) {
                max = q;
                maxAtNs = tNs;
            }
            TraceRecorder p = positions;
            if (p == null) {
                p = new TraceRecorder("position of " + joint.name(), "rad", Trace.LimitOn.NONE, Optional.empty());
                positions = p;
            }
            p.add(tNs, q);
        }

        Reading reading(TimeWindow all, long maxGap, long minDuration) {
            String name = joint.name();
            if (samples == 0 || samples == nonFinite) {
                return Reading.none(name, all, List.of("declared joint %s never reports a position".formatted(name)), "");
            }
            TimeWindow seen = TimeWindow.of(firstNs, lastNs);
            List<String> gaps = new ArrayList<>();
            long trailing = all.endNs() - lastNs;
            long leading = firstNs - all.startNs();
            long gap = Math.max(maxGapNs, Math.max(trailing, leading));
            if (gap > maxGap) {
                gaps.add("%s samples have a gap of %s (at most %s allowed)".formatted(name, Times.ms(gap), Times.ms(maxGap)));
            }
            if (lastNs - firstNs < minDuration) {
                gaps.add("%s samples cover only %s (at least %s needed)".formatted(name, Times.ms(lastNs - firstNs), Times.ms(minDuration)));
            }
            if (nonFinite > 0) {
                gaps.add("%d positions of %s are NaN or infinite".formatted(nonFinite, name));
            }
            double overUpper = max - joint.upperRad();
            double underLower = joint.lowerRad() - min;
            boolean upper = overUpper >= underLower;
            long at = upper ? maxAtNs : minAtNs;
            TraceRecorder p = positions;
            List<Trace> traces = p == null ? List.of() : List.of(withThreshold(p.trace(), new Trace.Threshold(
                    upper ? joint.upperRad() : joint.lowerRad(), upper ? "soft upper limit" : "soft lower limit")));
            return Reading.of(name, seen, Math.max(overUpper, underLower), gaps,
                    "%s: %s %s rad vs %s limit %s rad at %s (negative = inside by that margin)".formatted(name,
                            upper ? "max" : "min", Quantity.format(upper ? max : min), upper ? "upper" : "lower",
                            Quantity.format(upper ? joint.upperRad() : joint.lowerRad()), TimeWindow.of(at, at)))
                    .withTraces(traces);
        }

        private static Trace withThreshold(Trace t, Trace.Threshold threshold) {
            return new Trace(t.signal(), t.unit(), t.limitOn(), t.points(), Optional.of(threshold), t.samples());
        }
    }
}
