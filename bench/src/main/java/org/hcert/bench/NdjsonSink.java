package org.hcert.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.WrenchSample;

/**
 * Write samples as hcert NDJSON, one line per message. Numbers are printed with a fixed count of
 * decimals (positions 6, velocities 5, the rest 4 to 6), independent of locale and JDK, so the
 * output is byte-identical on every run. Covariances are left out, as in the bundled samples.
 */
final class NdjsonSink implements Sink {

    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(4096);

    NdjsonSink(Path file) {
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public void write(Sample sample) {
        line.setLength(0);
        line.append("{\"t\":").append(sample.tNs()).append(",\"topic\":");
        string(sample.topic()).append(",\"type\":");
        if (sample instanceof JointStateSample j) {
            string(RosTypes.JOINT_STATE.typeName()).append(",\"msg\":{");
            header(j.tNs(), "").append(",\"name\":[");
            for (int i = 0; i < j.size(); i++) {
                string(j.names().get(i)).append(i + 1 < j.size() ? "," : "]");
            }
            line.append(",\"position\":[");
            for (int i = 0; i < j.size(); i++) {
                fixed(j.positionRad(i), 6).append(i + 1 < j.size() ? "," : "]");
            }
            line.append(",\"velocity\":[");
            for (int i = 0; i < j.size(); i++) {
                fixed(j.velocityRadS(i), 5).append(i + 1 < j.size() ? "," : "]");
            }
            line.append(",\"effort\":[");
            for (int i = 0; i < j.size(); i++) {
                fixed(j.effortNm(i), 3).append(i + 1 < j.size() ? "," : "]");
            }
        } else if (sample instanceof ImuSample i) {
            string(RosTypes.IMU.typeName()).append(",\"msg\":{");
            header(i.tNs(), "imu_torso").append(",\"orientation\":");
            quaternion(i.orientation()).append(",\"angular_velocity\":");
            vector(i.angularVelocityRadS(), 5).append(",\"linear_acceleration\":");
            vector(i.linearAccelerationMs2(), 4);
        } else if (sample instanceof OdometrySample o) {
            string(RosTypes.ODOMETRY.typeName()).append(",\"msg\":{");
            header(o.tNs(), "odom").append(",\"child_frame_id\":\"pelvis\",\"pose\":{\"pose\":{\"position\":");
            vector(o.positionM(), 6).append(",\"orientation\":");
            quaternion(o.orientation()).append("}},\"twist\":{\"twist\":{\"linear\":");
            vector(o.linearVelocityMs(), 5).append(",\"angular\":");
            vector(o.angularVelocityRadS(), 5).append("}}");
        } else if (sample instanceof WrenchSample w) {
            string(RosTypes.WRENCH_STAMPED.typeName()).append(",\"msg\":{");
            header(w.tNs(), w.frameId()).append(",\"wrench\":{\"force\":");
            vector(w.forceN(), 4).append(",\"torque\":");
            vector(w.torqueNm(), 5).append('}');
        } else if (sample instanceof SafetyStateSample s) {
            string(RosTypes.SAFETY_STATE.typeName()).append(",\"msg\":{");
            header(s.tNs(), "").append(",\"mode\":");
            string(s.mode()).append(",\"estop\":").append(s.estop()).append(",\"protective_stop\":")
                    .append(s.protectiveStop()).append(",\"drive_enabled\":").append(s.driveEnabled());
        } else if (sample instanceof EventSample e) {
            string(RosTypes.EVENT.typeName()).append(",\"msg\":{");
            header(e.tNs(), "").append(",\"kind\":");
            string(e.kind()).append(",\"detail\":");
            string(e.detail());
        } else if (sample instanceof BatterySample b) {
            string(RosTypes.BATTERY_STATE.typeName()).append(",\"msg\":{");
            header(b.tNs(), "battery").append(",\"voltage\":");
            fixed(b.voltageV(), 4).append(",\"current\":");
            fixed(b.currentA(), 4).append(",\"percentage\":");
            fixed(b.stateOfCharge(), 6).append(",\"temperature\":");
            fixed(b.temperatureDegC(), 2);
        } else {
            throw new IllegalArgumentException("bench recordings have no " + sample.getClass().getSimpleName());
        }
        line.append("}}\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private StringBuilder header(long tNs, String frameId) {
        line.append("\"header\":{\"stamp\":{\"sec\":").append(Math.floorDiv(tNs, 1_000_000_000L))
                .append(",\"nanosec\":").append(Math.floorMod(tNs, 1_000_000_000L)).append("},\"frame_id\":");
        return string(frameId).append('}');
    }

    private StringBuilder vector(Vector3 v, int decimals) {
        line.append("{\"x\":");
        fixed(v.x(), decimals).append(",\"y\":");
        fixed(v.y(), decimals).append(",\"z\":");
        return fixed(v.z(), decimals).append('}');
    }

    private StringBuilder quaternion(Quaternion q) {
        line.append("{\"x\":");
        fixed(q.x(), 7).append(",\"y\":");
        fixed(q.y(), 7).append(",\"z\":");
        fixed(q.z(), 7).append(",\"w\":");
        return fixed(q.w(), 7).append('}');
    }

    /** Append {@code v} rounded half away from zero to {@code decimals} decimals, e.g. {@code -0.012300}. */
    StringBuilder fixed(double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(v) * scale);
        if (v < 0 && scaled != 0) {
            line.append('-');
        }
        line.append(scaled / scale).append('.');
        String fraction = Long.toString(scaled % scale);
        for (int i = fraction.length(); i < decimals; i++) {
            line.append('0');
        }
        return line.append(fraction);
    }

    private StringBuilder string(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                line.append(c);
            }
        }
        return line.append('"');
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
