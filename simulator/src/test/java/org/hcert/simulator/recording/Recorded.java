package org.hcert.simulator.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.WrenchSample;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ros.RosJsonDecoder;

/** A bundled recording read back through hcert's own NDJSON reader and ROS JSON decoder. */
final class Recorded {

    /** The bundled recordings, relative to the simulator module. */
    static final Path BUNDLE = Path.of(System.getProperty("basedir", ".")).resolve("../samples/recordings").normalize();

    private static final Map<String, Recorded> CACHE = new ConcurrentHashMap<>();

    final List<Message> messages = new ArrayList<>();
    final List<JointStateSample> joints = new ArrayList<>();
    final List<ImuSample> imu = new ArrayList<>();
    final List<OdometrySample> odom = new ArrayList<>();
    final List<SafetyStateSample> safety = new ArrayList<>();
    final List<EventSample> events = new ArrayList<>();
    final List<WrenchSample> wrenches = new ArrayList<>();
    final List<BatterySample> battery = new ArrayList<>();
    final JsonNode truth;

    private Recorded(String name) {
        try (MessageCursor cursor = new NdjsonSource(BUNDLE.resolve(name + ".ndjson")).open()) {
            cursor.forEachRemaining(m -> add(m, RosJsonDecoder.decode(m).orElseThrow(
                    () -> new AssertionError("%s: type %s is not decodable".formatted(m.origin(), m.type())))));
        }
        try {
            truth = new ObjectMapper().readTree(BUNDLE.resolve(name + ".truth.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Recorded load(String name) {
        return CACHE.computeIfAbsent(name, Recorded::new);
    }

    private void add(Message m, Sample s) {
        messages.add(m);
        if (s instanceof JointStateSample j) {
            joints.add(j);
        } else if (s instanceof ImuSample i) {
            imu.add(i);
        } else if (s instanceof OdometrySample o) {
            odom.add(o);
        } else if (s instanceof SafetyStateSample st) {
            safety.add(st);
        } else if (s instanceof EventSample e) {
            events.add(e);
        } else if (s instanceof WrenchSample w) {
            wrenches.add(w);
        } else if (s instanceof BatterySample b) {
            battery.add(b);
        }
    }

    long truthNs(String field) {
        return truth.get(field).asLong();
    }
}
