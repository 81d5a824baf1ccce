package org.sanshe.bot.app.pipeline;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs a loop's repeated failure the way an operator wants to read it during an outage (the database away for a minute):
 * one WARN when it begins, a reminder at most once a minute while it lasts, one INFO when the loop works again. Only the
 * exception's class is logged: messages may quote stored data.
 */
public final class OutageLog {
    private static final long REMIND_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Logger log;
    private final String what;
    private long failures;
    private long firstAt;
    private long lastLoggedAt;

    /** @param what what did not happen, e.g. "outbox not read" */
    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public synchronized void failed(Throwable e) {
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
