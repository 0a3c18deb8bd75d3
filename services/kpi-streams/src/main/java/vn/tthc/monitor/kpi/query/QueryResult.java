package vn.tthc.monitor.kpi.query;

import java.util.function.Function;

/**
 * The answer of a query over the state stores. "Not ready" (the stores are restoring or
 * rebalancing: ask again soon) is not "not found" (the stores are ready and hold nothing for the key),
 * and neither is "overloaded" (the query did not finish within its time limit, or too many wait).
 */
public sealed interface QueryResult<T> {

    /** The same answer with a found value transformed; the other answers pass through. */
    default <U> QueryResult<U> map(final Function<T, U> function) {
        if (this instanceof Found<T> found) {
            return new Found<>(function.apply(found.value()), found.truncated());
        }
        if (this instanceof NotFound<T> notFound) {
            return new NotFound<>(notFound.what());
        }
        if (this instanceof Overloaded<T> overloaded) {
            return new Overloaded<>(overloaded.reason());
        }
        return new NotReady<>(((NotReady<T>) this).reason());
    }

    /** @param truncated the value is a list or map cut at its documented maximum */
    record Found<T>(T value, boolean truncated) implements QueryResult<T> {
        public Found(final T value) {
            this(value, false);
        }
    }

    record NotFound<T>(String what) implements QueryResult<T> {
    }

    record NotReady<T>(String reason) implements QueryResult<T> {
    }

    record Overloaded<T>(String reason) implements QueryResult<T> {
    }
}
