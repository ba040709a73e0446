package org.openvto.security;

import java.util.List;

/** Append-only security log. Thread-safe; {@link #append} is durable when it returns. */
public interface SecurityLogStore {
    void append(SecurityLogEntry entry);

    /** Newest first, {@code limit} entries after skipping {@code offset}. */
    List<SecurityLogEntry> newest(int offset, int limit);

    long count();

    /** Newest first among the entries {@code filter} matches; stores override this to filter in the query. */
    default List<SecurityLogEntry> newest(SecurityLogFilter filter, int offset, int limit) {
        return newest(0, Integer.MAX_VALUE).stream()
                .filter(filter::matches)
                .skip(offset)
                .limit(limit)
                .toList();
    }

    default long count(SecurityLogFilter filter) {
        return newest(0, Integer.MAX_VALUE).stream().filter(filter::matches).count();
    }
}
