package org.openvto.security;

import java.util.List;

/** Append-only security log. Thread-safe; {@link #append} is durable when it returns. */
public interface SecurityLogStore {
    void append(SecurityLogEntry entry);

    /** Newest first, {@code limit} entries after skipping {@code offset}. */
    List<SecurityLogEntry> newest(int offset, int limit);

    long count();
}
