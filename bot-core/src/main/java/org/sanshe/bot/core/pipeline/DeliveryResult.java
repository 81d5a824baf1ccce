package org.sanshe.bot.core.pipeline;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt ended. */
public sealed interface DeliveryResult {

    /** The platform accepted it. */
    record Sent(String platformId) implements DeliveryResult {}

    /** A passing fault (system busy, frequency or concurrency limit, network): try again later. */
    record Retry(String reason, Optional<Duration> notBefore) implements DeliveryResult {}

    /** It can never succeed as it is (bad target, no permission, expired url): keep it as failed and tell people. */
    record Failed(String reason) implements DeliveryResult {}
}
