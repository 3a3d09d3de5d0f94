package org.hcert.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
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
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapWriter;

/**
 * Write samples as an MCAP file the way rosbag2 does: profile {@code ros2}, ros2msg schemas, CDR
 * message bodies, chunks of 1 MiB (zstd or uncompressed) with message indexes and a full summary.
 */
final class McapSink implements Sink {

    private static final double[] COVARIANCE_9 = {1e-6, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6};
    private static final double[] COVARIANCE_36 = covariance36();

    private final McapWriter writer;
    private final Map<RosTypes, Integer> schemas = new EnumMap<>(RosTypes.class);
    private final Map<String, int[]> channels = new HashMap<>();
    private final Cdr cdr = new Cdr();

    McapSink(Path file, Compression compression) {
        this.writer = McapWriter.builder().compression(compression).profile("ros2").library("hcert-bench").open(file);
    }

    @Override
    public void write(Sample sample) {
        RosTypes type = type(sample);
        int[] channel = channels.computeIfAbsent(sample.topic(), topic -> new int[] {register(topic, type), 0});
        encode(sample);
        writer.write(channel[0], channel[1]++, sample.tNs(), sample.tNs(),
                ByteBuffer.wrap(cdr.bytes(), 0, cdr.size()));
    }

    private int register(String topic, RosTypes type) {
        int schema = schemas.computeIfAbsent(type, t -> writer.registerSchema(t.typeName(), "ros2msg", t.definition()));
        return writer.registerChannel(topic, "cdr", schema, Map.of("offered_qos_profiles", ""));
    }

    private static RosTypes type(Sample sample) {
        if (sample instanceof JointStateSample) {
            return RosTypes.JOINT_STATE;
        } else if (sample instanceof ImuSample) {
            return RosTypes.IMU;
        } else if (sample instanceof OdometrySample) {
            return RosTypes.ODOMETRY;
        } else if (sample instanceof WrenchSample) {
            return RosTypes.WRENCH_STAMPED;
        } else if (sample instanceof SafetyStateSample) {
            return RosTypes.SAFETY_STATE;
        } else if (sample instanceof EventSample) {
            return RosTypes.EVENT;
        } else if (sample instanceof BatterySample) {
            return RosTypes.BATTERY_STATE;
        }
        throw new IllegalArgumentException("bench recordings have no " + sample.getClass().getSimpleName());
    }

    private void encode(Sample sample) {
        cdr.begin();
        if (sample instanceof JointStateSample j) {
            jointState(j);
        } else if (sample instanceof ImuSample i) {
            cdr.header(i.tNs(), "imu_torso");
            quaternion(i.orientation()).f64Array(COVARIANCE_9, 9);
            vector(i.angularVelocityRadS()).f64Array(COVARIANCE_9, 9);
            vector(i.linearAccelerationMs2()).f64Array(COVARIANCE_9, 9);
        } else if (sample instanceof OdometrySample o) {
            cdr.header(o.tNs(), "odom").string("pelvis");
            vector(o.positionM());
            quaternion(o.orientation()).f64Array(COVARIANCE_36, 36);
            vector(o.linearVelocityMs());
            vector(o.angularVelocityRadS()).f64Array(COVARIANCE_36, 36);
        } else if (sample instanceof WrenchSample w) {
            cdr.header(w.tNs(), w.frameId());
            vector(w.forceN());
            vector(w.torqueNm());
        } else if (sample instanceof SafetyStateSample s) {
            cdr.header(s.tNs(), "").string(s.mode()).bool(s.estop()).bool(s.protectiveStop()).bool(s.driveEnabled());
        } else if (sample instanceof EventSample e) {
            cdr.header(e.tNs(), "").string(e.kind()).string(e.detail());
        } else if (sample instanceof BatterySample b) {
            cdr.header(b.tNs(), "battery").f32((float) b.voltageV()).f32((float) b.temperatureDegC())
                    .f32((float) b.currentA()).f32(Float.NaN).f32(Float.NaN).f32(20.0f)
                    .f32((float) b.stateOfCharge()).u8(2).u8(1).u8(2).bool(true).i32(0).i32(0)
                    .string("torso").string("HB40-BAT-0001");
        } else {
            throw new IllegalArgumentException("bench recordings have no " + sample.getClass().getSimpleName());
        }
    }

    private void jointState(JointStateSample j) {
        cdr.header(j.tNs(), "").i32(j.size());
        for (String name : j.names()) {
            cdr.string(name);
        }
        cdr.i32(j.size());
        for (int i = 0; i < j.size(); i++) {
            cdr.f64(j.positionRad(i));
        }
        cdr.i32(j.size());
        for (int i = 0; i < j.size(); i++) {
            cdr.f64(j.velocityRadS(i));
        }
        cdr.i32(j.size());
        for (int i = 0; i < j.size(); i++) {
            cdr.f64(j.effortNm(i));
        }
    }

    private Cdr vector(Vector3 v) {
        return cdr.vector3(v.x(), v.y(), v.z());
    }

    private Cdr quaternion(Quaternion q) {
        return cdr.quaternion(q.x(), q.y(), q.z(), q.w());
    }

    private static double[] covariance36() {
        double[] c = new double[36];
        for (int i = 0; i < 6; i++) {
            c[i * 7] = 1e-4;
        }
        return c;
    }

    @Override
    public void close() {
        writer.close();
    }
}
