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
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TimeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<Message> read(CsvSource source) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void aVendorLogIsReadRowByRowWithItsMicrosecondTimeColumn() throws IOException {
        Path f = write("lowlevel.csv", "time_us,q0,Time (s),estop,mode\n"
                + "1000,0.5,0.001,0,\"walk\"\n"
                + "2500,,0.0025,1,42\n");
        List<Message> m = read(new CsvSource(f, TimeBase.parse("time_us:us")));
        assertThat(m).hasSize(2);
        assertThat(m.get(0).logTimeNs()).isEqualTo(1_000_000);
        assertThat(m.get(1).logTimeNs()).isEqualTo(2_500_000);
        assertThat(m.get(0).topic()).isEqualTo("/lowlevel");
        assertThat(m.get(0).type()).isEqualTo("table/msg/Row");
        assertThat(m.get(0).origin()).endsWith("lowlevel.csv:2");
        assertThat(m.get(0).body().get("q0").doubleValue()).isEqualTo(0.5);
        assertThat(m.get(0).body().get("Time (s)").doubleValue()).isEqualTo(0.001);
        assertThat(m.get(0).body().get("mode").textValue()).isEqualTo("walk");
        assertThat(m.get(1).body().get("mode").intValue()).isEqualTo(42);
        // an empty cell is no field, never 0
        assertThat(m.get(1).body().has("q0")).isFalse();
    }

    @Test
    void decimalSecondsAndAFixedRateGiveExactNanoseconds() throws IOException {
        Path f = write("t.csv", "t,x\n0.000000001,1\n1.5,2\n");
        assertThat(read(new CsvSource(f, TimeBase.parse("t:s")))).extracting(Message::logTimeNs).containsExactly(1L, 1_500_000_000L);
        assertThat(read(new CsvSource(f, TimeBase.parse("300Hz")))).extracting(Message::logTimeNs).containsExactly(0L, 3_333_333L);
    }

    @Test
    void badTimesAndHeadersAreErrorsNamingTheCell() throws IOException {
        TimeBase us = TimeBase.parse("time_us:us");
        assertThatThrownBy(() -> read(new CsvSource(write("a.csv", "time_us,x\n2,1\n1,1\n"), us)))
                .isInstanceOf(TelemetryFormatException.class).hasMessageEndingWith("a.csv:3: the time goes back: 1000 ns after 2000 ns "
                        + "(column time_us must not decrease)");
        assertThatThrownBy(() -> read(new CsvSource(write("b.csv", "time_us,x\n-5,1\n"), us)))
                .hasMessageEndingWith("b.csv:2:1: the time column time_us holds \"-5\", not a non-negative number of us");
        assertThatThrownBy(() -> read(new CsvSource(write("c.csv", "time_us,x\n,1\n"), us)))
                .hasMessageEndingWith("c.csv:2: the time column time_us is empty");
        assertThatThrownBy(() -> read(new CsvSource(write("d.csv", "stamp,x\n1,1\n"), us)))
                .hasMessageEndingWith("d.csv:1:1: the time column \"time_us\" is not in the header; its columns are stamp, x");
        assertThatThrownBy(() -> read(new CsvSource(write("e.csv", "time_us,x,x\n1,1,1\n"), us)))
                .hasMessageEndingWith("e.csv:1:11: column \"x\" appears twice");
        assertThatThrownBy(() -> read(new CsvSource(write("f.csv", "time_us,x\n1,1,1\n"), us)))
                .hasMessageEndingWith("f.csv:2:5: the row has 3 cells but the header only 2 columns");
        // without a time base, a table is not taken for hcert's format: the error says how to read it
        assertThatThrownBy(() -> read(new CsvSource(write("g.csv", "time_us,x\n1,1\n"))))
                .hasMessageContaining("g.csv:1:1: expected the header to start with t_ns,topic,type, got \"time_us,x\"; for a table "
                        + "of another layout, say where its time is (--time-from COLUMN:UNIT");
    }

    @Test
    void anHcertCsvStaysAnHcertCsvWhenATimeBaseIsGiven() throws IOException {
        Path f = write("h.csv", "t_ns,topic,type,kind\n5,/events,hcert/msg/Event,start\n");
        List<Message> m = read(new CsvSource(f, TimeBase.parse("10Hz")));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.logTimeNs()).isEqualTo(5);
            assertThat(x.topic()).isEqualTo("/events");
        });
    }

    @Test
    void timeBasesAreReadStrictly() {
        assertThat(TimeBase.parse("time_us:us")).isEqualTo(new TimeBase.Field("time_us", "us"));
        assertThat(TimeBase.parse("a:b:ms")).isEqualTo(new TimeBase.Field("a:b", "ms"));
        assertThat(TimeBase.parse("50Hz")).isEqualTo(new TimeBase.Rate(50));
        assertThat(TimeBase.parse("50Hz").spec()).isEqualTo("50Hz");
        assertThatThrownBy(() -> TimeBase.parse("time_us")).hasMessageContaining("is not a time base: write FIELD:UNIT");
        assertThatThrownBy(() -> TimeBase.parse("t:minutes")).hasMessage("time unit \"minutes\" is not one of ns, us, ms, s");
        assertThatThrownBy(() -> TimeBase.parse("0Hz")).hasMessageContaining("positive");
    }
}
