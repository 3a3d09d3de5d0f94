package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.conformance.verdict.Trace;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/**
 * The health of each telemetry stream the robot declares ({@code streams:} in its profile): its rate
 * over sliding windows (the worst window, {@link RateTrack}), the age of its data, its header stamps
 * never going back, one frame_id; and the offset between the clocks that stamp two roles' streams.
 *
 * <p>What a recording holds per message is its log time (when the recorder, or the harness, logged
 * it) and, where the type has a {@code std_msgs/Header}, the stamp its source gave it. Log time and
 * stamp may run on different clocks (a live run logs on the harness's clock; a recording may be made
 * on another host), so hcert measures only what does not depend on their offset:
 *
 * <ul>
 *   <li>data age: log time − stamp, less its smallest value on the stream: how much older a message
 *       was than the stream's freshest one. A delay that every message of a stream has, or a clock
 *       offset, is not seen;
 *   <li>clock offset between two streams: the difference of their smallest (log time − stamp), each
 *       the offset of that stream's clock from the log clock plus its shortest delivery delay. Streams
 *       with equal shortest delays give exactly the offset of their clocks;
 *   <li>monotonic time: the largest step back of a stream's stamps.
 * </ul>
 *
 * A stream declared unstamped ({@code stamped: false}, hcert's SafetyState and Event have no header)
 * is judged for its rate only; a stream declared stamped whose messages carry no stamp is
 * INCONCLUSIVE. On a temperatures topic each frame_id is its own sensor: the rate and the stamps are
 * judged per frame (the topic's reading is its worst frame) and the frame check does not apply.
 */
final class StreamHealth implements Family {

    static final String RATE = "streamRate";
    static final String AGE = "dataAge";
    static final String STEP_BACK = "stampStepBack";
    static final String FRAMES = "frameIds";
    static final String CLOCK = "clockOffset";

    private static final List<String> ROLE_KEYS = Arrays.stream(Role.values()).map(Role::key).toList();

    @Override
    public String name() {
        return "stream-health";
    }

    @Override
    public String summary() {
        return "each declared stream keeps its rate, fresh data, monotonic stamps and one frame_id; streams share one clock";
    }

    @Override
    public List<OptionName> options() {
        List<String> of = new ArrayList<>(List.of(Role.SAFETY_STATE.key()));
        ROLE_KEYS.stream().filter(k -> !of.contains(k)).forEach(of::add);
        List<String> reference = new ArrayList<>(List.of(Role.JOINTS.key()));
        ROLE_KEYS.stream().filter(k -> !reference.contains(k)).forEach(reference::add);
        return List.of(new OptionName("clockOf", of, "the role whose streams' clock is compared (clockOffset)"),
                new OptionName("clockReference", reference, "the role whose stream's clock the others are compared with"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional(RATE, Dimension.FREQUENCY, "lowest stream rate over a sliding window"),
                LimitName.optional(AGE, Dimension.TIME, "largest data age beyond the stream's freshest message (log time - stamp)"),
                LimitName.optional(STEP_BACK, Dimension.TIME, "largest step back of the stream's header stamps"),
                LimitName.optional(FRAMES, Dimension.COUNT, "distinct frame_ids on the stream"),
                LimitName.optional(CLOCK, Dimension.TIME, "offset of the stream's clock from the reference stream's"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.optional("rateWindow", Dimension.TIME, POSITIVE, new Quantity(2, Unit.SECOND),
                        "length of the sliding windows a stream's rate is measured over"),
                ParameterName.optional("liveObservation", Dimension.TIME, POSITIVE, new Quantity(6, Unit.SECOND),
                        "live: how long to watch the robot's streams"));
    }

    private static Role role(ClauseSetup c, String option) {
        return Role.byKey(c.option(option)).orElseThrow();
    }

    private static boolean streamLimits(ClauseSetup c) {
        return c.judges(RATE) || c.judges(AGE) || c.judges(STEP_BACK) || c.judges(FRAMES);
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup c) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (c.judges(CLOCK)) {
            roles.add(role(c, "clockOf"));
            roles.add(role(c, "clockReference"));
        }
        return roles;
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup c) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (streamLimits(c)) {
            c.robot().streams().forEach(st -> roles.addAll(c.robot().topics().roles(st.topic())));
        }
        return roles;
    }

