package vn.tthc.monitor.kpi.failure;

/** The pipeline a command waits on stopped, or made no progress for too long; the message says which and why. */
public class PipelineStoppedException extends RuntimeException {

    public PipelineStoppedException(final String message) {
        super(message);
    }
}
