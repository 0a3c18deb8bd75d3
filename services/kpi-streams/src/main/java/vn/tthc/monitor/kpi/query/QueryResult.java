package vn.tthc.monitor.kpi.query;

import java.util.function.Function;

/**
 * The answer of a query over the state stores. "Not ready" (the stores are restoring or
 * rebalancing: ask again soon) is not "not found" (the stores are ready and hold nothing for the key).
 */
public sealed interface QueryResult<T> {

    /** The same answer with a found value transformed; "not found" and "not ready" pass through. */
    default <U> QueryResult<U> map(final Function<T, U> function) {
        if (this instanceof Found<T> found) {
            return new Found<>(function.apply(found.value()));
        }
        if (this instanceof NotFound<T> notFound) {
            return new NotFound<>(notFound.what());
        }
        return new NotReady<>(((NotReady<T>) this).reason());
    }

    record Found<T>(T value) implements QueryResult<T> {
    }

    record NotFound<T>(String what) implements QueryResult<T> {
    }

    record NotReady<T>(String reason) implements QueryResult<T> {
    }
}
