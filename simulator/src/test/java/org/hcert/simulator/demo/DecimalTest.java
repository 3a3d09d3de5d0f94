package org.hcert.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void printsAFixedCountOfDecimals() {
        assertThat(Decimal.fixed(0.5, 6)).isEqualTo("0.500000");
        assertThat(Decimal.fixed(-12.3456789, 4)).isEqualTo("-12.3457");
        assertThat(Decimal.fixed(9.81, 0)).isEqualTo("10");
        assertThat(Decimal.fixed(0.000004, 5)).isEqualTo("0.00000");
    }

    @Test
    void printsNegativeZeroAsZero() {
        assertThat(Decimal.fixed(-0.0000001, 4)).isEqualTo("0.0000");
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Decimal.fixed(1234.5, 2)).isEqualTo("1234.50");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThatThrownBy(() -> Decimal.fixed(Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot format NaN with 3 decimals");
    }
}
