package org.sanshe.bot.app.pipeline;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs a loop's repeated failure the way an operator wants to read it during an outage (the database away for a minute):
 * one WARN when it begins, a reminder at most once a minute while it lasts, one INFO when the loop works again. Only the
 * exception's class is logged: messages may quote stored data.
 *
 * <p>Several workers can share one log, each under its own key (the dispatcher's partitions): the outage lasts while any
 * key is failing, and one key working again does not end another's, so partitions drained in turn cannot alternate
 * WARN and INFO lines (before keys, 55 "partitions paused" lines came in 3 seconds under load).
 */
public final class OutageLog {
    private static final long REMIND_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Logger log;
    private final String what;
    private long failures;
    private long firstAt;
    private long lastLoggedAt;
    private final java.util.Set<Object> failing = new java.util.HashSet<>();

    /** @param what what did not happen, e.g. "outbox not read" */
    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public synchronized void failed(Throwable e) {
        failed(this, e);
    }

    /** {@code key} failed (a partition, say): the outage begins, or goes on. */
    public synchronized void failed(Object key, Throwable e) {
        failing.add(key);
        long now = System.currentTimeMillis();
        failures++;
        if (failures == 1) {
            firstAt = now;
            lastLoggedAt = now;
            log.warn(
                    "{}: {} (trying again; logged at most once a minute while it lasts)",
                    what,
                    e.getClass().getSimpleName());
        } else if (now - lastLoggedAt >= REMIND_MILLIS) {
            lastLoggedAt = now;
            log.warn(
                    "{}: still failing after {} s, {} times: {}",
                    what,
                    (now - firstAt) / 1000,
                    failures,
                    e.getClass().getSimpleName());
        }
    }

    public synchronized void ok() {
        ok(this);
    }

    /** {@code key} works: the outage ends when no key is failing any more. */
    public synchronized void ok(Object key) {
        if (!failing.remove(key) || !failing.isEmpty()) {
            return;
        }
        if (failures > 0) {
            log.info(
                    "{}: works again after {} s, {} failures",
                    what,
                    (System.currentTimeMillis() - firstAt) / 1000,
                    failures);
            failures = 0;
        }
    }
}
