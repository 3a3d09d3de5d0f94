package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor's own CSV log (one row per 2 ms, time in microseconds, joints in degrees, the e-stop as a
 * 0/1 column) certified through the robot profile's field mapping and recordingTime, for the
 * e-stop's stopping time (SE-ESTOP-01) and the battery (AP-BATT-01). The log is written here from
 * closed-form motion: walking until the e-stop at 2 s, a linear stop over {@value #STOP_MS} ms, then
 * standing.
 */
class VendorTableIT {

    private static final int STOP_MS = 300;

    @TempDir
    Path dir;

    /**
     * The log: time_us, hip and knee positions (deg) and velocities (deg/s), base speed vx (m/s),
     * e-stop input, mode code, drive flag, battery in mV and mA; {@code estopCell} is the e-stop
     * column's value once pressed.
     */
    private Path log(String estopCell) throws IOException {
        StringBuilder b = new StringBuilder("time_us,hip deg,knee deg,hip_dps,knee_dps,vx,estop,mode,drive_on,vbat_mV,ibat_mA\n");
        for (int i = 0; i <= 3000; i++) {
            double t = i * 0.002;
            // speed scale: 1 while walking, falling linearly to 0 over the stop, then 0
            double s = t < 2 ? 1 : Math.max(0, 1 - (t - 2) * 1000 / STOP_MS);
            double phase = 2 * Math.PI * t;
            double hip = 20 * Math.sin(phase) * s;
            double hipRate = s > 0 ? 20 * 2 * Math.PI * Math.cos(phase) * s : 0;
            boolean pressed = t >= 2;
            boolean driveOn = t < 2 + STOP_MS / 1000.0;
            b.append("%d,%s,%s,%s,%s,%s,%s,%d,%d,%d,%d%n".formatted(i * 2000, hip, 30 + hip / 2, hipRate, hipRate / 2, 0.4 * s,
                    pressed ? estopCell : "0", pressed ? 9 : 2, driveOn ? 1 : 0, 48_000, -3_000));
        }
        return Files.writeString(dir.resolve("vendor_log.csv"), b.toString());
    }

    private Path robot(int declaredStopMs, String recordingTime) throws IOException {
        return Files.writeString(dir.resolve("robot.yaml"), """
                schema: hcert/robot-profile/v1
                identity: {manufacturer: hcert tests, model: CSV-logging robot, serial: "7", firmware: "2"}
                robotClass: compact-biped
                capabilities: [walking, emergency-stop]
                declared:
                  stopTime: {value: %d, unit: ms}
                  batteryMaxVoltage: {value: 50, unit: V}
                  batteryMinVoltage: {value: 40, unit: V}
                  batteryMaxChargeCurrent: {value: 5, unit: A}
                  batteryMaxDischargeCurrent: {value: 10, unit: A}
                  batteryMaxTemperature: {value: 45, unit: degC}
                  batteryMinTemperature: {value: 0, unit: degC}
                joints:
                  - {name: hip, lower: -1.5, upper: 1.5}
                  - {name: knee, lower: -0.5, upper: 2.0}
                %s
                topics:
                  joints:
                    - topic: /vendor_log
                      fields:
                        names: [hip, knee]
                        position: {path: ["hip deg", "knee deg"], unit: deg}
                        velocity: {path: [hip_dps, knee_dps], unit: deg/s}
                  odometry:
                    - topic: /vendor_log
                      fields:
                        twist.twist.linear.x: vx
                        twist.twist.linear.y: {value: 0}
                        twist.twist.linear.z: {value: 0}
                        twist.twist.angular.x: {value: 0}
                        twist.twist.angular.y: {value: 0}
                        twist.twist.angular.z: {value: 0}
                  safety_state:
                    - topic: /vendor_log
                      fields: {mode: mode, estop: estop, protective_stop: {value: false}, drive_enabled: drive_on}
                  battery:
                    - topic: /vendor_log
                      fields:
                        voltage: {path: vbat_mV, scale: 0.001}
                        current: {path: ibat_mA, scale: 0.001}
                """.formatted(declaredStopMs, recordingTime));
    }

    private JsonNode certify(Path robot, Path log, String out, String... extra) throws IOException {
        String[] base = {"certify", "--robot", robot.toString(), "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
            "--recording", log.toString(), "--out", dir.resolve(out).toString(), "--no-html"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        CertifyCommandIT.Run run = CertifyCommandIT.hcert(args);
        assertThat(run.stderr()).doesNotContain("Exception");
        assertThat(dir.resolve(out).resolve("certificate.json")).as(run.stderr()).exists();
        return new ObjectMapper().readTree(dir.resolve(out).resolve("certificate.json").toFile());
    }

    private static JsonNode clause(JsonNode certificate, String id) {
        for (JsonNode c : certificate.get("clauses")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id);
    }

    private static JsonNode measurement(JsonNode clause, String quantityStart) {
        for (JsonNode m : clause.get("measurements")) {
            if (m.get("quantity").asText().startsWith(quantityStart)) {
                return m;
            }
        }
        throw new AssertionError("no measurement " + quantityStart + " in " + clause);
    }

    @Test
    void aVendorLogIsCertifiedThroughItsColumns() throws IOException {
        Path log = log("1");
        JsonNode pass = clause(certify(robot(500, "recordingTime: time_us:us"), log, "pass"), "SE-ESTOP-01");
        assertThat(pass.get("verdict").asText()).as(pass.toString()).isEqualTo("PASS");
        // the stop lasts 300 ms from the press (bracketed between two 2 ms rows)
        JsonNode stop = measurement(pass, "stop time");
        assertThat(stop.get("measured").asDouble()).as(stop.toString()).isBetween(296.0, 304.0);
        assertThat(measurement(pass, "drive power at end of stop (1 = on)").get("measured").asDouble()).isZero();
        // the same log against a declared 200 ms fails
        JsonNode fail = clause(certify(robot(200, "recordingTime: time_us:us"), log, "fail"), "SE-ESTOP-01");
        assertThat(fail.get("verdict").asText()).isEqualTo("FAIL");
    }

    @Test
    void theTimeBaseMayComeFromTheCommandLineAndItsAbsenceIsNamed() throws IOException {
        Path log = log("1");
        JsonNode cli = clause(certify(robot(500, ""), log, "cli", "--time-from", "time_us:us"), "SE-ESTOP-01");
        assertThat(cli.get("verdict").asText()).isEqualTo("PASS");
        // no time base: the table cannot be read, so nothing passes, and the reason says what to give
        JsonNode none = clause(certify(robot(500, ""), log, "none"), "SE-ESTOP-01");
        assertThat(none.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(none.toString()).contains("--time-from COLUMN:UNIT");
    }

    @Test
    void theBatteryColumnsInMillivoltsAreJudgedInVolts() throws IOException {
        JsonNode battery = clause(certify(robot(500, "recordingTime: time_us:us"), log("1"), "battery"), "AP-BATT-01");
        assertThat(battery.get("verdict").asText()).as(battery.toString()).isEqualTo("INCONCLUSIVE");
        JsonNode voltage = measurement(battery, "largest battery voltage");
        assertThat(voltage.get("measured").asDouble()).as(voltage.toString()).isEqualTo(48.0);
        // the log has no battery temperature: not measured, said so, never a pass
        assertThat(battery.get("reason").asText()).contains("reports a temperature in none of its 3001 messages");
    }

    @Test
    void anEstopColumnThatIsNoFlagIsAnErrorNotAPass() throws IOException {
        JsonNode odd = clause(certify(robot(500, "recordingTime: time_us:us"), log("2"), "odd"), "SE-ESTOP-01");
        assertThat(odd.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(odd.toString()).contains("vendor_log.csv:1002: field estop (estop) must be true, false, 0 or 1, got 2");
    }
}
