package org.openvto.sip.registrar;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An insertion-ordered map of at most {@code max} entries for {@link SipAuthGuard}: {@link #put} moves the key
 * to the end, and when the map is full the eldest entry is dropped (and counted). Callers insert entries whose
 * expiry grows with insertion time, so the eldest is also the first to expire and {@link #dropExpired} only
 * looks at the front. Every operation is O(1) amortised.
 *
 * <p>Thread-safe with one monitor per table: an ordered, exactly bounded map with O(1) eviction has no
 * concurrent JDK equivalent, and the SIP server calls it from its one thread, so the monitor is never contended.
 * {@link #isEmpty} reads a volatile size without the monitor, which keeps the success path of the hot REGISTER
 * loop free of locking while nobody misbehaves. Compound operations synchronize on the table itself (the
 * monitor is reentrant).
 */
final class BoundedTable<K, V> {
    private final int max;
    private final Map<K, V> map = new LinkedHashMap<>();
    private volatile int size;
    private long evicted;

    BoundedTable(int max) {
        this.max = max;
    }

    boolean isEmpty() {
        return size == 0;
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    /** Stores {@code value} as the newest entry; drops the eldest when over the limit. */
    synchronized void put(K key, V value) {
        map.remove(key);
        map.put(key, value);
        if (map.size() > max) {
            Iterator<V> eldest = map.values().iterator();
            eldest.next();
            eldest.remove();
            evicted++;
        }
        size = map.size();
    }

    synchronized V remove(K key) {
        V v = map.remove(key);
        size = map.size();
        return v;
    }

    /** Removes entries from the front while {@code expired} says so. */
    synchronized void dropExpired(Predicate<V> expired) {
        Iterator<V> it = map.values().iterator();
        while (it.hasNext() && expired.test(it.next())) {
            it.remove();
        }
        size = map.size();
    }

    synchronized int size() {
        return map.size();
    }

    /** Entries dropped because the table was full. */
    synchronized long evicted() {
        return evicted;
    }
}
