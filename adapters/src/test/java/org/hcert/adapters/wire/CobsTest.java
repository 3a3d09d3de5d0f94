package org.hcert.adapters.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CobsTest {

    /** The examples of the COBS paper and Wikipedia's article. */
    @ParameterizedTest
    @CsvSource({
        "00, 0101",
        "0000, 010101",
        "00110000, 0102110101",
        "11220033, 0311220233",
        "11223344, 0511223344",
        "11000000, 0211010101",
    })
    void encodesTheReferenceExamples(String data, String encoded) {
        byte[] d = HexFormat.of().parseHex(data);
        byte[] e = HexFormat.of().parseHex(encoded.replace(" ", ""));
        assertThat(Cobs.encode(d)).containsExactly(e);
        assertThat(Cobs.decode(e, e.length)).containsExactly(d);
    }

    @Test
    void roundTripsRandomDataWithoutZerosInTheOutput() {
        Random random = new Random(20261125L);
        for (int n = 0; n < 2000; n++) {
            byte[] data = new byte[random.nextInt(n < 1000 ? 600 : 5)];
            random.nextBytes(data);
            if (n % 3 == 0) {
                Arrays.fill(data, 0, data.length / 2, (byte) 0);
            }
            byte[] e = Cobs.encode(data);
            for (byte b : e) {
                assertThat(b).isNotZero();
            }
            assertThat(e.length).isLessThanOrEqualTo(data.length + data.length / 254 + 1);
            assertThat(Cobs.decode(e, e.length)).containsExactly(data);
        }
    }

    @Test
    void encodesA254ByteRunWithAFinalEmptyGroup() {
        byte[] data = new byte[254];
        Arrays.fill(data, (byte) 7);
        byte[] e = Cobs.encode(data);
        assertThat(e).hasSize(256);
        assertThat(e[0] & 0xff).isEqualTo(0xff);
        assertThat(e[255]).isEqualTo((byte) 1);
        assertThat(Cobs.decode(e, e.length)).containsExactly(data);
    }

    @Test
    void rejectsACodeBytePastTheEnd() {
        assertThatThrownBy(() -> Cobs.decode(new byte[] {5, 1, 2}, 3)).isInstanceOf(WireFormatException.class)
                .hasMessage("COBS: code byte 5 at 0 points past the end of the 3-byte frame");
    }
}
