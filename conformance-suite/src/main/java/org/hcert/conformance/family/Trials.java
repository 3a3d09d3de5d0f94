package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.NON_NEGATIVE;
import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/**
 * Repeated trials with a confidence bound, for test methods that ask for repetitions: the telemetry
 * is cut into trials, each trial yields a value per limit, and the clause judges a one-sided
 * confidence bound of a statistic of the trials against the limit (usually a declared value).
 *
 * <p><b>Trials</b> ({@code trial} option): {@code stop-at-speed}, a normal stop ({@code stop_requested})
 * while the base walked at the declared {@code ratedWalkSpeed} ± {@code speedTolerance} (its mean
 * speed over the {@code approachWindow} before the stop), giving the stopping time (to base
 * standstill, held {@code minStandstillHold}) and distance (the farthest the base got from where it
 * was at the stop); {@code straight-segment}, a walk from standstill, giving the mean speed over a
 * straight segment of {@code segmentLength} that begins {@code accelerationDistance} from where the
 * walk began (see {@link StopTrials} and {@link SegmentTrials}).
 *
 * <p><b>Statistic</b> ({@code statistic} option): {@code mean} judges the bounds of the mean
 * (Student t); {@code every-trial} judges each trial on its own and the bounds of the
 * {@code percentile}-th percentile (a one-sided normal tolerance bound), so a declared maximum is
 * neither exceeded by a trial seen nor, with the stated confidence, by most trials to come. The
 * bound judged is the one that decides: within the limit on the passing side is a PASS (reported as
 * a bound), beyond it on the failing side a FAIL, and bounds that straddle the limit are
 * INCONCLUSIVE. Every statistic reports n, mean, standard deviation and coefficient of variation.
 *
 * <p><b>Evidence.</b> Fewer than {@code minTrials} trials with complete evidence: INCONCLUSIVE. A
 * trial with missing evidence (a gap in the odometry, cut short by the next stop or the end of the
 * telemetry, standstill not held) is excluded from the statistic and named, and its exclusion makes
 * the statistic incomplete: it is never counted as a pass.
 */
final class Trials implements Family {

    static final String STOPPING_DISTANCE = "stoppingDistance";
    static final String STOPPING_TIME = "stoppingTime";
    static final String SEGMENT_SPEED = "segmentSpeed";
    /** The robot profile's declared key for the rated walking speed: {@value}. */
    static final String RATED_SPEED = "ratedWalkSpeed";
    static final String STOP_AT_SPEED = "stop-at-speed";
    static final String STRAIGHT_SEGMENT = "straight-segment";
    static final String MEAN = "mean";
    static final String EVERY_TRIAL = "every-trial";

    @Override
    public String name() {
        return "trials";
    }

    @Override
    public String summary() {
        return "repeated trials (stops at rated speed, walks over a measured segment) judged by a one-sided confidence bound";
    }

