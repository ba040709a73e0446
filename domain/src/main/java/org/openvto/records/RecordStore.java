package org.openvto.records;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One kind of record, append-only but for retention. Thread-safe. {@link #append} is durable when it returns (the
 * caller reports the action done only afterwards), so a {@code kill -9} loses no appended record.
 *
 * @param <R> the record type
 */
public interface RecordStore<R> {
    /** Stores {@code record} (its id is ignored) and returns it with the id given. */
    R append(R record);

    /** Newest first, {@code limit} records after skipping {@code offset}, among those {@code filter} matches. */
    List<R> search(RecordFilter filter, int offset, int limit);

    long count(RecordFilter filter);

    /**
     * Hands every record {@code filter} matches, newest first, to {@code sink}, reading in batches so the memory
     * used does not grow with the number of rows (a CSV export of a million rows). {@code sink} may throw an
     * unchecked exception to stop (the client went away); it propagates.
     */
    void forEach(RecordFilter filter, Consumer<? super R> sink);

    /**
     * Retention: deletes the records older than {@code before}, then the oldest beyond the newest {@code keep};
     * returns how many were deleted.
     */
    int prune(Instant before, int keep);
}
