package org.hcert.telemetry.ros;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.WrenchSample;
import org.hcert.telemetry.ros.CdrPlan.Kind;
import org.hcert.telemetry.ros.CdrPlan.Values;
import org.hcert.telemetry.ros.CdrPlan.Want;
import org.jspecify.annotations.Nullable;

/**
 * Decode CDR bodies of the message types hcert reads straight into typed samples, without the
 * JSON shape: the fast path for {@code ros2msg}/{@code cdr} recordings, field for field equal to
 * {@link RosBodyDecoders} followed by {@link RosJsonDecoder}.
 *
 * <p>The definition in the recording decides the layout, so extra or reordered fields are fine.
 * {@link #decode} returns null for a body the reference path would refuse (malformed, or not
 * matching the definition): the caller then decodes it with {@link RosBodyDecoders}, which says
 * exactly what is wrong. One instance per channel (it remembers the last joint names); not
 * thread-safe.
 */
public final class CdrSampleDecoder {

    /** Slots of the header's stamp (numbers) and, for types that do not read it themselves, frame_id (strings). */
    private static final int SEC = 13;
    private static final int NANOSEC = 14;
    private static final int FRAME = 2;

    private static final Map<String, Spec> SPECS = Map.of(
            RosJsonDecoder.JOINT_STATE, spec(CdrSampleDecoder::jointState, FRAME,
                    List.of(want("name", Kind.STRINGS, 0, true), want("position", Kind.NUMBERS, 0, true),
                            want("velocity", Kind.NUMBERS, 1, false), want("effort", Kind.NUMBERS, 2, false))),
            RosJsonDecoder.IMU, spec(CdrSampleDecoder::imu, FRAME, concat(quaternion("orientation", 0),
                    vector("angular_velocity", 4), vector("linear_acceleration", 7))),
            RosJsonDecoder.ODOMETRY, spec(CdrSampleDecoder::odometry, FRAME, concat(vector("pose.pose.position", 0),
                    quaternion("pose.pose.orientation", 3), vector("twist.twist.linear", 7),
                    vector("twist.twist.angular", 10))),
            RosJsonDecoder.WRENCH_STAMPED, spec(CdrSampleDecoder::wrench, 0, concat(
                    List.of(want("header.frame_id", Kind.STRING, 0, false)), vector("wrench.force", 0),
                    vector("wrench.torque", 3))),
            RosJsonDecoder.BATTERY_STATE, spec(CdrSampleDecoder::battery, FRAME,
                    List.of(want("voltage", Kind.NUMBER, 0, true), want("current", Kind.NUMBER, 1, true),
                            want("percentage", Kind.NUMBER, 2, false), want("temperature", Kind.NUMBER, 3, false))),
            RosJsonDecoder.TEMPERATURE, spec(CdrSampleDecoder::temperature, 0,
                    List.of(want("header.frame_id", Kind.STRING, 0, false), want("temperature", Kind.NUMBER, 0, true))),
            RosJsonDecoder.SAFETY_STATE, spec(CdrSampleDecoder::safetyState, FRAME,
                    List.of(want("mode", Kind.STRING, 0, true), want("estop", Kind.BOOL, 0, true),
                            want("protective_stop", Kind.BOOL, 1, true), want("drive_enabled", Kind.BOOL, 2, true))),
            RosJsonDecoder.EVENT, spec(CdrSampleDecoder::event, FRAME,
                    List.of(want("kind", Kind.STRING, 0, true), want("detail", Kind.STRING, 1, false))));

    private static final double[] EMPTY = new double[0];

    private final CdrPlan plan;
    private final Spec spec;
    private final CdrCursor cursor = new CdrCursor();
    private final Values values = new Values();
    private final boolean stamped;
    private MessageHeader header = MessageHeader.NONE;

    private CdrSampleDecoder(CdrPlan plan, Spec spec) {
        this.plan = plan;
        this.spec = spec;
        this.stamped = plan.captures("header.stamp.sec") && plan.captures("header.stamp.nanosec");
    }

    /**
     * A decoder for the bodies of {@code schema}, or empty when the fast path does not apply: the
     * schema is not ros2msg, names a type hcert does not read, does not parse, or lacks a field
     * hcert reads (the reference path then reports the problem per message).
     */
    public static Optional<CdrSampleDecoder> forSchema(@Nullable SchemaInfo schema) {
        if (schema == null || !schema.encoding().equals("ros2msg")) {
            return Optional.empty();
        }
        Spec spec = SPECS.get(RosJsonDecoder.normalise(schema.name()));
        if (spec == null) {
            return Optional.empty();
        }
        MessageType type;
        try {
            type = DefinitionParser.parse(schema.name(), new String(schema.data(), StandardCharsets.UTF_8), Dialect.ROS2);
        } catch (TelemetryException e) {
            return Optional.empty();
        }
        return CdrPlan.compile(type, spec.wants()).map(plan -> new CdrSampleDecoder(plan, spec));
    }

    /**
     * Decode one CDR body, from its position to its limit (left untouched).
     *
     * @return the sample, or null when the body must be decoded the reference way
     */
    public @Nullable Sample decode(long logTimeNs, String topic, ByteBuffer body) {
        return decode(logTimeNs, topic, body, body.position(), body.limit());
    }