    /** Watch the robot's streams as they are; nothing is commanded. */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        return new LiveAction(s -> { }, Duration.ofNanos(clause.nanos("liveObservation")));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    /** One topic's messages: rates per sensor frame, delays, stamps and frames. */
    private static final class Stream {
        final String topic;
        final boolean perFrame;
        final Map<String, RateTrack> rates = new LinkedHashMap<>();
        final Map<String, Long> lastStamp = new LinkedHashMap<>();
        final Set<String> frames = new TreeSet<>();
        long messages;
        long unstamped;
        long minLagNs = Long.MAX_VALUE;
        long minLagAtNs;
        long maxLagNs = Long.MIN_VALUE;
        long maxLagAtNs;
        /** Each message's log time − stamp, for the plot of its age (less the smallest, when judged). */
        final TraceRecorder lags;
        long stepBackNs;
        long stepBackAtNs;
        String stepBackFrame = "";
        long firstNs = Long.MIN_VALUE;
        long lastNs = Long.MIN_VALUE;
        /** The rate track of the last frame (one frame unless per frame), found without a map look-up. */
        private @Nullable RateTrack lastRate;
        private String lastRateFrame = "";
        private @Nullable String lastFrameId;
        /** The last stamp of a stream judged as one (not per frame), kept without boxing. */
        private long lastStampNs;
        private boolean hasLastStamp;

        /** The role whose samples are counted, when the topic feeds several; null when it feeds one. */
        final @Nullable Role counted;

        /**
         * Whether only the clock offset is judged on this stream (the clause has no rate, age, stamp or
         * frame limit): then only its messages, their span and the smallest log time − stamp are kept.
         */
        final boolean clockOnly;

        Stream(String topic, boolean perFrame, @Nullable Role counted, boolean clockOnly) {
            this.clockOnly = clockOnly;
            this.lags = new TraceRecorder("data age of " + topic, "s", Trace.LimitOn.VALUE, Optional.empty());
            this.topic = topic;
            this.perFrame = perFrame;
            this.counted = counted;
        }

        /** Each message's age beyond the stream's freshest one (log time − stamp, less its smallest), over time. */
        Trace ages() {
            Trace t = lags.trace();
            double freshest = minLagNs / 1e9;
            List<Trace.Point> points = t.points().stream().map(p -> new Trace.Point(p.tNs(), p.min() - freshest, p.max() - freshest)).toList();
            return new Trace(t.signal(), t.unit(), t.limitOn(), points, t.threshold(), t.samples());
        }

        void add(Sample s, MessageHeader h, long runStartNs, long windowNs) {
            if (clockOnly) {
                messages++;
                firstNs = firstNs == Long.MIN_VALUE ? s.tNs() : firstNs;
                lastNs = s.tNs();
                if (h.stamped() && s.tNs() - h.stampNs() < minLagNs) {
                    minLagNs = s.tNs() - h.stampNs();
                    minLagAtNs = s.tNs();
                }
                return;
            }
            String frame = perFrame && s instanceof TemperatureSample t ? t.frameId() : "";
            RateTrack rate = lastRate;
            if (rate == null || !lastRateFrame.equals(frame)) {
                rate = rates.computeIfAbsent(frame, f -> new RateTrack(windowNs));
                lastRate = rate;
                lastRateFrame = frame;
            }
            rate.add(s.tNs(), runStartNs);
            messages++;
            firstNs = firstNs == Long.MIN_VALUE ? s.tNs() : firstNs;
            lastNs = s.tNs();
            if (h.present() && !perFrame && !h.frameId().equals(lastFrameId)) {
                frames.add(h.frameId());
                lastFrameId = h.frameId();
            }
            if (!h.stamped()) {
                unstamped++;
                return;
            }
            long lag = s.tNs() - h.stampNs();
            lags.add(s.tNs(), lag / 1e9);
            if (lag < minLagNs) {
                minLagNs = lag;
                minLagAtNs = s.tNs();
            }
            if (lag > maxLagNs) {
                maxLagNs = lag;
                maxLagAtNs = s.tNs();
            }
            long back;
            if (perFrame) {
                Long last = lastStamp.put(frame, h.stampNs());
                back = last == null ? Long.MIN_VALUE : last - h.stampNs();
            } else {
                back = hasLastStamp ? lastStampNs - h.stampNs() : Long.MIN_VALUE;
                hasLastStamp = true;
                lastStampNs = h.stampNs();
            }
            if (back != Long.MIN_VALUE && back > stepBackNs) {
                stepBackNs = back;
                stepBackAtNs = s.tNs();
                stepBackFrame = frame;
            }
        }

        boolean stamped() {
            return minLagNs != Long.MAX_VALUE;
        }

        TimeWindow seen(TimeWindow all) {
            return firstNs == Long.MIN_VALUE ? all : TimeWindow.of(firstNs, lastNs);
        }
    }

