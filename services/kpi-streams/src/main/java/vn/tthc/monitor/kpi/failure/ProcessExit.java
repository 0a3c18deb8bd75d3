package vn.tthc.monitor.kpi.failure;

/** Ends the process with a status; tests put a recording one in its place so that their JVM lives on. */
@FunctionalInterface
public interface ProcessExit {

    void exit(int status);
}
