package org.hcert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SampleStream;
import org.hcert.telemetry.mapping.SignalMapping;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fast MCAP path of {@link SampleStream} (topic-filtered index, CDR straight into samples)
 * against the reference path (every message decoded to JSON, then {@code RosJsonDecoder}), sample
 * for sample, on the bundled recordings rewritten as rosbag2-style MCAP and on a bench recording.
 */
class FastDecodingTest {

    static final SignalMapping MAPPING = SignalMapping.of(Map.of(
            Role.JOINTS, List.of(Generator.JOINTS), Role.IMU, List.of(Generator.IMU),
            Role.ODOMETRY, List.of(Generator.ODOMETRY), Role.WRENCHES, List.of(Generator.LEFT_WRIST, Generator.RIGHT_WRIST),
            Role.SAFETY_STATE, List.of(Generator.SAFETY), Role.EVENTS, List.of(Generator.EVENTS),
            Role.BATTERY, List.of(Generator.BATTERY)));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void bundledRecordingsDecodeTheSameBothWays(String name) {
        Path mcap = dir.resolve(name + ".mcap");
        List<Sample> original = samples(new NdjsonSource(Path.of("../samples/recordings", name + ".ndjson")));
        try (McapSink sink = new McapSink(mcap, Compression.ZSTD)) {
            original.forEach(sink::write);
        }
        List<Sample> fast = samples(new McapSource(mcap, RosBodyDecoders.standard()));
        assertThat(fast).hasSize(original.size()).isEqualTo(samples(reference(mcap)));
        assertThat(withoutBattery(fast)).isEqualTo(withoutBattery(original));
    }

    @Test
    void benchRecordingDecodesTheSameBothWays() {
        Path mcap = GenerateRecordings.write(0.1, dir, List.of("none")).get(0);
        List<Sample> generated = new ArrayList<>();
        new Generator().run(6_000, new Sink() {
            @Override
            public void write(Sample sample) {
                generated.add(sample);
            }

            @Override
            public void close() {}
        });
        List<Sample> fast = samples(new McapSource(mcap, RosBodyDecoders.standard()));
        assertThat(fast).hasSize(generated.size()).isEqualTo(samples(reference(mcap)));
        assertThat(withoutBattery(fast)).isEqualTo(withoutBattery(generated));
    }

    /** Battery values are float32 on the wire, so they differ from the generated doubles. */
    private static List<Sample> withoutBattery(List<Sample> samples) {
        return samples.stream().filter(s -> !(s instanceof BatterySample)).toList();
    }

    /** The same file, read message by message as any non-MCAP source is. */
    private static TelemetrySource reference(Path mcap) {
        McapSource source = new McapSource(mcap, RosBodyDecoders.standard());
        return new TelemetrySource() {
            @Override
            public String describe() {
                return source.describe();
            }

            @Override
            public MessageCursor open() {
                return source.open();
            }
        };
    }

    private static List<Sample> samples(TelemetrySource source) {
        List<Sample> out = new ArrayList<>();
        try (SampleStream stream = SampleStream.open(source, MAPPING, EnumSet.allOf(Role.class))) {
            stream.forEachRemaining(out::add);
        }
        return out;
    }
}
