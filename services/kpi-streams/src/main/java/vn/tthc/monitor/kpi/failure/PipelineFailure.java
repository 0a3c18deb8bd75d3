package vn.tthc.monitor.kpi.failure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;

/**
 * What ended a stream thread, as people and tools need it: the root cause's class and message, and
 * the task and processor when Kafka Streams gives them. In: the exception the uncaught exception
 * handler saw; out: one line for a console or a log, and the details of the health endpoint.
 *
 * @param exceptionClass the innermost cause's class (e.g. {@code org.apache.kafka.common.errors.RecordTooLargeException})
 * @param message        the innermost cause's message
 * @param taskId         the task, e.g. {@code 0_1}, or {@code null} when the exception names none
 * @param processor      the processor node, e.g. {@code track-alerts}, or {@code null}
 * @param thread         the stream thread that died
 * @param at             when
 */
public record PipelineFailure(String exceptionClass, String message, String taskId, String processor, String thread,
                              Instant at) {

    /** Kafka Streams names the processor in its wrapping messages only ("... processor=track-alerts, ..."). */
    private static final Pattern PROCESSOR = Pattern.compile("processor(?:NodeId)?[=: ]+'?([A-Za-z0-9_.-]+)");
    /** ... and sometimes the task too, without setting it on the exception ("sending record to topic t for task 0_1"). */
    private static final Pattern TASK = Pattern.compile("task(?:Id)?[= ](\\d+_\\d+)");

    public static PipelineFailure of(final Throwable exception, final String thread, final Instant at) {
        Throwable root = exception;
        String taskId = null;
        String processor = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (taskId == null && cause instanceof StreamsException streams) {
                taskId = streams.taskId().map(TaskId::toString).orElse(null);
            }
            taskId = taskId != null ? taskId : find(TASK, cause.getMessage());
            processor = processor != null ? processor : find(PROCESSOR, cause.getMessage());
            root = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new PipelineFailure(root.getClass().getName(), String.valueOf(root.getMessage()), taskId, processor,
            thread, at);
    }

    private static String find(final Pattern pattern, final String message) {
        if (message == null) {
            return null;
        }
        final Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** One line: {@code RecordTooLargeException: The message is 412 bytes ... (task 0_1, processor track-alerts)}. */
    public String describe() {
        final String where = Optional.ofNullable(taskId).map(id -> "task " + id).orElse("")
            + (taskId != null && processor != null ? ", " : "")
            + Optional.ofNullable(processor).map(name -> "processor " + name).orElse("");
        return exceptionClass + ": " + message + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /** The details the health endpoint shows. */
    public Map<String, Object> details() {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("exception", exceptionClass);
        details.put("message", message);
        Optional.ofNullable(taskId).ifPresent(id -> details.put("taskId", id));
        Optional.ofNullable(processor).ifPresent(name -> details.put("processor", name));
        details.put("thread", thread);
        details.put("at", at.toString());
        return details;
    }
}
