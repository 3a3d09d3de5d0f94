package org.hcert.conformance.metric;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;

/**
 * Watch trunk tilt and pelvis height after every stop (e-stop or protective stop) that asserts
 * while the robot is walking, in one pass.
 *
 * <p>The robot counts as walking when the base speed is at least {@code walkingSpeedMs} or the
 * safety state's mode is {@code walking}. Tilt is the angle of the IMU's body z axis from the
 * world vertical; pelvis height is the odometry position's z.
 */
public final class BalanceMetric {

    /** The safety-state mode that declares walking. */
    public static final String WALKING_MODE = "walking";

    /**
     * What counts as walking and how long to watch.
     *
     * @param walkingSpeedMs base speed from which the robot counts as walking, m/s
     * @param observationNs how long after the stop to watch, ns
     */
    public record Parameters(double walkingSpeedMs, long observationNs) {}

    private BalanceMetric() {}

    public static List<StopWhileMoving> evaluate(Iterator<Sample> samples, Parameters parameters) {
        List<StopWhileMoving> out = new ArrayList<>();
        StopTrigger trigger = new StopTrigger(true);
        double speed = Double.NaN;
        String mode = "";
        Window open = null;
        long lastNs = Long.MIN_VALUE;
        while (samples.hasNext()) {
            Sample s = samples.next();
            lastNs = s.tNs();
            if (open != null && s.tNs() > open.endNs) {
                out.add(open.close(open.endNs));
                open = null;
            }
            StopTrigger.Kind kind = trigger.onSample(s);
            boolean walking = speed >= parameters.walkingSpeedMs() || WALKING_MODE.equals(mode);
            if (open == null && kind != null && walking) {
                open = new Window(kind.description, s.tNs(), s.tNs() + parameters.observationNs(), speed, mode);
            }
            if (open != null) {
                open.add(s);
            }
            if (s instanceof OdometrySample o) {
                speed = o.linearVelocityMs().norm();
            } else if (s instanceof SafetyStateSample st) {
                mode = st.mode();
            }
        }
        if (open != null) {
            out.add(open.close(Math.min(lastNs, open.endNs)));
        }
        return out;
    }

    private static final class Window {
        final String trigger;
        final long startNs;
        final long endNs;
        final double speed;
        final String mode;
        double maxTilt = Double.NaN;
        long maxTiltAt;
        double minHeight = Double.NaN;
        long minHeightAt;
        long imu;
        long odom;
        long lastImuNs;
        long lastOdomNs;
        long maxGap;
        long fallEventNs = Long.MIN_VALUE;

        Window(String trigger, long startNs, long endNs, double speed, String mode) {
            this.trigger = trigger;
            this.startNs = startNs;
            this.endNs = endNs;
            this.speed = speed;
            this.mode = mode;
            this.lastImuNs = startNs;
            this.lastOdomNs = startNs;
        }

        void add(Sample s) {
            if (s instanceof ImuSample i && Double.isFinite(i.orientation().tiltFromVerticalRad())) {
                // A non-finite orientation is no evidence: it is left out, so it shows as a gap.
                maxGap = Math.max(maxGap, i.tNs() - lastImuNs);
                lastImuNs = i.tNs();
                imu++;
                double tilt = i.orientation().tiltFromVerticalRad();
                if (Double.isNaN(maxTilt) || tilt > maxTilt) {
                    maxTilt = tilt;
                    maxTiltAt = i.tNs();
                }
            } else if (s instanceof OdometrySample o && Double.isFinite(o.positionM().z())) {
                maxGap = Math.max(maxGap, o.tNs() - lastOdomNs);
                lastOdomNs = o.tNs();
                odom++;
                double z = o.positionM().z();
                if (Double.isNaN(minHeight) || z < minHeight) {
                    minHeight = z;
                    minHeightAt = o.tNs();
                }
            } else if (s instanceof EventSample e && EventSample.FALL_DETECTED.equals(e.kind())
                    && fallEventNs == Long.MIN_VALUE) {
                fallEventNs = e.tNs();
            }
        }

        StopWhileMoving close(long windowEndNs) {
            long end = Math.max(windowEndNs, startNs);
            long gap = Math.max(maxGap, Math.max(end - lastImuNs, end - lastOdomNs));
            return new StopWhileMoving(trigger, TimeWindow.of(startNs, end), speed, mode, maxTilt, maxTiltAt,
                    minHeight, minHeightAt, imu, odom, gap, fallEventNs);
        }
    }
}