    private static final class Evaluation extends Evaluator {
        private static final int IDENTITY_CACHE = 256;
        private final ClauseSetup c;
        private final long windowNs;
        private final Map<String, Stream> streams = new LinkedHashMap<>();
        /**
         * The streams by the very topic string the samples carry (one object per channel, in the MCAP
         * and CDR readers): a look-up by identity, where the map above compares the characters of the
         * profile's topic with the sample's on every message. Empty: a topic not watched. A reader that
         * makes a new string per message fills it only up to {@link #IDENTITY_CACHE} entries.
         */
        private final IdentityHashMap<String, Optional<Stream>> bySampleTopic = new IdentityHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private long firstNs = Long.MIN_VALUE;

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.windowNs = c.nanos("rateWindow");
            if (streamLimits(c)) {
                if (c.robot().streams().isEmpty()) {
                    problems.add("robot profile %s declares no streams (streams: with each topic's rate), so clause %s has no stream to judge"
                            .formatted(c.robot().profile(), c.clauseId()));
                }
                c.robot().streams().forEach(st -> stream(st.topic()));
            }
            if (c.judges(CLOCK)) {
                c.robot().topics().topics(role(c, "clockOf")).forEach(this::stream);
                c.robot().topics().topics(role(c, "clockReference")).forEach(this::stream);
            }
        }

        private void stream(String topic) {
            Set<Role> roles = c.robot().topics().roles(topic);
            boolean perFrame = roles.contains(Role.TEMPERATURES);
            // a topic that feeds several roles through its fields is one stream: its messages are counted once, by their first role
            Role counted = roles.size() > 1 ? roles.iterator().next() : null;
            streams.computeIfAbsent(topic, t -> new Stream(t, perFrame, counted, !streamLimits(c)));
        }

        @Override
        public void accept(Sample sample) {
            accept(sample, MessageHeader.NONE);
        }

        @Override
        public boolean readsHeaders() {
            return true;
        }

        @Override
        public void accept(Sample sample, MessageHeader header) {
            if (firstNs == Long.MIN_VALUE) {
                firstNs = sample.tNs();
            }
            String topic = sample.topic();
            Optional<Stream> watched = bySampleTopic.get(topic);
            if (watched == null) {
                watched = Optional.ofNullable(streams.get(topic));
                if (bySampleTopic.size() < IDENTITY_CACHE) {
                    bySampleTopic.put(topic, watched);
                }
            }
            Stream s = watched.orElse(null);
            if (s != null && (s.counted == null || s.counted == Role.of(sample))) {
                s.add(sample, header, firstNs, windowNs);
            }
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            ClauseEvidence.Builder out = new ClauseEvidence.Builder();
            long start = firstNs == Long.MIN_VALUE ? endNs : firstNs;
            TimeWindow all = TimeWindow.of(Math.min(start, endNs), Math.max(start, endNs));
            streams.values().forEach(s -> s.rates.values().forEach(r -> r.finish(all.startNs(), all.endNs())));
            if (streamLimits(c)) {
                for (DeclaredStream declared : c.robot().streams()) {
                    Stream s = streams.get(declared.topic());
                    if (s != null) {
                        judge(out, declared, s, all);
                    }
                }
            }
            if (c.judges(CLOCK)) {
                clock(out, all);
            }
            problems.forEach(out::problem);
            return out.build();
        }

