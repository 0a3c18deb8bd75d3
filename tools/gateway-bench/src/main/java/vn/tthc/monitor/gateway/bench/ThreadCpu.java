package vn.tthc.monitor.gateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by role, between two snapshots: what the gateway costs per
 * request even when other processes share the cores and the wall-clock figures suffer. A thread
 * that ended between the snapshots is not counted.
 */
final class ThreadCpu {

    /** Whose work a thread does, told by its name. */
    enum Role {
        /** Netty event loops, the blocking executor and the gateway's producer. */
        GATEWAY,
        /** The benchmark's own HTTP clients. */
        LOAD,
        /** The embedded broker, the JVM's own threads and anything else. */
        OTHER
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpuByThread;
    private final Map<Long, Role> roleByThread;
    private final long processCpu;

    private ThreadCpu(final Map<Long, Long> cpuByThread, final Map<Long, Role> roleByThread, final long processCpu) {
        this.cpuByThread = cpuByThread;
        this.roleByThread = roleByThread;
        this.processCpu = processCpu;
    }

    static ThreadCpu now() {
        final Map<Long, Long> cpu = new HashMap<>();
        final Map<Long, Role> roles = new HashMap<>();
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                final long time = THREADS.getThreadCpuTime(info.getThreadId());
                if (time >= 0) {
                    cpu.put(info.getThreadId(), time);
                    roles.put(info.getThreadId(), roleOf(info.getThreadName()));
                }
            }
        }
        return new ThreadCpu(cpu, roles, processCpuNanos());
    }

    /** Nanoseconds of CPU by role from {@code earlier} to this snapshot. */
    Map<Role, Long> since(final ThreadCpu earlier) {
        final Map<Role, Long> byRole = new EnumMap<>(Role.class);
        for (final Role role : Role.values()) {
            byRole.put(role, 0L);
        }
        cpuByThread.forEach((thread, time) ->
            byRole.merge(roleByThread.get(thread), time - earlier.cpuByThread.getOrDefault(thread, 0L), Long::sum));
        return byRole;
    }

    /** Nanoseconds of CPU of the whole process (JIT and GC included) from {@code earlier} to this snapshot. */
    long processSince(final ThreadCpu earlier) {
        return processCpu - earlier.processCpu;
    }

    private static Role roleOf(final String name) {
        if (name.startsWith("default-eventLoopGroup") || name.startsWith("io-executor")
            || name.startsWith("kafka-producer-network-thread")) {
            return Role.GATEWAY;
        }
        if (name.startsWith("pool-") || name.startsWith("HttpClient-")) {
            return Role.LOAD;
        }
        return Role.OTHER;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : -1;
    }
}
