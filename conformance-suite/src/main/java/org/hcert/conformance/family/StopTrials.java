package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Bound;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stop-at-speed} trials of the {@link Trials} family: every normal stop
 * ({@code stop_requested}) while the base walked at the declared rated speed.
 *
 * <p>The approach speed is the straight-line distance the base covered over {@code approachWindow}
 * up to its last odometry sample before the stop, divided by that time (a mean over whole steps,
 * since a walking base's speed swings within a step); a stop whose approach speed is more than
 * {@code speedTolerance} from {@code ratedWalkSpeed} is not a trial, and one whose approach the
 * odometry does not cover is a trial with missing evidence. A trial ends when the base has been at
 * standstill (linear speed below {@code standstillBaseSpeed} and turn rate below
 * {@code standstillBaseTurnRate}) for {@code minStandstillHold}, after {@code observationWindow}, at
 * the next stop, reset, start or motion command, or at the end of the telemetry. Its stopping time runs from the
 * stop command to the first instant of that standstill; its stopping distance is the farthest the
 * base got (horizontally) from where it was at the stop command, interpolated between odometry
 * samples. A stop not ended when its trial ends gives only lower bounds.
 */
final class StopTrials extends Evaluator {

    private final ClauseSetup c;
    private long firstNs = Long.MIN_VALUE;
    private final Triggers triggers = new Triggers(Triggers.Kind.NORMAL_STOP);
    private final Triggers.WindowEnds ends = new Triggers.WindowEnds();
    private final RecentSamples<OdometrySample> recent;
    private final List<Trials.Trial> trials = new ArrayList<>();
    private final List<String> notTrials = new ArrayList<>();
    private final Optional<Quantity> rated;
    private final long maxGap;
    private final long approachNs;
    private @Nullable Stop open;
    private int stops;

    StopTrials(ClauseSetup c) {
        this.c = c;
        this.rated = c.robot().declaredValue(Trials.RATED_SPEED).filter(q -> q.dimension() == Dimension.SPEED);
        this.maxGap = c.nanos("maxSampleGap");
        this.approachNs = c.nanos("approachWindow");
        this.recent = new RecentSamples<>(approachNs + 2 * maxGap, 2);
    }

    @Override
    public void accept(Sample s) {
        if (firstNs == Long.MIN_VALUE) {
            firstNs = s.tNs();
        }
        Stop w = open;
        boolean ended = ends.onSample(s).endsStopWindow();
        if (w != null && (ended || s.tNs() > w.endNs)) {
            boolean byEvent = ended && s.tNs() <= w.endNs;
            close(w, byEvent ? s.tNs() : w.endNs, byEvent ? "the next stop, reset, start or motion command" : "the end of its observation window");
        }
        var trigger = triggers.onSample(s);
        if (trigger.isPresent()) {
            stops++;
            begin(trigger.get().latestNs(), trigger.get().description());
        }
        if (s instanceof OdometrySample o) {
            Stop now = open;
            if (now != null) {
                now.add(o);
            }
            recent.add(o);
        }
    }

    private void begin(long tNs, String how) {
        if (rated.isEmpty()) {
            return;
        }
        String label = "trial %d (stop at %s)".formatted(trials.size() + 1, Times.instant(tNs));
        OdometrySample last = recent.last();
        String uncovered = "";
        double approach = Double.NaN;
        if (last == null) {
            uncovered = "no odometry before it";
        } else if (tNs - last.tNs() > maxGap) {
            uncovered = "the odometry's last sample before it is %s old".formatted(Times.ms(tNs - last.tNs()));
        } else {
            Vector3 then = positionAt(last.tNs() - approachNs);
            if (then == null) {
                uncovered = "the odometry does not cover the %s before it without a gap over %s"
                        .formatted(Times.ms(approachNs), Times.ms(maxGap));
            } else {
                approach = horizontal(last.positionM(), then) / (approachNs / 1e9);
            }
        }
        if (last == null || !uncovered.isEmpty()) {
            trials.add(new Trials.Trial(label, TimeWindow.of(tNs, tNs), Map.of(), Bound.EXACT,
                    List.of("its approach speed is unknown: " + uncovered), how));
            return;
        }
        double ratedMps = rated.get().si();
        double tolerance = c.parameter("speedTolerance");
        if (Math.abs(approach - ratedMps) > tolerance) {
            notTrials.add("the stop at %s came at %s m/s (mean over %s), not at the rated %s m/s ± %s m/s".formatted(Times.instant(tNs),
                    Quantity.format(round(approach)), Times.ms(approachNs), Quantity.format(ratedMps), Quantity.format(tolerance)));
            return;
        }
        open = new Stop(label, tNs, tNs + c.nanos("observationWindow"), last, approach, how);
    }

    /** The base's position at {@code tNs}, interpolated, if the recent samples cover it without a gap over maxSampleGap. */
    private @Nullable Vector3 positionAt(long tNs) {
        OdometrySample before = null;
        Iterator<OdometrySample> it = recent.iterator();
        while (it.hasNext()) {
            OdometrySample o = it.next();
            if (before != null && o.tNs() - before.tNs() > maxGap && o.tNs() > tNs) {
                return null;
            }
            if (o.tNs() >= tNs) {
                return before == null ? (o.tNs() == tNs ? o.positionM() : null) : interpolate(before, o, tNs);
            }
            before = o;
        }
        return null;
    }

    private void close(Stop w, long endNs, String endedBy) {
        open = null;
        List<String> gaps = new ArrayList<>(w.gaps);
        Settling s = w.settling;
        if (s.samples() == 0) {
            gaps.add("no odometry after the stop command");
        } else if (endNs - s.lastNs() > maxGap) {
            gaps.add("the odometry has a gap of %s at the trial's end (at most %s allowed)".formatted(Times.ms(endNs - s.lastNs()), Times.ms(maxGap)));
        }
        if (s.unknownSamples() > 0) {
            gaps.add("%d odometry samples have no usable twist".formatted(s.unknownSamples()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Bound bound = Bound.EXACT;
        String result;
        long settled = s.settledSinceNs();
        if (settled != Long.MIN_VALUE && w.startM != null) {
            long hold = s.lastNs() - settled;
            if (hold < c.nanos("minStandstillHold")) {
                gaps.add("standstill was seen for only %s before the trial ended (by %s; %s needed)".formatted(Times.ms(hold), endedBy,
                        Times.ms(c.nanos("minStandstillHold"))));
            }
            values.put(Trials.STOPPING_TIME, (settled - w.tNs) / 1e9);
            values.put(Trials.STOPPING_DISTANCE, w.farthestM);
            result = "base at standstill from %s (held %s)".formatted(Times.instant(settled), Times.ms(hold));
        } else if (s.lastSeenMoving() && w.startM != null) {
            bound = Bound.AT_LEAST;
            values.put(Trials.STOPPING_TIME, (Math.max(endNs, w.tNs) - w.tNs) / 1e9);
            values.put(Trials.STOPPING_DISTANCE, w.farthestM);
            gaps.add("the base was still moving when the trial ended (by %s)".formatted(endedBy));
            result = "the base still moving when the trial ended";
        } else {
            gaps.add("the base's motion at the end of the trial (by %s) is unknown".formatted(endedBy));
            result = "the base's motion unknown at the end";
        }
        String detail = "%s at %s after approaching at %s m/s; %s; farthest %s m from where it was at the stop command; trial ended by %s"
                .formatted(w.how, Times.instant(w.tNs), Quantity.format(round(w.approachMps)), result, Quantity.format(round(w.farthestM)), endedBy);
        trials.add(new Trials.Trial(w.label, TimeWindow.of(w.tNs, Math.max(w.tNs, endNs)), values, bound, gaps, detail));
    }

    @Override
    public ClauseEvidence finish(long endNs) {
        Stop w = open;
        if (w != null) {
            close(w, Math.min(Math.max(endNs, w.tNs), w.endNs), endNs >= w.endNs ? "the end of its observation window" : "the end of the telemetry");
        }
        ClauseEvidence.Builder out = new ClauseEvidence.Builder();
        if (rated.isEmpty()) {
            out.problem("robot profile %s declares no %s (a speed): stops at rated speed cannot be told from others"
                    .formatted(c.robot().profile(), Trials.RATED_SPEED));
        } else if (stops == 0) {
            out.problem("no normal stop (stop_requested event) in the telemetry");
        }
        long first = firstNs == Long.MIN_VALUE ? Math.max(0, endNs) : firstNs;
        Trials.readings(c, trials, notTrials, TimeWindow.of(first, Math.max(first, endNs)), out);
        return out.build();
    }

    static Vector3 interpolate(OdometrySample a, OdometrySample b, long tNs) {
        if (b.tNs() == a.tNs()) {
            return b.positionM();
        }
        double f = (tNs - a.tNs()) / (double) (b.tNs() - a.tNs());
        Vector3 p = a.positionM();
        Vector3 q = b.positionM();
        return new Vector3(p.x() + f * (q.x() - p.x()), p.y() + f * (q.y() - p.y()), p.z() + f * (q.z() - p.z()));
    }

    static double horizontal(Vector3 a, Vector3 b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** One stop being watched. */
    private final class Stop {
        final String label;
        final long tNs;
        final long endNs;
        final double approachMps;
        final String how;
        final Settling settling = new Settling();
        final List<String> gaps = new ArrayList<>();
        @Nullable OdometrySample before;
        @Nullable Vector3 startM;
        double farthestM;
        long lastNs;

        Stop(String label, long tNs, long endNs, OdometrySample before, double approachMps, String how) {
            this.label = label;
            this.tNs = tNs;
            this.endNs = endNs;
            this.before = before;
            this.lastNs = before.tNs();
            this.approachMps = approachMps;
            this.how = how;
        }

        void add(OdometrySample o) {
            if (o.tNs() < tNs) {
                before = o;
                return;
            }
            if (o.tNs() - lastNs > maxGap) {
                gaps.add("the odometry has a gap of %s at %s (at most %s allowed)".formatted(Times.ms(o.tNs() - lastNs),
                        Times.instant(lastNs), Times.ms(maxGap)));
            }
            lastNs = o.tNs();
            OdometrySample b = before;
            if (startM == null) {
                startM = b == null ? o.positionM() : interpolate(b, o, tNs);
            }
            Vector3 start = startM;
            if (o.positionM().isFinite()) {
                farthestM = Math.max(farthestM, horizontal(o.positionM(), start));
            }
            boolean known = o.linearVelocityMs().isFinite() && o.angularVelocityRadS().isFinite();
            boolean moving = o.linearVelocityMs().norm() >= c.parameter("standstillBaseSpeed")
                    || o.angularVelocityRadS().norm() >= c.parameter("standstillBaseTurnRate");
            settling.add(tNs, o.tNs(), moving, known);
            long settled = settling.settledSinceNs();
            if (settled != Long.MIN_VALUE && o.tNs() - settled >= c.nanos("minStandstillHold")) {
                close(this, o.tNs(), "standstill held");
            }
        }
    }
}
