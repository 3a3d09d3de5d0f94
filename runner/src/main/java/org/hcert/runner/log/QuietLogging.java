package org.hcert.runner.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * hcert's default logging, found by Logback through the service loader: no output at all until a
 * command opens its {@link RunLog} (a file appender for certify and simulate); without it Logback
 * would print every DEBUG line of every library on the console. Set in code rather than in a
 * {@code logback.xml}, whose parsing (an XML parser and Logback's configuration model) took about a
 * tenth of a second of every start.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
