package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Bound;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.jspecify.annotations.Nullable;

/**
 * The {@code straight-segment} trials of the {@link Trials} family: every walk that starts from
 * standstill gives at most one trial, its mean speed over a measured segment.
 *
 * <p>A walk begins at the last odometry sample at standstill (linear speed below
 * {@code standstillBaseSpeed}, turn rate below {@code standstillBaseTurnRate}) before the base
 * moves, and ends at the next standstill or at a stop, reset or start event. Its measured segment
 * begins when the base is {@code accelerationDistance} (straight-line, horizontal) from where the
 * walk began and ends when it is {@code accelerationDistance + segmentLength} from there, both
 * instants interpolated between odometry samples; the trial's value is {@code segmentLength} over
 * the time between them. A curved walk covers the straight-line distance more slowly, so the speed
 * is never overstated; the largest sideways deviation from the segment's chord is reported. A walk
 * that ends before its segment does is not a trial (named); one that the end of the telemetry cuts
 * within its segment, or with a gap in the odometry over {@code maxSampleGap} before the segment's
 * end, is a trial with missing evidence. A telemetry that begins while the base walks has no known
 * start for that walk. Motions that end within {@value #MIN_WALK_M} m of their start (a base
 * settling after a stop) are not walks and are not listed.
 */
final class SegmentTrials extends Evaluator {

    /** Motions of the base that end less than this far from their start are settling, not walks, m: {@value}. */
    static final double MIN_WALK_M = 0.05;

    private final ClauseSetup c;
    private long firstNs = Long.MIN_VALUE;
    private final Triggers.WindowEnds ends = new Triggers.WindowEnds();
    private final List<Trials.Trial> trials = new ArrayList<>();
    private final List<String> notTrials = new ArrayList<>();
    private final long maxGap;
    private final double accelerationM;
    private final double segmentM;
    private @Nullable OdometrySample lastStill;
    private @Nullable Walk open;
    private boolean startUnknown;
    /** A walk ended by an event: the base may still be slowing down; its next standstill starts the next walk. */
    private boolean afterEvent;
    private int walks;

    SegmentTrials(ClauseSetup c) {
        this.c = c;
        this.maxGap = c.nanos("maxSampleGap");
        this.accelerationM = c.parameter("accelerationDistance");
        this.segmentM = c.parameter("segmentLength");
    }

    @Override
    public void accept(Sample s) {
        if (firstNs == Long.MIN_VALUE) {
            firstNs = s.tNs();
        }
        boolean ended = ends.onSample(s).any();
        Walk w = open;
        if (w != null && ended) {
            end(w, "a stop, reset or start event at " + Times.instant(s.tNs()));
            lastStill = null;
            afterEvent = true;
        }
        if (s instanceof OdometrySample o) {
            odometry(o);
        }
    }

    private void odometry(OdometrySample o) {
        boolean known = o.positionM().isFinite() && o.linearVelocityMs().isFinite() && o.angularVelocityRadS().isFinite();
        boolean still = known && o.linearVelocityMs().norm() < c.parameter("standstillBaseSpeed")
                && o.angularVelocityRadS().norm() < c.parameter("standstillBaseTurnRate");
        Walk w = open;
        if (w != null) {
            w.add(o);
            if (still) {
                end(w, "standstill at " + Times.instant(o.tNs()));
                lastStill = o;
            }
            return;
        }
        OdometrySample start = lastStill;
        if (still) {
            lastStill = o;
            afterEvent = false;
        } else if (known && start != null) {
            walks++;
            Walk next = new Walk(start);
            open = next;
            next.add(o);
        } else if (known && !startUnknown && !afterEvent && walks == 0) {
            startUnknown = true;
            notTrials.add("the base was moving at %s with no standstill seen before, so that walk has no known start"
                    .formatted(Times.instant(o.tNs())));
        }
    }

    private void end(Walk w, String by) {
        open = null;
        if (!w.done && w.farthestM >= MIN_WALK_M) {
            notTrials.add("the walk from %s ended (by %s) %s m from its start, before its segment's end at %s m".formatted(
                    Times.instant(w.start.tNs()), by, Quantity.format(round(w.farthestM)), Quantity.format(accelerationM + segmentM)));
        }
    }