        private void judge(ClauseEvidence.Builder out, DeclaredStream declared, Stream s, TimeWindow all) {
            if (s.messages == 0) {
                String why = "declared stream %s never appears in the telemetry".formatted(s.topic);
                List.of(RATE, AGE, STEP_BACK, FRAMES).stream().filter(c::judges)
                        .filter(l -> declared.stamped() || l.equals(RATE)).filter(l -> !(s.perFrame && l.equals(FRAMES)))
                        .forEach(l -> out.add(l, Reading.none(s.topic, all, List.of(why), "")));
                return;
            }
            if (c.judges(RATE)) {
                out.add(RATE, rate(s, all));
            }
            if (!declared.stamped()) {
                return;
            }
            List<String> unstamped = s.unstamped == 0 ? List.of() : List.of("%d of %s's %d messages carry no header stamp"
                    .formatted(s.unstamped, s.topic, s.messages));
            if (!s.stamped()) {
                String why = "%s carries no header stamp, though robot profile %s declares it stamped".formatted(s.topic,
                        c.robot().profile());
                List.of(AGE, STEP_BACK).stream().filter(c::judges).forEach(l -> out.add(l, Reading.none(s.topic, all, List.of(why), "")));
            } else {
                if (c.judges(AGE)) {
                    out.add(AGE, Reading.of(s.topic, s.seen(all), (s.maxLagNs - s.minLagNs) / 1e9, unstamped,
                            ("%s: log time - stamp from %s (at %s) to %s (at %s): data up to %s older than the stream's "
                                    + "freshest message; a delay every message has, or a clock offset, is not seen")
                                    .formatted(s.topic, Times.ms(s.minLagNs), TimeWindow.of(s.minLagAtNs, s.minLagAtNs),
                                            Times.ms(s.maxLagNs), TimeWindow.of(s.maxLagAtNs, s.maxLagAtNs),
                                            Times.ms(s.maxLagNs - s.minLagNs))).withTraces(List.of(s.ages())));
                }
                if (c.judges(STEP_BACK)) {
                    out.add(STEP_BACK, Reading.of(s.topic, s.seen(all), s.stepBackNs / 1e9, unstamped, s.stepBackNs == 0
                            ? "%s: header stamps never go back".formatted(s.topic)
                            : "%s%s: header stamp %s earlier than the one before, at %s".formatted(s.topic,
                                    s.stepBackFrame.isEmpty() ? "" : " (" + s.stepBackFrame + ")", Times.ms(s.stepBackNs),
                                    TimeWindow.of(s.stepBackAtNs, s.stepBackAtNs))));
                }
            }
            if (c.judges(FRAMES) && !s.perFrame) {
                out.add(FRAMES, s.frames.isEmpty()
                        ? Reading.none(s.topic, all, List.of("%s's messages carry no header, so no frame_id".formatted(s.topic)), "")
                        : Reading.of(s.topic, s.seen(all), s.frames.size(), List.of(), "%s: frame_id %s".formatted(s.topic,
                                String.join(", ", s.frames.stream().map(f -> "\"" + f + "\"").toList()))));
            }
        }

        private Reading rate(Stream s, TimeWindow all) {
            RateTrack worst = null;
            String worstFrame = "";
            for (Map.Entry<String, RateTrack> e : s.rates.entrySet()) {
                RateTrack r = e.getValue();
                if (r.measured() && (worst == null || r.fewest() < worst.fewest())) {
                    worst = r;
                    worstFrame = e.getKey();
                }
            }
            if (worst == null) {
                return Reading.none(s.topic, all, List.of("the run lasts %s, less than one rate window of %s".formatted(
                        Times.ms(all.endNs() - all.startNs()), Times.ms(windowNs))), "");
            }
            String of = worstFrame.isEmpty() ? s.topic : "%s (frame %s, the worst of %d)".formatted(s.topic, worstFrame, s.rates.size());
            return Reading.of(s.topic, TimeWindow.of(worst.fewestAtNs(), worst.fewestAtNs() + windowNs), worst.lowestHz(),
                    List.of(), "%s: %d messages in the worst %s window, from %s; %d messages in all".formatted(of, worst.fewest(),
                            Times.ms(windowNs), TimeWindow.of(worst.fewestAtNs(), worst.fewestAtNs()), s.messages));
        }

        private void clock(ClauseEvidence.Builder out, TimeWindow all) {
            List<String> references = c.robot().topics().topics(role(c, "clockReference"));
            Stream reference = references.stream().map(streams::get).filter(s -> s != null && s.stamped()).findFirst().orElse(null);
            for (String topic : c.robot().topics().topics(role(c, "clockOf"))) {
                Stream s = streams.get(topic);
                if (s == null || s.messages == 0) {
                    out.add(CLOCK, Reading.none(topic, all, List.of("%s never appears in the telemetry".formatted(topic)), ""));
                } else if (!s.stamped()) {
                    out.add(CLOCK, Reading.none(topic, all, List.of(("%s carries no header stamp (its messages have no "
                            + "std_msgs/Header, or a zero stamp), so its clock cannot be compared with another stream's from "
                            + "the recording: only the log time of each message is recorded").formatted(topic)), ""));
                } else if (reference == null) {
                    out.add(CLOCK, Reading.none(topic, all, List.of("no stream of role %s (%s) carries a header stamp to compare %s's clock with"
                            .formatted(c.option("clockReference"), String.join(", ", references), topic)), ""));
                } else {
                    long offset = (s.minLagNs - reference.minLagNs);
                    out.add(CLOCK, Reading.of(topic, s.seen(all), Math.abs(offset) / 1e9, List.of(), ("%s: smallest log time - stamp %s, "
                            + "%s's %s: its clock is %s %s %s's (each plus its shortest delivery delay)").formatted(topic,
                                    Times.ms(s.minLagNs), reference.topic, Times.ms(reference.minLagNs), Times.ms(Math.abs(offset)),
                                    offset > 0 ? "behind" : "ahead of", reference.topic)));
                }
            }
        }
    }
}
