package org.sanshe.bot.storage.group;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A small cache whose entries live {@code ttl}; bounded (cleared when full, the next lookups reload). */
final class TtlCache<K, V> {
    private record Entry<V>(V value, long until) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttl;
    private final int max;

    TtlCache(Clock clock, Duration ttl, int max) {
        this.clock = clock;
        this.ttl = ttl.toMillis();
        this.max = max;
    }

    V get(K key, Function<K, V> load) {
        Entry<V> e = entries.get(key);
        if (e != null && e.until() > clock.millis()) {
            return e.value();
        }
        V value = load.apply(key);
        put(key, value);
        return value;
    }

    boolean contains(K key) {
        Entry<V> e = entries.get(key);
        return e != null && e.until() > clock.millis();
    }

    void put(K key, V value) {
        if (ttl <= 0) {
            return;
        }
        if (entries.size() >= max) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, clock.millis() + ttl));
    }

    void clear() {
        entries.clear();
    }
}
