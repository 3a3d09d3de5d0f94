package org.hcert.conformance.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.junit.jupiter.api.Test;

class ConsoleOperatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final StringWriter screen = new StringWriter();

    private ConsoleOperator operator(java.io.Reader in) {
        return new ConsoleOperator("Demo Operator", in, new PrintWriter(screen, true), CLOCK);
    }

    @Test
    void recordsWhoConfirmedAndWhen() {
        Confirmation c = operator(new StringReader("y\n")).ask("Press the emergency stop now", Duration.ofSeconds(5));
        assertThat(c).isEqualTo(new Confirmation("Press the emergency stop now", "Demo Operator",
                CLOCK.instant(), CLOCK.instant()));
        assertThat(screen.toString()).contains(">>> OPERATOR (Demo Operator): Press the emergency stop now");
    }

    @Test
    void aDeclinedStepIsInconclusive() {
        assertThatThrownBy(() -> operator(new StringReader("n\n")).ask("Place the dummy", Duration.ofSeconds(5)))
                .isInstanceOf(InsufficientEvidenceException.class)
                .hasMessage("operator Demo Operator declined \"Place the dummy\" (answered \"n\")");
    }

    @Test
    void noAnswerInTimeIsInconclusive() throws IOException {
        try (PipedWriter keyboard = new PipedWriter(); PipedReader in = new PipedReader(keyboard)) {
            assertThatThrownBy(() -> operator(in).ask("Press the emergency stop now", Duration.ofMillis(200)))
                    .isInstanceOf(InsufficientEvidenceException.class)
                    .hasMessage("operator Demo Operator did not confirm \"Press the emergency stop now\" within 200 ms");
        }
    }

    @Test
    void aClosedConsoleIsInconclusive() {
        assertThatThrownBy(() -> operator(new StringReader("")).ask("Press", Duration.ofSeconds(5)))
                .hasMessage("the operator console closed before \"Press\" was confirmed");
    }

    @Test
    void nonInteractiveRunsNeverWait() {
        assertThatThrownBy(() -> new NonInteractiveOperator().ask("Press the emergency stop now", Duration.ofHours(1)))
                .hasMessage("this step needs the operator (\"Press the emergency stop now\") and the run is non-interactive");
    }
}