    /**
     * Decode the CDR body at {@code start} to {@code end} of {@code buffer}, which may hold other
     * records around it (a chunk's), without a view of the body.
     *
     * @return the sample, or null when the body must be decoded the reference way
     */
    public @Nullable Sample decode(long logTimeNs, String topic, ByteBuffer buffer, int start, int end) {
        values.strings[0] = "";
        values.strings[1] = "";
        values.numbers[2] = Double.NaN;
        values.numbers[3] = Double.NaN;
        values.arrays[0] = EMPTY;
        values.arrays[1] = EMPTY;
        values.arrays[2] = EMPTY;
        values.strings[FRAME] = "";
        values.numbers[SEC] = Double.NaN;
        values.numbers[NANOSEC] = Double.NaN;
        header = MessageHeader.NONE;
        try {
            plan.run(cursor, buffer, start, end, values);
        } catch (RuntimeException e) {
            if (e == CdrCursor.REJECTED) {
                return null;
            }
            throw e;
        }
        header = stamped ? new MessageHeader(true, MessageHeader.stampNs((long) values.numbers[SEC],
                (long) values.numbers[NANOSEC]), values.strings[spec.frameSlot()]) : MessageHeader.NONE;
        return spec.build().sample(logTimeNs, topic, values);
    }

    /** The {@code std_msgs/Header} of the body last decoded: {@link MessageHeader#NONE} when its definition has none. */
    public MessageHeader header() {
        return header;
    }

    /** Make a sample of the captured values (a function of three arguments, so that no object is made to pass the first two). */
    private interface Build {
        Sample sample(long tNs, String topic, Values v);
    }

    private record Spec(Build build, List<Want> wants, int frameSlot) {}

    /** A spec that also reads the header's stamp and, unless the type reads it itself, its frame_id. */
    private static Spec spec(Build build, int frameSlot, List<Want> wants) {
        List<Want> all = new ArrayList<>(wants);
        all.add(want("header.stamp.sec", Kind.NUMBER, SEC, false));
        all.add(want("header.stamp.nanosec", Kind.NUMBER, NANOSEC, false));
        if (frameSlot == FRAME) {
            all.add(want("header.frame_id", Kind.STRING, FRAME, false));
        }
        return new Spec(build, List.copyOf(all), frameSlot);
    }

    private static Want want(String path, Kind kind, int slot, boolean required) {
        return new Want(path, kind, slot, required);
    }

    private static List<Want> vector(String path, int slot) {
        return List.of(want(path + ".x", Kind.NUMBER, slot, true), want(path + ".y", Kind.NUMBER, slot + 1, true),
                want(path + ".z", Kind.NUMBER, slot + 2, true));
    }

    private static List<Want> quaternion(String path, int slot) {
        return concat(vector(path, slot), List.of(want(path + ".w", Kind.NUMBER, slot + 3, true)));
    }

    private static List<Want> concat(List<Want> a, List<Want> b) {
        List<Want> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<Want> concat(List<Want> a, List<Want> b, List<Want> c) {
        return concat(concat(a, b), c);
    }

    private static List<Want> concat(List<Want> a, List<Want> b, List<Want> c, List<Want> d) {
        return concat(concat(a, b, c), d);
    }

    private static Vector3 vector(Values v, int slot) {
        return new Vector3(v.numbers[slot], v.numbers[slot + 1], v.numbers[slot + 2]);
    }

    private static Quaternion quaternion(Values v, int slot) {
        return new Quaternion(v.numbers[slot], v.numbers[slot + 1], v.numbers[slot + 2], v.numbers[slot + 3]);
    }

    @SuppressWarnings("unchecked")
    private static Sample jointState(long tNs, String topic, Values v) {
        // the plan makes new arrays for every body (a missing field is the shared empty array)
        return JointStateSample.ofOwnArrays(tNs, topic, (List<String>) v.lists[0], v.arrays[0], v.arrays[1],
                v.arrays[2]);
    }

    private static Sample imu(long tNs, String topic, Values v) {
        return new ImuSample(tNs, topic, quaternion(v, 0), vector(v, 4), vector(v, 7));
    }

    private static Sample odometry(long tNs, String topic, Values v) {
        return new OdometrySample(tNs, topic, vector(v, 0), quaternion(v, 3), vector(v, 7), vector(v, 10));
    }

    private static Sample wrench(long tNs, String topic, Values v) {
        return new WrenchSample(tNs, topic, v.strings[0], vector(v, 0), vector(v, 3));
    }

    private static Sample battery(long tNs, String topic, Values v) {
        return new BatterySample(tNs, topic, v.numbers[0], v.numbers[1], v.numbers[2], v.numbers[3]);
    }

    private static Sample temperature(long tNs, String topic, Values v) {
        return new TemperatureSample(tNs, topic, v.strings[0], v.numbers[0]);
    }

    private static Sample safetyState(long tNs, String topic, Values v) {
        return new SafetyStateSample(tNs, topic, v.strings[0], v.bools[0], v.bools[1], v.bools[2]);
    }

    private static Sample event(long tNs, String topic, Values v) {
        return new EventSample(tNs, topic, v.strings[0], v.strings[1]);
    }
}
