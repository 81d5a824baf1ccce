package org.sanshe.bot.core.pipeline;

/** Sends one outbox message through the platform. Blocking; called only by delivery workers. */
public interface OutboxSender {
    DeliveryResult send(OutboxMessage message);
}
