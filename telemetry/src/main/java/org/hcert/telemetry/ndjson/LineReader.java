package org.hcert.telemetry.ndjson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Lines of a UTF-8 text file, each at most {@code maxLineBytes} long: a longer line, or bytes that
 * are not UTF-8, are reported with the line's number before any memory is spent on the rest of it.
 * ({@link java.io.BufferedReader#readLine()} would hold a line of any length, and its decoder
 * reports malformed input without the line.) The CSV reader uses it to name the line of bytes
 * that are not UTF-8.
 */
public final class LineReader implements Closeable {

    /** What went wrong with one line. */
    public static final class BadLine extends IOException {
        private static final long serialVersionUID = 1L;
        public final long line;
        public final String problem;

        BadLine(long line, String problem) {
            super(problem);
            this.line = line;
            this.problem = problem;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[256];
    private long number;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line last returned (1 for the first). */
    long lineNumber() {
        return number;
    }

    /**
     * The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the file.
     *
     * @throws BadLine when the line is longer than the limit or not UTF-8
     */
    public @Nullable String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int from = pos;
            int newline = -1;
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int n = stop - from;
            if (length + n > maxLineBytes) {
                throw new BadLine(number + 1, "line %d is longer than %d bytes, the most hcert reads in one line".formatted(number + 1,
                        maxLineBytes));
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(length + n, Math.min(maxLineBytes, line.length * 2)));
            }
            System.arraycopy(buffer, from, line, length, n);
            length += n;
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(line, 0, length));
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new BadLine(number, "line %d is not valid UTF-8 (a malformed sequence of %d byte(s) at byte %d of the line)"
                    .formatted(number, e.getInputLength(), firstBad(length) + 1));
        } catch (CharacterCodingException e) {
            throw new BadLine(number, "line %d is not valid UTF-8".formatted(number));
        }
    }

    /** Where the first malformed byte of the current line is, for the message. */
    private int firstBad(int length) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        probe.decode(bytes, out, true);
        return bytes.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
