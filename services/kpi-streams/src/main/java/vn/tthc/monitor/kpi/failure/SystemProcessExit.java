package vn.tthc.monitor.kpi.failure;

import jakarta.inject.Singleton;

/** {@link System#exit}: the shutdown hooks close the application context (and Kafka Streams) on the way out. */
@Singleton
public class SystemProcessExit implements ProcessExit {

    @Override
    public void exit(final int status) {
        System.exit(status);
    }
}
