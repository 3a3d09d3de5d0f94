package org.hcert.adapters.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Map;
import org.hcert.adapters.LinkUri;

/**
 * Line settings of a serial port.
 *
 * @param port the device path ({@code /dev/ttyUSB0}) or name ({@code COM3})
 * @param baud bits per second; default 921600
 * @param parity {@code none} (default), {@code even} or {@code odd}
 * @param dataBits 5 to 8; default 8
 * @param stopBits 1 (default) or 2
 */
public record SerialSettings(String port, int baud, String parity, int dataBits, int stopBits) {

    /** The baud rate when the URI gives none. */
    public static final int DEFAULT_BAUD = 921_600;

    private static final Map<String, Integer> PARITIES = Map.of("none", SerialPort.NO_PARITY, "even", SerialPort.EVEN_PARITY,
            "odd", SerialPort.ODD_PARITY);

    public SerialSettings {
        if (!PARITIES.containsKey(parity)) {
            throw new IllegalArgumentException("parity \"%s\" is not none, even or odd".formatted(parity));
        }
        if (baud < 1 || dataBits < 5 || dataBits > 8 || stopBits < 1 || stopBits > 2) {
            throw new IllegalArgumentException("serial settings out of range: baud %d (> 0), databits %d (5 to 8), stopbits %d (1 or 2)"
                    .formatted(baud, dataBits, stopBits));
        }
    }

    /**
     * Read the settings from a serial link URI.
     *
     * @throws IllegalArgumentException naming the parameter that is not a number or out of range
     */
    public static SerialSettings of(LinkUri uri) {
        return new SerialSettings(uri.target(), number(uri, "baud", DEFAULT_BAUD), uri.param("parity").orElse("none"),
                number(uri, "databits", 8), number(uri, "stopbits", 1));
    }

    int jSerialCommParity() {
        return PARITIES.getOrDefault(parity, SerialPort.NO_PARITY); // parity was checked on construction
    }

    int jSerialCommStopBits() {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int number(LinkUri uri, String name, int fallback) {
        String v = uri.param(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%s: parameter %s=\"%s\" is not a whole number".formatted(uri, name, v), e);
        }
    }
}
