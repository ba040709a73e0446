package org.openvto.sip.registrar;

import java.util.List;

/** Durable registrations, so they survive a restart and expire correctly after it. Thread-safe. */
public interface BindingStore {
    List<Binding> loadAll();

    /** Replaces every binding of {@code user} with {@code bindings} (empty: removes them). */
    void replace(String user, List<Binding> bindings);

    /** Replaces the bindings of several users at once (one transaction where the store supports it). */
    default void replaceAll(java.util.Map<String, List<Binding>> byUser) {
        byUser.forEach(this::replace);
    }

    /** Keeps nothing: registrations live only in memory. */
    BindingStore NONE = new BindingStore() {
        @Override
        public List<Binding> loadAll() {
            return List.of();
        }

        @Override
        public void replace(String user, List<Binding> bindings) {}
    };
}
