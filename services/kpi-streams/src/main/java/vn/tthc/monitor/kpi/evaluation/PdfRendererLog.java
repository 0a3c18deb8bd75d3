package vn.tthc.monitor.kpi.evaluation;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J (the service's JSON log) instead of java.util.logging on stderr: its warnings
 * and errors as such, its per-document notes (font loading, renderer chosen) at debug.
 */
final class PdfRendererLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

    @Override
    public void log(final String where, final Level level, final String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(final String where, final Level level, final String message, final Throwable error) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, message, error);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, message, error);
        } else {
            LOG.debug("{}: {}", where, message, error);
        }
    }

    @Override
    public void setLevel(final String logger, final Level level) {
        // levels are the service's logging configuration's
    }

    @Override
    public boolean isLogLevelEnabled(final Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
    }
}
