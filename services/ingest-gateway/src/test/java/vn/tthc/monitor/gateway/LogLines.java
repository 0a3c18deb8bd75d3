package vn.tthc.monitor.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log lines the gateway's own classes (or, with {@link #captureAll}, every logger) write while it is open
 * (the gateway runs in the test's JVM).
 */
public final class LogLines implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines(final String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogLines capture() {
        return new LogLines("vn.tthc.monitor.gateway");
    }

    /** Every logger's lines, from the root, whatever its level lets through. */
    public static LogLines captureAll() {
        return new LogLines(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Each line whole: its message, its key-value pairs and its exception, as a log file would hold them. */
    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(event -> event.getFormattedMessage() + " "
                + (event.getKeyValuePairs() == null ? "" : event.getKeyValuePairs()) + " "
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
        }
    }

    public List<String> messages() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
