package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RobotDescriptionTest {

    private static final Path PROFILE = Path.of(System.getProperty("basedir", "."))
            .resolve("../profiles/robots/hc1-demo.yaml").normalize();
    private static final Pattern JOINT = Pattern.compile(
            "- \\{name: (\\w+), lower: (-?[\\d.]+), upper: (-?[\\d.]+), maxVelocity: ([\\d.]+), "
                    + "peakEffort: \\{value: ([\\d.]+), unit: N·m}, continuousEffort: \\{value: ([\\d.]+), unit: N·m}}");

    @Test
    void hc1HasTheJointsAndLimitsOfItsRobotProfile() throws IOException {
        String yaml = Files.readString(PROFILE);
        Matcher m = JOINT.matcher(yaml);
        List<JointDescription> joints = RobotDescription.hc1().joints();
        int i = 0;
        while (m.find()) {
            JointDescription j = joints.get(i++);
            assertThat(j.name()).isEqualTo(m.group(1));
            assertThat(j.lowerRad()).as(j.name()).isEqualTo(Double.parseDouble(m.group(2)));
            assertThat(j.upperRad()).as(j.name()).isEqualTo(Double.parseDouble(m.group(3)));
            assertThat(j.maxVelocityRadS()).as(j.name()).isEqualTo(Double.parseDouble(m.group(4)));
            assertThat(j.maxTorqueNm()).as(j.name()).isEqualTo(Double.parseDouble(m.group(5)));
            assertThat(Thermal.CONTINUOUS_SHARE * j.maxTorqueNm()).as(j.name()).isCloseTo(Double.parseDouble(m.group(6)),
                    org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(i).isEqualTo(joints.size()).isEqualTo(20);
        assertThat(yaml).contains("stopTime: {value: %d, unit: ms}".formatted(RobotDescription.hc1().declaredStopTimeMs()))
                .contains("nominalPelvisHeight: {value: 0.92, unit: m}");
    }

    @Test
    void theActuatorAndBatteryRatingsAreThoseOfTheModel() throws IOException {
        String yaml = Files.readString(PROFILE);
        assertThat(yaml).contains("maxTemperature: {value: %s, unit: degC}".formatted(fmt(Thermal.MAX_WINDING_C)))
                .contains("batteryMaxTemperature: {value: %s, unit: degC}".formatted(fmt(Battery.MAX_TEMPERATURE_C)))
                .contains("batteryMinTemperature: {value: %s, unit: degC}".formatted(fmt(Battery.MIN_TEMPERATURE_C)))
                .contains("batteryMaxVoltage: {value: %s, unit: V}".formatted(fmt(Battery.MAX_VOLTAGE_V)))
                .contains("batteryMinVoltage: {value: %s, unit: V}".formatted(fmt(Battery.MIN_VOLTAGE_V)))
                .contains("batteryMaxChargeCurrent: {value: %s, unit: A}".formatted(fmt(Battery.MAX_CHARGE_A)))
                .contains("batteryMaxDischargeCurrent: {value: %s, unit: A}".formatted(fmt(Battery.MAX_DISCHARGE_A)));
        // held at its torque limit an actuator settles below its rating only if the continuous share keeps it there
        double steady = Thermal.AMBIENT_C + Thermal.LOSS_AT_MAX_TORQUE_W * Thermal.CONTINUOUS_SHARE * Thermal.CONTINUOUS_SHARE
                * Thermal.RESISTANCE_K_W;
        assertThat(steady).isLessThan(Thermal.MAX_WINDING_C);
        for (Thermal.Surface surface : Thermal.SURFACES) {
            assertThat(yaml).contains("{frame: %s, kind: ".formatted(surface.frame()));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void everyStandingPostureIsWithinItsLimits() {
        assertThat(RobotDescription.hc1().joints())
                .allSatisfy(j -> assertThat(j.standRad()).isBetween(j.lowerRad(), j.upperRad()));
    }
}