    @Override
    public ClauseEvidence finish(long endNs) {
        Walk w = open;
        if (w != null && !w.done) {
            if (w.segmentStartNs != Long.MIN_VALUE) {
                trials.add(new Trials.Trial(w.label(), TimeWindow.of(w.segmentStartNs, Math.max(w.segmentStartNs, endNs)), Map.of(),
                        Bound.EXACT, List.of("cut by the end of the telemetry %s m into its %s m segment".formatted(
                                Quantity.format(round(w.farthestM - accelerationM)), Quantity.format(segmentM))),
                        "walk from standstill at " + Times.instant(w.start.tNs())));
            } else {
                notTrials.add("the walk from %s was cut by the end of the telemetry in its acceleration zone"
                        .formatted(Times.instant(w.start.tNs())));
            }
        }
        ClauseEvidence.Builder out = new ClauseEvidence.Builder();
        if (walks == 0) {
            out.problem("no walk from standstill in the telemetry (the base never moved after being seen at rest)");
        }
        long first = firstNs == Long.MIN_VALUE ? Math.max(0, endNs) : firstNs;
        Trials.readings(c, trials, notTrials, TimeWindow.of(first, Math.max(first, endNs)), out);
        return out.build();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** One walk from standstill. */
    private final class Walk {
        final OdometrySample start;
        final int number;
        final List<Vector3> segment = new ArrayList<>();
        final List<String> gaps = new ArrayList<>();
        OdometrySample previous;
        long segmentStartNs = Long.MIN_VALUE;
        double farthestM;
        boolean done;

        Walk(OdometrySample start) {
            this.start = start;
            this.previous = start;
            this.number = trials.size() + 1;
        }

        String label() {
            return "trial %d (walk from %s)".formatted(number, Times.instant(start.tNs()));
        }

        void add(OdometrySample o) {
            if (done) {
                return;
            }
            if (o.tNs() - previous.tNs() > maxGap) {
                gaps.add("the odometry has a gap of %s at %s (at most %s allowed)".formatted(Times.ms(o.tNs() - previous.tNs()),
                        Times.instant(previous.tNs()), Times.ms(maxGap)));
            }
            double before = StopTrials.horizontal(previous.positionM(), start.positionM());
            double now = StopTrials.horizontal(o.positionM(), start.positionM());
            farthestM = Math.max(farthestM, now);
            if (segmentStartNs == Long.MIN_VALUE && now >= accelerationM) {
                segmentStartNs = crossing(previous, before, o, now, accelerationM);
            }
            if (segmentStartNs != Long.MIN_VALUE) {
                segment.add(o.positionM());
            }
            if (segmentStartNs != Long.MIN_VALUE && now >= accelerationM + segmentM) {
                long endNs = crossing(previous, before, o, now, accelerationM + segmentM);
                done = true;
                record(endNs);
            }
            previous = o;
        }

        private long crossing(OdometrySample a, double da, OdometrySample b, double db, double distance) {
            double f = db > da ? Math.max(0, Math.min(1, (distance - da) / (db - da))) : 1;
            return a.tNs() + Math.round(f * (b.tNs() - a.tNs()));
        }

        private void record(long endNs) {
            double seconds = (endNs - segmentStartNs) / 1e9;
            Vector3 first = segment.get(0);
            Vector3 last = segment.get(segment.size() - 1);
            double chord = StopTrials.horizontal(last, first);
            double deviation = 0;
            for (Vector3 p : segment) {
                double cross = chord == 0 ? StopTrials.horizontal(p, first)
                        : Math.abs((last.x() - first.x()) * (p.y() - first.y()) - (last.y() - first.y()) * (p.x() - first.x())) / chord;
                deviation = Math.max(deviation, cross);
            }
            String detail = ("walk from standstill at %s; measured segment from %s to %s (%s m to %s m from the start) in %s; "
                    + "largest sideways deviation from the segment's chord %s m").formatted(Times.instant(start.tNs()),
                    Times.instant(segmentStartNs), Times.instant(endNs), Quantity.format(accelerationM),
                    Quantity.format(accelerationM + segmentM), Times.ms(endNs - segmentStartNs), Quantity.format(round(deviation)));
            trials.add(new Trials.Trial(label(), TimeWindow.of(segmentStartNs, endNs),
                    seconds > 0 ? Map.of(Trials.SEGMENT_SPEED, segmentM / seconds) : Map.of(), Bound.EXACT,
                    seconds > 0 ? gaps : List.of("the segment took no time"), detail));
        }
    }
}
