package org.openvto.records;

import java.util.Optional;

/**
 * The JPEG of the visitor taken when a call rang, kept with its {@link CallRecord} (the record's {@code snapshot}
 * flag says one was taken) and deleted with it by retention. Thread-safe; {@link #put} is durable when it returns.
 */
public interface CallSnapshots {
    /** Keeps nothing: for a VTO without a camera, and tests. */
    CallSnapshots NONE = new CallSnapshots() {
        @Override
        public void put(long recordId, byte[] jpeg) {}

        @Override
        public Optional<byte[]> get(long recordId) {
            return Optional.empty();
        }
    };

    /** Stores {@code jpeg} for the stored call record {@code recordId} (replacing one stored before). */
    void put(long recordId, byte[] jpeg);

    /** The JPEG of call record {@code recordId}; empty when none was kept (or its record was pruned). */
    Optional<byte[]> get(long recordId);
}
