package org.sanshe.bot.app.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A pass run on its own daemon thread every {@code interval} (fixed delay) while the service runs, started with the
 * dispatcher and stopped before storage. The tick must not throw: a scheduled task that throws is never run again, so
 * each loop catches and logs its own failures and simply tries again on the next pass.
 */
public abstract class BackgroundLoop implements SmartLifecycle {
    private final String threadName;
    private final Duration interval;
    private volatile boolean running;
    private ScheduledExecutorService loop;

    protected BackgroundLoop(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One pass of the loop; failures are caught and logged inside. */
    protected abstract void tick();

    @Override
    public void start() {
        running = true;
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
