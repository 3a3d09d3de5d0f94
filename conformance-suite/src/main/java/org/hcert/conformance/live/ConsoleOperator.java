package org.hcert.conformance.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hcert.conformance.verdict.InsufficientEvidenceException;

/**
 * Ask the operator at the console: the instruction is printed, and the operator types {@code y}
 * (done) or {@code n} (cannot do it) and Enter. Input is read by one daemon thread so that a prompt
 * can time out; answers typed ahead (piped input) are taken in order, but after a prompt timed out,
 * whatever was typed meanwhile is discarded rather than taken for the next prompt.
 */
public final class ConsoleOperator implements Operator {

    private final String name;
    private final PrintWriter out;
    private final Clock clock;
    private final BlockingQueue<Optional<String>> lines = new ArrayBlockingQueue<>(16);
    private volatile boolean timedOut;

    public ConsoleOperator(String name, Reader in, PrintWriter out, Clock clock) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.out = Objects.requireNonNull(out, "out must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        Thread reader = new Thread(() -> readLines(new BufferedReader(in)), "hcert-operator-console");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLines(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.put(Optional.of(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("operator console closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lines.offer(Optional.empty());
        }
    }

    @Override
    public Confirmation ask(String instruction, Duration timeout) {
        if (timedOut) {
            lines.removeIf(Optional::isPresent);
            timedOut = false;
        }
        Instant asked = clock.instant();
        out.printf("%n>>> OPERATOR (%s): %s%n    Type y and Enter when done, n if you cannot (%s).%n",
                name, instruction, human(timeout));
        out.flush();
        String answer = await(instruction, timeout);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new InsufficientEvidenceException(
                    "operator %s declined \"%s\" (answered \"%s\")".formatted(name, instruction, answer));
        }
        return new Confirmation(instruction, name, asked, clock.instant());
    }

    private static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private String await(String instruction, Duration timeout) {
        try {
            Optional<String> line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                timedOut = true;
                throw new InsufficientEvidenceException("operator %s did not confirm \"%s\" within %s"
                        .formatted(name, instruction, human(timeout)));
            }
            if (line.isEmpty()) {
                lines.offer(Optional.empty());
                throw new InsufficientEvidenceException(
                        "the operator console closed before \"%s\" was confirmed".formatted(instruction));
            }
            return line.get().trim().toLowerCase(Locale.ROOT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsufficientEvidenceException("interrupted while waiting for the operator");
        }
    }
}
