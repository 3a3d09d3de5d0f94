package org.hcert.adapters.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import org.hcert.adapters.wire.Transport;

/** A serial port as a {@link Transport}, through jSerialComm: raw 8-bit bytes, no flow control. */
public final class SerialTransport implements Transport {

    /** How long a read waits for bytes before returning 0, in milliseconds. */
    static final int POLL_MS = 20;

    /** How long to keep the port open after the last write, in milliseconds. */
    static final long CLOSE_GRACE_MS = 100;

    private final SerialPort port;
    private final SerialSettings settings;
    private volatile long lastWriteNs = System.nanoTime() - CLOSE_GRACE_MS * 1_000_000L;

    private SerialTransport(SerialPort port, SerialSettings settings) {
        this.port = port;
        this.settings = settings;
    }

    /**
     * Open and configure a port.
     *
     * @throws IOException naming the port when it does not exist or cannot be opened
     */
    public static SerialTransport open(SerialSettings settings) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port %s does not exist".formatted(settings.port()), e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), settings.jSerialCommStopBits(), settings.jSerialCommParity());
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, POLL_MS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port %s (error %d): check that it exists and that this user may use it (group dialout)"
                    .formatted(settings.port(), port.getLastErrorCode()));
        }
        return new SerialTransport(port, settings);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port %s failed or was unplugged (error %d)".formatted(settings.port(), port.getLastErrorCode()));
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n < 0) {
                throw new IOException("cannot write to serial port %s (error %d)".formatted(settings.port(), port.getLastErrorCode()));
            }
            done += n;
        }
        lastWriteNs = System.nanoTime();
    }

    /**
     * Close the port once the last bytes written (a BYE, a stop) have had time to leave it: closing
     * discards what is still queued (on a pseudo-terminal, what the other side has not read yet), so
     * wait until the port reports an empty queue and {@value #CLOSE_GRACE_MS} ms have passed since
     * the last write, at most 500 ms in all.
     */
    @Override
    public void close() {
        long end = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < end && (port.bytesAwaitingWrite() > 0
                || System.nanoTime() - lastWriteNs < CLOSE_GRACE_MS * 1_000_000L)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        port.closePort();
    }

    @Override
    public String describe() {
        return "serial port " + settings.port();
    }
}
