package vn.tthc.monitor.tools.bench;

import picocli.CommandLine;
import vn.tthc.monitor.kpi.failure.PipelineStoppedException;

/** A benchmark whose pipeline stopped prints why in one line and exits 1; any other exception goes as picocli shows it. */
enum PipelineStoppedHandler implements CommandLine.IExecutionExceptionHandler {
    INSTANCE;

    @Override
    public int handleExecutionException(final Exception exception, final CommandLine commandLine,
                                        final CommandLine.ParseResult parseResult) throws Exception {
        if (exception instanceof PipelineStoppedException stopped) {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + stopped.getMessage());
            return 1;
        }
        throw exception;
    }
}
