package org.openvto.sip.registrar;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps REGISTER off the disk's critical path: the latest bindings of each changed user are written to the
 * durable store in one batch every {@code interval} (and on close). A crash loses at most that interval of
 * registration changes — soft state the devices refresh on their next REGISTER (real VTHs every 60 s) —
 * while a device's 200 OK never waits for an fsync. Thread-safe.
 */
public final class WriteBehindBindingStore implements BindingStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindBindingStore.class);
    private final BindingStore durable;
    private final Map<String, List<Binding>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public WriteBehindBindingStore(BindingStore durable, Duration interval) {
        this.durable = durable;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-bindings-writer");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<Binding> loadAll() {
        return durable.loadAll();
    }

    @Override
    public void replace(String user, List<Binding> bindings) {
        pending.put(user, List.copyOf(bindings));
    }

    /** Writes every pending change now. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, List<Binding>> batch = new HashMap<>();
        for (String user : List.copyOf(pending.keySet())) {
            List<Binding> b = pending.remove(user);
            if (b != null) {
                batch.put(user, b);
            }
        }
        try {
            durable.replaceAll(batch);
        } catch (RuntimeException e) {
            LOG.warn("Could not persist {} registrations: {}", batch.size(), e.getMessage());
            batch.forEach(pending::putIfAbsent);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flush();
    }
}