    @Override
    public List<OptionName> options() {
        return List.of(new OptionName("trial", List.of(STOP_AT_SPEED, STRAIGHT_SEGMENT), "what one trial is"),
                new OptionName("statistic", List.of(MEAN, EVERY_TRIAL),
                        "judge the bounds of the mean, or every trial and the bounds of a percentile"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional(STOPPING_DISTANCE, Dimension.LENGTH, "stopping distance after a stop command at rated speed"),
                LimitName.optional(STOPPING_TIME, Dimension.TIME, "stopping time after a stop command at rated speed"),
                LimitName.optional(SEGMENT_SPEED, Dimension.SPEED, "walking speed over the measured straight segment"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("minTrials", Dimension.COUNT, POSITIVE, "fewest trials with complete evidence that make a statistic (at least 2)"),
                ParameterName.optional("confidence", Dimension.RATIO, POSITIVE, new Quantity(95, Unit.PERCENT),
                        "one-sided confidence level of each bound, between 50 % and 100 %"),
                ParameterName.optional("percentile", Dimension.RATIO, POSITIVE, new Quantity(95, Unit.PERCENT),
                        "with every-trial: the share of trials the percentile bound covers, between 50 % and 100 %"),
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE, "longest gap in the odometry within a trial"),
                ParameterName.optional("speedTolerance", Dimension.SPEED, NON_NEGATIVE, new Quantity(0.05, Unit.METRE_PER_SECOND),
                        "stop-at-speed: how far the approach speed may be from the rated speed"),
                ParameterName.optional("approachWindow", Dimension.TIME, POSITIVE, new Quantity(1, Unit.SECOND),
                        "stop-at-speed: the time before the stop over which the approach speed is averaged"),
                ParameterName.optional("standstillBaseSpeed", Dimension.SPEED, NON_NEGATIVE, new Quantity(0.01, Unit.METRE_PER_SECOND),
                        "base speed below which the base is at rest"),
                ParameterName.optional("standstillBaseTurnRate", Dimension.ANGULAR_SPEED, NON_NEGATIVE,
                        new Quantity(0.01, Unit.RADIAN_PER_SECOND), "base turn rate below which the base is at rest"),
                ParameterName.optional("minStandstillHold", Dimension.TIME, NON_NEGATIVE, new Quantity(0.2, Unit.SECOND),
                        "stop-at-speed: how long standstill must be held to end a stop"),
                ParameterName.optional("observationWindow", Dimension.TIME, POSITIVE, new Quantity(3, Unit.SECOND),
                        "stop-at-speed: how long after the stop command to wait for standstill"),
                ParameterName.optional("accelerationDistance", Dimension.LENGTH, NON_NEGATIVE, new Quantity(0.5, Unit.METRE),
                        "straight-segment: distance from the start of a walk to the start of the measured segment"),
                ParameterName.optional("segmentLength", Dimension.LENGTH, POSITIVE, new Quantity(1, Unit.METRE),
                        "straight-segment: length of the measured segment"),
                ParameterName.optional("walkBeforeStop", Dimension.TIME, POSITIVE, new Quantity(2, Unit.SECOND),
                        "stop-at-speed, live: how long the harness lets the robot walk before each stop"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return stops(clause) ? EnumSet.of(Role.ODOMETRY, Role.EVENTS) : EnumSet.of(Role.ODOMETRY);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.EVENTS, Role.SAFETY_STATE);
    }

    private static boolean stops(ClauseSetup clause) {
        return STOP_AT_SPEED.equals(clause.option("trial"));
    }

    static int minTrials(ClauseSetup c) {
        return (int) Math.max(2, Math.ceil(c.parameter("minTrials") - 1e-9));
    }

    /**
     * {@code stop-at-speed}: {@code minTrials} times, walk at the declared rated speed for
     * {@code walkBeforeStop}, send a normal stop and wait until the odometry shows standstill held
     * for {@code minStandstillHold} and 100 ms more (by the telemetry's times; at most
     * {@code observationWindow} + 1 s), so that the next trial never cuts a stop's hold short.
     * {@code straight-segment}: {@code minTrials} times, walk from standstill at the harness's
     * walking speed (which must be at least the declared rated speed) for the acceleration zone and
     * the segment plus 1 s, then stop and wait 1 s.
     */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        int n = minTrials(clause);
        Optional<Quantity> rated = clause.robot().declaredValue(RATED_SPEED).filter(q -> q.dimension() == Dimension.SPEED);
        if (stops(clause)) {
            Duration walk = Duration.ofNanos(clause.nanos("walkBeforeStop"));
            Duration hold = Duration.ofNanos(clause.nanos("minStandstillHold")).plusMillis(100);
            Duration timeout = Duration.ofNanos(clause.nanos("observationWindow")).plusSeconds(1);
            return new LiveAction(s -> {
                double speed = rated(clause, rated);
                for (int i = 0; i < n; i++) {
                    s.walkAt(speed, walk);
                    s.stopWalking("hcert: stop at rated speed, trial %d of %d".formatted(i + 1, n));
                    s.awaitBaseStandstill(clause.parameter("standstillBaseSpeed"), clause.parameter("standstillBaseTurnRate"), hold,
                            timeout);
                }
            }, Duration.ofMillis(200));
        }
        double metres = clause.parameter("accelerationDistance") + clause.parameter("segmentLength");
        return new LiveAction(s -> {
            double speed = s.settings().walkSpeedMs();
            double wanted = rated(clause, rated);
            if (speed < wanted) {
                throw new InsufficientEvidenceException(("the harness may command walking at %s m/s, below the declared rated speed "
                        + "%s: the rated speed cannot be shown live").formatted(Quantity.format(speed), rated.orElseThrow()));
            }
            Duration walk = Duration.ofMillis(Math.round((metres / speed + 1.0) * 1000));
            for (int i = 0; i < n; i++) {
                s.walkAt(speed, walk);
                s.stopWalking("hcert: end of measured walk, trial %d of %d".formatted(i + 1, n));
                s.observe(Duration.ofSeconds(1));
            }
        }, Duration.ofMillis(200));
    }

    private static double rated(ClauseSetup clause, Optional<Quantity> rated) {
        return rated.map(Quantity::si).orElseThrow(() -> new InsufficientEvidenceException(
                "robot profile %s declares no %s (a speed): the harness does not know how fast to walk"
                        .formatted(clause.robot().profile(), RATED_SPEED)));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return stops(clause) ? new StopTrials(clause) : new SegmentTrials(clause);
    }

    /**
     * One trial: its values by limit (SI; NaN when unknown), whether each is exact or a bound, and why
     * its evidence is incomplete.
     *
     * @param label e.g. {@code trial 3 (stop at 2026-…)}
     * @param window the trial's signal window
     * @param values values by limit name, in SI units
     * @param bound whether the values are exact or only bounds (a stop not ended)
     * @param gaps why the trial's evidence is incomplete; empty when complete
     * @param detail how the values were found
     */
    record Trial(String label, TimeWindow window, java.util.Map<String, Double> values, Bound bound, List<String> gaps,
            String detail) {

        Trial {
            values = java.util.Map.copyOf(values);
            gaps = List.copyOf(gaps);
        }

        boolean complete() {
            return gaps.isEmpty() && bound == Bound.EXACT;
        }
    }

    /**
     * Turn trials into readings: with {@code every-trial} one reading per trial and limit; for every
     * limit the clause gives, one reading of the statistic's deciding bound.
     *
     * @param notTrials what looked like a trial but was not one (not at rated speed, too short), for the detail
     * @param telemetry the span of the telemetry the evaluator saw, the window of a statistic without trials
     */
    static void readings(ClauseSetup c, List<Trial> trials, List<String> notTrials, TimeWindow telemetry,
            ClauseEvidence.Builder out) {
        boolean every = EVERY_TRIAL.equals(c.option("statistic"));
        int min = minTrials(c);
        double confidence = c.parameter("confidence");
        double share = c.parameter("percentile");
        if (!(confidence > 0.5 && confidence < 1) || !(share > 0.5 && share < 1)) {
            out.problem("parameters confidence (%s) and percentile (%s) must each lie between 50 %% and 100 %%"
                    .formatted(Quantity.format(confidence * 100) + " %", Quantity.format(share * 100) + " %"));
            return;
        }
        TimeWindow all = trials.isEmpty() ? telemetry
                : TimeWindow.of(trials.get(0).window().startNs(), trials.get(trials.size() - 1).window().endNs());
        for (LimitName name : c.family().limits()) {
            Limit limit = c.limits().get(name.name());
            if (limit == null) {
                continue;
            }
            String unit = name.dimension().si().symbol();
            if (every) {
                for (Trial t : trials) {
                    Double v = t.values().get(name.name());
                    out.add(name.name(), new Reading(t.label(), t.window(), v == null ? OptionalDouble.empty() : OptionalDouble.of(v),
                            t.bound(), t.gaps(), t.detail()));
                }
            }
            List<Trial> used = trials.stream().filter(t -> t.complete() && t.values().containsKey(name.name())).toList();
            List<String> gaps = new ArrayList<>();
            trials.stream().filter(t -> !used.contains(t)).forEach(t -> gaps.add("%s excluded: %s".formatted(t.label(),
                    t.gaps().isEmpty() ? "its stop had not ended" : String.join("; ", t.gaps()))));
            String listed = used.stream().map(t -> "%s %s %s".formatted(t.label(), Quantity.format(t.values().getOrDefault(name.name(), Double.NaN)), unit))
                    .reduce((a, b) -> a + ", " + b).orElse("none");
            String others = notTrials.isEmpty() ? "" : "; not trials: " + String.join("; ", notTrials.subList(0, Math.min(5, notTrials.size())))
                    + (notTrials.size() > 5 ? "; and %d more".formatted(notTrials.size() - 5) : "");
            boolean atMost = limit.comparison() == Comparison.AT_MOST;
            String trialsWord = used.size() == 1 ? "trial" : "trials";
            String subject = every ? "%s percentile of %d %s".formatted(ordinal(atMost ? share : 1 - share), used.size(), trialsWord)
                    : "mean of %d %s".formatted(used.size(), trialsWord);
            if (used.size() < min) {
                List<String> why = new ArrayList<>(gaps);
                why.add(0, "only %d trial%s with complete evidence, at least %d needed".formatted(used.size(), used.size() == 1 ? "" : "s", min));
                if (!others.isEmpty()) {
                    why.add(others.substring(2));
                }
                out.add(name.name(), Reading.none(subject, all, why, "trials: " + listed + others));
                continue;
            }
            double[] values = used.stream().mapToDouble(t -> t.values().getOrDefault(name.name(), Double.NaN)).toArray();
            TrialStatistics.Summary s = every ? TrialStatistics.percentile(values, share, atMost, confidence)
                    : TrialStatistics.mean(values, confidence);
            String what = every ? "the %s percentile (one-sided normal tolerance bounds)".formatted(ordinal(atMost ? share : 1 - share))
                    : "the mean (Student t, %d degrees of freedom)".formatted(s.n() - 1);
            String detail = ("n = %d, mean %s %s, standard deviation %s %s, coefficient of variation %s; one-sided %s confidence "
                    + "bounds of %s: %s to %s %s; trials: %s%s").formatted(s.n(), Quantity.format(s.mean()), unit,
                    Quantity.format(s.sd()), unit, percent(s.coefficientOfVariation()), percent(confidence), what,
                    Quantity.format(s.lower()), Quantity.format(s.upper()), unit, listed, others);
            out.add(name.name(), decidingBound(subject, all, s, limit, gaps, detail).withTraces(List.of(perTrial(name, used, s))));
        }
    }

    /** Each trial's value at its start, as the plot of a statistic over the trials, with their mean dashed. */
    private static Trace perTrial(LimitName name, List<Trial> used, TrialStatistics.Summary s) {
        TraceRecorder r = new TraceRecorder(name.name() + " per trial",
                name.dimension().si().symbol(), Trace.LimitOn.VALUE,
                Optional.of(new Trace.Threshold(s.mean(), "mean of %d trials".formatted(s.n()))));
        for (Trial t : used) {
            r.add(t.window().startNs(), t.values().getOrDefault(name.name(), Double.NaN));
        }
        return r.trace();
    }

    /**
     * The bound that decides: on the passing side when it meets the limit (a PASS), on the failing side
     * when that one fails it (a FAIL), else the passing-side bound, which then cannot decide.
     */
    static Reading decidingBound(String subject, TimeWindow window, TrialStatistics.Summary s, Limit limit, List<String> gaps,
            String detail) {
        double l = limit.valueSi();
        if (limit.comparison() == Comparison.AT_MOST) {
            return s.lower() > l ? new Reading(subject, window, OptionalDouble.of(s.lower()), Bound.AT_LEAST, gaps, detail)
                    : new Reading(subject, window, OptionalDouble.of(s.upper()), Bound.AT_MOST, gaps, detail);
        }
        return s.upper() < l ? new Reading(subject, window, OptionalDouble.of(s.upper()), Bound.AT_MOST, gaps, detail)
                : new Reading(subject, window, OptionalDouble.of(s.lower()), Bound.AT_LEAST, gaps, detail);
    }

    private static String ordinal(double share) {
        long p = Math.round(share * 100);
        String suffix = p % 100 >= 11 && p % 100 <= 13 ? "th" : p % 10 == 1 ? "st" : p % 10 == 2 ? "nd" : p % 10 == 3 ? "rd" : "th";
        return p + suffix;
    }

    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? Quantity.format(ratio * 100) + " %" : "undefined";
    }
}
