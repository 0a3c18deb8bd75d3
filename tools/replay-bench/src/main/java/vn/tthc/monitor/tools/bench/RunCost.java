package vn.tthc.monitor.tools.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What one benchmark run cost per event, so that the next lever can be chosen from figures (issue 21): the CPU time
 * of the Kafka Streams stream threads, of the other Java threads (the broker, the clients' network threads, the
 * benchmark) and of the JVM's own (garbage collector and JIT compiler: the process's CPU time less every Java
 * thread's), the bytes allocated by the stream threads and by the whole process, and the records and bytes the run
 * wrote to each topic (its producers' {@code producer-topic-metrics}: changelogs, repartition topics and outputs).
 * {@link Meter} takes the JVM's figures at the start and at the end of a run; the arithmetic is this record's.
 *
 * @param events          the events of the run (the lines of its file)
 * @param streamCpuNanos  CPU time of the stream threads
 * @param otherCpuNanos   CPU time of the other Java threads alive at the end
 * @param processCpuNanos CPU time of the whole process
 * @param streamAllocated bytes allocated by the stream threads
 * @param allocated       bytes allocated by every Java thread
 * @param otherThreads    CPU time of the other Java threads by kind (the name without its numbers and client id)
 * @param topics          what the run's producers wrote, per topic
 */
record RunCost(long events, long streamCpuNanos, long otherCpuNanos, long processCpuNanos, long streamAllocated,
               long allocated, Map<String, Long> otherThreads, List<TopicWrites> topics) {

    /** Kafka Streams names its stream threads {@code <client id>-StreamThread-<n>}; its clients' threads carry more. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
    private static final int OTHER_KINDS_PRINTED = 4;

    RunCost {
        if (events <= 0) {
            throw new IllegalArgumentException("a run of no events has no cost per event");
        }
        otherThreads = Map.copyOf(otherThreads);
        topics = topics.stream().sorted(Comparator.comparing(TopicWrites::kind).thenComparing(TopicWrites::topic)).toList();
    }

    /** Records and bytes (as the producers sent them, after compression) written to one topic. */
    record TopicWrites(String topic, long records, long bytes) {

        String kind() {
            if (topic.endsWith("-changelog")) {
                return "changelog";
            }
            return topic.endsWith("-repartition") ? "repartition" : "output";
        }
    }

    static boolean isStreamThread(final String threadName) {
        return STREAM_THREAD.matcher(threadName).matches();
    }

    /** A thread's kind: its name before a client id ({@code name | client}), without digits and trailing separators. */
    static String threadKind(final String threadName) {
        final int client = threadName.indexOf(" | ");
        final String name = client < 0 ? threadName : threadName.substring(0, client);
        return name.replaceAll("\\d+", "").replaceAll("[-_ ]+$", "");
    }

    double streamCpuMicrosPerEvent() {
        return streamCpuNanos / 1e3 / events;
    }

    double otherCpuMicrosPerEvent() {
        return otherCpuNanos / 1e3 / events;
    }

    /** The process's CPU time that no Java thread accounts for: the collector's and the compiler's threads. */
    double jvmCpuMicrosPerEvent() {
        return Math.max(0, processCpuNanos - streamCpuNanos - otherCpuNanos) / 1e3 / events;
    }

    double processCpuMicrosPerEvent() {
        return processCpuNanos / 1e3 / events;
    }

    double streamAllocatedKbPerEvent() {
        return streamAllocated / 1e3 / events;
    }

    double allocatedKbPerEvent() {
        return allocated / 1e3 / events;
    }

    double recordsPerEvent(final String kind) {
        return topics.stream().filter(topic -> topic.kind().equals(kind)).mapToLong(TopicWrites::records).sum()
            / (double) events;
    }

    double bytesPerEvent(final String kind) {
        return topics.stream().filter(topic -> topic.kind().equals(kind)).mapToLong(TopicWrites::bytes).sum()
            / (double) events;
    }

    /** The figures as the benchmark prints them, topic names without {@code prefix} (the application id and a dash). */
    List<String> lines(final String prefix) {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
            "    CPU per event: stream threads %,.1f µs, other Java threads %,.1f µs, JVM (GC, JIT) %,.1f µs; process %,.1f µs",
            streamCpuMicrosPerEvent(), otherCpuMicrosPerEvent(), jvmCpuMicrosPerEvent(), processCpuMicrosPerEvent()));
        final StringBuilder others = new StringBuilder("    other Java threads, CPU per event:");
        otherThreads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(OTHER_KINDS_PRINTED)
            .forEach(kind -> others.append(String.format(Locale.ROOT, " %s %,.1f µs;", kind.getKey(),
                kind.getValue() / 1e3 / events)));
        lines.add(others.substring(0, others.length() - (otherThreads.isEmpty() ? 0 : 1)));
        lines.add(String.format(Locale.ROOT, "    allocated per event: stream threads %,.1f KB, process %,.1f KB",
            streamAllocatedKbPerEvent(), allocatedKbPerEvent()));
        lines.add(String.format(Locale.ROOT,
            "    written per event: changelogs %.2f records (%,.0f bytes), repartition topics %.2f records (%,.0f bytes), outputs %.2f records",
            recordsPerEvent("changelog"), bytesPerEvent("changelog"), recordsPerEvent("repartition"),
            bytesPerEvent("repartition"), recordsPerEvent("output")));
        for (final TopicWrites topic : topics) {
            final String name = topic.topic().startsWith(prefix) ? topic.topic().substring(prefix.length()) : topic.topic();
            lines.add(String.format(Locale.ROOT, "      %-12s %-48s %8.3f records %,10.1f bytes per event", topic.kind(),
                name, topic.records() / (double) events, topic.bytes() / (double) events));
        }
        return lines;
    }

    /** Takes the JVM's figures when a run starts; {@link #stop} takes them again, before the run's threads end. */
    static final class Meter {

        private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final Map<Long, Long> startCpu = new HashMap<>();
        private final Map<Long, Long> startAllocated = new HashMap<>();
        private final long startProcessCpu;
        private final long startTotalAllocated;

        private Meter() {
            for (final long id : threads.getAllThreadIds()) {
                startCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
                startAllocated.put(id, Math.max(0, threads.getThreadAllocatedBytes(id)));
            }
            startProcessCpu = system.getProcessCpuTime();
            startTotalAllocated = threads.getTotalThreadAllocatedBytes();
        }

        static Meter start() {
            return new Meter();
        }

        /**
         * The run's cost: the threads alive now (those that ended during the run are not counted, which leaves out
         * only the start-up's short-lived ones) and what {@code streams}' producers wrote.
         */
        RunCost stop(final long events, final KafkaStreams streams) {
            final long processCpu = system.getProcessCpuTime() - startProcessCpu;
            final long allocatedAll = threads.getTotalThreadAllocatedBytes() - startTotalAllocated;
            long streamCpu = 0;
            long otherCpu = 0;
            long streamAllocated = 0;
            final Map<String, Long> otherKinds = new TreeMap<>();
            for (final var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                final long id = info.getThreadId();
                final long cpu = threads.getThreadCpuTime(id) - startCpu.getOrDefault(id, 0L);
                if (cpu < 0) {
                    continue; // ended meanwhile
                }
                if (isStreamThread(info.getThreadName())) {
                    streamCpu += cpu;
                    streamAllocated += Math.max(0, threads.getThreadAllocatedBytes(id) - startAllocated.getOrDefault(id, 0L));
                } else {
                    otherCpu += cpu;
                    otherKinds.merge(threadKind(info.getThreadName()), cpu, Long::sum);
                }
            }
            return new RunCost(events, streamCpu, otherCpu, processCpu, streamAllocated, allocatedAll, otherKinds,
                topicWrites(streams.metrics()));
        }

        private static List<TopicWrites> topicWrites(final Map<MetricName, ? extends Metric> metrics) {
            final Map<String, long[]> byTopic = new TreeMap<>();
            metrics.forEach((name, metric) -> {
                if (!"producer-topic-metrics".equals(name.group()) || !name.tags().containsKey("topic")) {
                    return;
                }
                final int slot = switch (name.name()) {
                    case "record-send-total" -> 0;
                    case "byte-total" -> 1;
                    default -> -1;
                };
                if (slot >= 0 && metric.metricValue() instanceof Number value) {
                    byTopic.computeIfAbsent(name.tags().get("topic"), topic -> new long[2])[slot] += value.longValue();
                }
            });
            return byTopic.entrySet().stream()
                .map(topic -> new TopicWrites(topic.getKey(), topic.getValue()[0], topic.getValue()[1])).toList();
        }
    }
}
