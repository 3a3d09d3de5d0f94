package org.hcert.telemetry.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading hcert CSV recordings: cell types, empty cells, quoting, and errors naming file:line:column. */
class CsvSourceTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("rec.csv");
        Files.writeString(f, text);
        return f;
    }

    private static List<Message> read(Path f) {
        List<Message> all = new ArrayList<>();
        try (MessageCursor c = new CsvSource(f).open()) {
            c.forEachRemaining(all::add);
        }
        return all;
    }

    @Test
    void readsRowsIntoBodiesTypedByTheBundledDefinitions() throws IOException {
        Path f = file("""
                t_ns,topic,type,mode,estop,protective_stop,drive_enabled,name[0],name[1],position[0],position[1],cell_voltage,data
                1000,/safety/state,hcert/msg/SafetyState,"1",TRUE,0,true,,,,,,
                2000,/joint_states,sensor_msgs/msg/JointState,,,,,knee,"hip, left",0.5,NaN,,
                2000,/battery,sensor_msgs/msg/BatteryState,,,,,,,,,[],
                3000,/chatter,std_msgs/msg/String,,,,,,,,,,"42"
                3000,/count,std_msgs/msg/Int64,,,,,,,,,,42
                """);
        List<Message> messages = read(f);
        assertThat(messages).extracting(m -> m.body().toString()).containsExactly(
                "{\"mode\":\"1\",\"estop\":true,\"protective_stop\":false,\"drive_enabled\":true}",
                "{\"name\":[\"knee\",\"hip, left\"],\"position\":[0.5,\"NaN\"]}",
                "{\"cell_voltage\":[]}",
                "{\"data\":\"42\"}",
                "{\"data\":42}");
        assertThat(messages.get(1).origin()).isEqualTo(f + ":3");
        assertThat(messages).extracting(Message::logTimeNs).containsExactly(1000L, 2000L, 2000L, 3000L, 3000L);
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndByte() throws IOException {
        // found by RecordingFuzzTest#csv: the reader's decoder failed ahead of the parser, as "read failed" on line 1
        byte[] head = "t_ns,topic,type,kind,detail\n1,/events,hcert/msg/Event,start,ok\n2,/events,hcert/msg/Event,st".getBytes();
        byte[] tail = "p,\n".getBytes();
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Path f = dir.resolve("bad.csv");
        Files.write(f, all);
        assertThatThrownBy(() -> read(f)).isInstanceOf(TelemetryFormatException.class)
                .hasMessage("%s:3: line 3 is not valid UTF-8 (a malformed sequence of 1 byte(s) at byte 29 of the line)".formatted(f));
    }

    @Test
    void readsQuotedCellsAcrossLinesAndCrlfLineEnds() throws IOException {
        Path f = file("\uFEFFt_ns,topic,type,kind,detail\r\n1,/events,hcert/msg/Event,start,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
                + "\r\n2,/events,hcert/msg/Event,stop,\r\n");
        List<Message> messages = read(f);
        assertThat(messages).extracting(m -> m.body().get("detail") == null ? "-" : m.body().get("detail").textValue())
                .containsExactly("two\r\nlines, \"quoted\"", "-");
        assertThat(messages.get(1).origin()).isEqualTo(f + ":5");
    }

    @Test
    void readsAnEmptyCellAsAbsentAndAQuotedOneAsAnEmptyString() throws IOException {
        Path f = file("""
                t_ns,topic,type,kind,detail,a,b
                1,/events,hcert/msg/Event,"",,,
                2,/x,a/msg/B,,,"",
                3,/x,a/msg/B,,,"[]",{}
                4,/x,a/msg/B,,,"true",true
                """);
        assertThat(read(f)).extracting(m -> m.body().toString()).containsExactly(
                "{\"kind\":\"\"}",
                "{\"a\":\"\"}",
                "{\"a\":\"[]\",\"b\":{}}",
                "{\"a\":\"true\",\"b\":true}");
    }

    @Test
    void ignoresSpacesAfterAClosingQuoteAndCountsALoneCrAsALineEnd() throws IOException {
        Path f = file("t_ns,topic,type,kind,detail\r1,/events,hcert/msg/Event,\"start\" ,\"a\"\t\r2,/events,hcert/msg/Event,stop,\r");
        List<Message> messages = read(f);
        assertThat(messages).extracting(m -> m.body().toString())
                .containsExactly("{\"kind\":\"start\",\"detail\":\"a\"}", "{\"kind\":\"stop\"}");
        assertThat(messages).extracting(Message::origin).containsExactly(f + ":2", f + ":3");
    }

    @Test
    void namesTheColumnOfAnErrorFarIntoALongLine() throws IOException {
        // The parser reads in blocks of a few thousand characters; the column must count across them.
        // "1,/s,hcert/msg/Event," is 21 characters, so the quoted detail opens at column 22, closes at
        // 22 + 9000 + 1, and the next cell starts two columns later.
        String detail = "x".repeat(9_000);
        assertError("t_ns,topic,type,detail,estop\n1,/s,hcert/msg/Event,\"%s\",1\n".formatted(detail),
                ":2:%d: column \"estop\" is not a field of hcert/msg/Event".formatted(22 + detail.length() + 3));
        assertError("t_ns,topic,type,detail\n1,/s,hcert/msg/Event,\"%s\"x\n".formatted(detail),
                ":2:%d: unexpected 'x' after the closing quote; write a quote inside a quoted cell as \"\"".formatted(22 + detail.length() + 2));
    }

    @Test
    void rejectsBadInputNamingFileLineAndColumn() throws IOException {
        String header = "t_ns,topic,type,position[0],position[1],estop\n";
        assertError(header + "1,/j,sensor_msgs/msg/JointState,0.1,abc,\n",
                ":2:37: column \"position[1]\": expected a number or NaN (float64), got \"abc\"");
        assertError(header + "1,/j,sensor_msgs/msg/JointState,,0.2,\n",
                ":2:34: column \"position[1]\" has a value but position[0] is empty; arrays are filled from index 0");
        assertError(header + "1,/s,hcert/msg/SafetyState,,,maybe\n",
                ":2:30: column \"estop\": expected true, false, 1 or 0 (bool), got \"maybe\"");
        assertError(header + "1,/s,hcert/msg/SafetyState,0.1,,\n",
                ":2:28: column \"position[0]\" is not a field of hcert/msg/SafetyState");
        assertError(header + "2,/x,a/msg/B,,,\n1,/x,a/msg/B,,,\n",
                ":3:1: t_ns goes back in time: 1 ns after 2 ns (the format requires non-decreasing t_ns)");
        assertError(header + "1.5,/x,a/msg/B,,,\n",
                ":2:1: t_ns must be an integer (nanoseconds since the Unix epoch), got \"1.5\"");
        assertError(header + "1,,a/msg/B,,,\n", ":2:3: topic must not be empty");
        assertError(header + "1,/x,a/msg/B,,,,7\n", ":2:17: the row has 7 cells but the header only 6 columns");
        assertError(header + "1,/x,a/msg/B,\"open,,\n", ":2:14: the quoted cell is not closed before the end of the file");
        assertError(header + "1,/x,a/msg/B,\"a\"b,,\n", ":2:17: unexpected 'b' after the closing quote; write a quote inside "
                + "a quoted cell as \"\"");
        assertError("time,topic,type\n", ":1:1: expected the header to start with t_ns,topic,type, got \"time,topic,type\"; for a table "
                + "of another layout, say where its time is (--time-from COLUMN:UNIT or RATEHz, or recordingTime in the robot profile)");
        assertError("t_ns,topic,type,a..b\n", ":1:17: column \"a..b\" is not a field path like pose.position.x or position[3]");
        assertError("t_ns,topic,type,a,a\n", ":1:19: column \"a\" appears twice");
        assertError("", ":1: the file is empty; expected a header starting with t_ns,topic,type");
    }

    private void assertError(String text, String expected) throws IOException {
        Path f = file(text);
        assertThatThrownBy(() -> read(f)).as(text).isInstanceOf(TelemetryFormatException.class).hasMessage(f + expected);
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> new CsvSource(dir.resolve("nope.csv")).open()).isInstanceOf(TelemetryException.class)
                .hasMessage(dir.resolve("nope.csv") + ": recording not found");
    }
}
