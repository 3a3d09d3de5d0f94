package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of a row or frame comes from in a recording that has no log time of its own (a
 * vendor's CSV log, an HDF5 episode): a field holding a time in a given unit, or a fixed sample
 * rate. Written {@code FIELD:UNIT} ({@code time_us:us}, {@code stamp:s}; units ns, us, ms, s) or
 * {@code RATEHz} ({@code 50Hz}: row i at i/50 s).
 */
public sealed interface TimeBase {

    /** The spec as written, e.g. {@code time_us:us}. */
    String spec();

    /**
     * Times read from a field.
     *
     * @param field the column or field path
     * @param unit {@code ns}, {@code us}, {@code ms} or {@code s}
     */
    record Field(String field, String unit) implements TimeBase {

        public Field {
            if (field.isEmpty()) {
                throw new IllegalArgumentException("the time field must not be empty");
            }
            if (nsPer(unit).isEmpty()) {
                throw new IllegalArgumentException("time unit \"%s\" is not one of ns, us, ms, s".formatted(unit));
            }
        }

        @Override
        public String spec() {
            return field + ":" + unit;
        }

        /**
         * The time {@code value} (a number, or the text of one) stands for, in ns; rounded to the
         * nearest ns.
         *
         * @return empty when the value is not a finite non-negative number within the range of int64 ns
         */
        public Optional<Long> toNs(String value) {
            BigDecimal v;
            try {
                v = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            BigDecimal ns = v.multiply(BigDecimal.valueOf(nsPer(unit).orElseThrow())).setScale(0, RoundingMode.HALF_EVEN);
            if (ns.signum() < 0 || ns.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return Optional.empty();
            }
            return Optional.of(ns.longValueExact());
        }

        /** {@link #toNs(String)} of a JSON value: a number, or text holding one. */
        public Optional<Long> toNs(JsonNode value) {
            if (value.isNumber()) {
                return toNs(value.isIntegralNumber() ? value.bigIntegerValue().toString() : Double.toString(value.doubleValue()));
            }
            return value.isTextual() ? toNs(value.textValue()) : Optional.empty();
        }
    }

    /**
     * One sample every {@code 1/hz} seconds, the first at 0.
     *
     * @param hz the rate, positive and finite
     */
    record Rate(double hz) implements TimeBase {

        public Rate {
            if (!(hz > 0) || Double.isInfinite(hz)) {
                throw new IllegalArgumentException("the rate must be a positive number of Hz, got " + hz);
            }
        }

        @Override
        public String spec() {
            return BigDecimal.valueOf(hz).stripTrailingZeros().toPlainString() + "Hz";
        }

        /** The time of sample {@code index}, in ns. */
        public long atNs(long index) {
            return BigDecimal.valueOf(index).multiply(BigDecimal.valueOf(1_000_000_000L))
                    .divide(BigDecimal.valueOf(hz), 0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[Hh][Zz]");

    /**
     * Read a spec: {@code FIELD:UNIT} or {@code RATEHz}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static TimeBase parse(String spec) {
        Matcher rate = RATE.matcher(spec.strip());
        if (rate.matches()) {
            return new Rate(Double.parseDouble(rate.group(1)));
        }
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(("\"%s\" is not a time base: write FIELD:UNIT (e.g. time_us:us; units ns, us, ms, s) "
                    + "or a rate (e.g. 50Hz)").formatted(spec));
        }
        return new Field(spec.substring(0, colon), spec.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** Nanoseconds per {@code unit}, if it is one of ns, us, ms, s. */
    private static Optional<Long> nsPer(String unit) {
        return switch (unit) {
            case "ns" -> Optional.of(1L);
            case "us", "µs" -> Optional.of(1_000L);
            case "ms" -> Optional.of(1_000_000L);
            case "s" -> Optional.of(1_000_000_000L);
            default -> Optional.empty();
        };
    }
}
