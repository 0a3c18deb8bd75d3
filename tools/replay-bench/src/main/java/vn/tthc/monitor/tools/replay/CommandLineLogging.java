package vn.tthc.monitor.tools.replay;

/** Command-line tools keep stdout for their output: their logs go to stderr ({@code logback-cli.xml}). */
public final class CommandLineLogging {

    private CommandLineLogging() {
    }

    /** Call first thing in {@code main}, before any logger exists. */
    public static void useStderr() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
    }
}
