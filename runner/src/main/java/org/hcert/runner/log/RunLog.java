package org.hcert.runner.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Write everything logged during a run, by hcert and by its libraries, to one file: INFO and above
 * by default, DEBUG with {@code --verbose}. The console is not touched: what a command prints stays
 * as it is. Close it at the end of the run to flush and release the file.
 *
 * <p>The file collects the whole JVM's log while it is open, so one command runs one log at a
 * time (the command line runs one certification per JVM).
 */
public final class RunLog implements AutoCloseable {

    /** The file name of certify's log inside its output folder: {@value}. */
    public static final String CERTIFY_FILE = "hcert.log";

    /** Each line: time with offset, level, thread, logger, message, and the stack trace of a logged exception. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private final FileAppender<ILoggingEvent> appender;
    private final Logger root;
    private final Path file;

    private RunLog(FileAppender<ILoggingEvent> appender, Logger root, Path file) {
        this.appender = appender;
        this.root = root;
        this.file = file;
    }

    /**
     * Start writing the log to {@code file}, replacing an older one.
     *
     * @param verbose DEBUG and above instead of INFO and above
     * @throws UncheckedIOException when the file's folder cannot be made
     */
    public static RunLog open(Path file, boolean verbose) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the log file " + file, e);
        }
        bridgeJavaUtilLogging(verbose);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("hcert-run-log");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.INFO);
        root.addAppender(appender);
        return new RunLog(appender, root, file);
    }

    /** The file the log is written to. */
    public Path file() {
        return file;
    }

    /** Route {@code java.util.logging} (Cucumber, Commons Logging without a backend) to SLF4J, once per JVM. */
    private static synchronized void bridgeJavaUtilLogging(boolean verbose) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        java.util.logging.Logger.getLogger("").setLevel(verbose ? java.util.logging.Level.FINE : java.util.logging.Level.INFO);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
