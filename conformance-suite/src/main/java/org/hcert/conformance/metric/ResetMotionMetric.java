package org.hcert.conformance.metric;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;

/**
 * Measure motion between an e-stop reset and the next start command, in one pass: resetting the
 * e-stop must not restart the robot (ISO 13850, IEC 60204-1; SE-ESTOP-02).
 *
 * <p>A reset is an {@code estop_reset} event, or a falling edge of the safety state's e-stop input
 * (the latch clearing), whichever comes first, once per e-stop (an {@code estop_pressed} event, a
 * rising edge of the input, or the input already on in the first safety state; before any of these
 * the latch is unknown and a reset counts). Its window ends at a {@code start} event, at a new
 * e-stop, after {@code observationNs}, or at the end of the samples. Within it the metric keeps the
 * largest |joint velocity| (which joint, when) and the largest base speed.
 */
public final class ResetMotionMetric {

    /** The event a robot reports when motion is enabled again by an explicit start command. */
    public static final String START_EVENT = "start";

    /**
     * How long to watch.
     *
     * @param observationNs the longest window after a reset, ns
     */
    public record Parameters(long observationNs) {}

    private ResetMotionMetric() {}

    /** Evaluate every reset in {@code samples} (in log-time order). */
    public static List<ResetObservation> evaluate(Iterator<Sample> samples, Parameters parameters) {
        List<ResetObservation> out = new ArrayList<>();
        StopTrigger stops = new StopTrigger(false);
        boolean lastEstop = false;
        boolean seenSafety = false;
        // A reset counts once per e-stop: the event and the input falling both report it, and
        // the safety state may only catch up after the start command. Unknown (null) until a
        // stop or the first safety state says, so a recording that begins latched still counts.
        Boolean latched = null;
        Open open = null;
        long lastNs = Long.MIN_VALUE;
        while (samples.hasNext()) {
            Sample s = samples.next();
            lastNs = s.tNs();
            boolean stop = stops.onSample(s) != null;
            String reset = null;
            if (s instanceof EventSample e && EventSample.ESTOP_RESET.equals(e.kind())) {
                reset = "estop_reset event";
            } else if (s instanceof SafetyStateSample safety) {
                if (!seenSafety && latched == null) {
                    latched = safety.estop();
                }
                if (seenSafety && lastEstop && !safety.estop()) {
                    reset = "safety state e-stop input released";
                }
                seenSafety = true;
                lastEstop = safety.estop();
            }
            if (Boolean.FALSE.equals(latched)) {
                reset = null;
            }
            if (open != null) {
                String end = s.tNs() > open.endNs ? "end of observation"
                        : stop ? "a new stop"
                        : s instanceof EventSample e && START_EVENT.equals(e.kind()) ? "start event" : null;
                if (end != null) {
                    out.add(open.close(Math.min(s.tNs(), open.endNs), end));
                    open = null;
                }
            }
            if (stop) {
                latched = true;
            } else if (reset != null) {
                latched = false;
                if (open == null) {
                    open = new Open(reset, s.tNs(), s.tNs() + parameters.observationNs());
                }
            }
            if (open != null) {
                open.add(s);
            }
        }
        if (open != null) {
            out.add(open.close(Math.min(lastNs, open.endNs), lastNs >= open.endNs ? "end of observation"
                    : "end of the samples"));
        }
        return out;
    }

    private static final class Open {
        final String trigger;
        final long startNs;
        final long endNs;
        double maxJoint;
        String maxJointName = "";
        long maxJointAtNs;
        double maxBase;
        long maxBaseAtNs;
        long jointSamples;
        long jointsUnknown;
        long baseSamples;
        long lastJointNs;
        long lastBaseNs;
        long maxGapNs;

        Open(String trigger, long startNs, long endNs) {
            this.trigger = trigger;
            this.startNs = startNs;
            this.endNs = endNs;
            this.lastJointNs = startNs;
            this.lastBaseNs = startNs;
            this.maxJointAtNs = startNs;
            this.maxBaseAtNs = startNs;
        }

        void add(Sample s) {
            if (s instanceof JointStateSample j) {
                maxGapNs = Math.max(maxGapNs, j.tNs() - lastJointNs);
                lastJointNs = j.tNs();
                jointSamples++;
                if (!j.hasVelocity()) {
                    jointsUnknown++;
                    return;
                }
                for (int i = 0; i < j.size(); i++) {
                    double v = Math.abs(j.velocityRadS(i));
                    if (!Double.isFinite(v)) {
                        jointsUnknown++;
                        return;
                    }
                    if (v > maxJoint) {
                        maxJoint = v;
                        maxJointName = j.names().get(i);
                        maxJointAtNs = j.tNs();
                    }
                }
            } else if (s instanceof OdometrySample o) {
                maxGapNs = Math.max(maxGapNs, o.tNs() - lastBaseNs);
                lastBaseNs = o.tNs();
                baseSamples++;
                double v = o.linearVelocityMs().norm();
                if (v > maxBase || Double.isNaN(v)) {
                    maxBase = v;
                    maxBaseAtNs = o.tNs();
                }
            }
        }

        ResetObservation close(long windowEndNs, String endedBy) {
            long end = Math.max(windowEndNs, startNs);
            return new ResetObservation(trigger, TimeWindow.of(startNs, end), endedBy,
                    jointsUnknown > 0 ? Double.NaN : maxJoint, maxJointName, maxJointAtNs, maxBase, maxBaseAtNs,
                    jointSamples, jointsUnknown, baseSamples,
                    Math.max(maxGapNs, Math.max(end - lastJointNs, end - lastBaseNs)));
        }
    }
}
