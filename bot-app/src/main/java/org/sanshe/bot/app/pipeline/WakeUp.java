package org.sanshe.bot.app.pipeline;

import java.time.Duration;

/**
 * How a worker loop sleeps: until nudged (new work on this instance) or until the poll interval passes (work written
 * by another instance). A nudge that arrives while the loop is busy is not lost: the next wait returns at once.
 */
final class WakeUp {
    private boolean nudged;

    synchronized void nudge() {
        nudged = true;
        notifyAll();
    }

    /** @return false when interrupted: the loop should end */
    synchronized boolean awaitUpTo(Duration poll) {
        try {
            if (!nudged) {
                wait(Math.max(1, poll.toMillis()));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            nudged = false;
        }
    }
}
