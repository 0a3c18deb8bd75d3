package vn.tthc.monitor.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} as a process: {@code --data-dir DIR [--port 9092] [--host 127.0.0.1]}.
 * Stops cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalKafkaBrokerMain {

    private LocalKafkaBrokerMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-broker.xml");
        }
        Path dataDir = null;
        int port = 9092;
        String host = "127.0.0.1";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--host" -> host = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        if (dataDir == null || args.length % 2 != 0) {
            usage("--data-dir is required");
        }
        final LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalKafkaBroker.Settings(dataDir, host, port, Map.of()));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "local-kafka-stop"));
        stopped.await();
    }

    private static void usage(final String problem) {
        System.err.println("local-broker: " + problem + "\nusage: local-broker --data-dir DIR [--port 9092] [--host 127.0.0.1]");
        System.exit(2);
    }
}
