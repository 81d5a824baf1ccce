package org.sanshe.bot.core.pipeline;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt ended. */
public sealed interface DeliveryResult {

    /** The platform accepted it. */
    record Sent(String platformId) implements DeliveryResult {}

    /**
     * A passing fault (system busy, frequency or concurrency limit, network): try again later. {@code unanswered}: the
     * request may have reached the platform and been acted on, but no answer came (a timeout, a connection lost after
     * sending) — so the next attempt may find a one-use target already used.
     */
    record Retry(String reason, Optional<Duration> notBefore, boolean unanswered) implements DeliveryResult {
        public Retry(String reason, Optional<Duration> notBefore) {
            this(reason, notBefore, false);
        }
    }

    /** It can never succeed as it is (bad target, no permission, expired url): keep it as failed and tell people. */
    record Failed(String reason) implements DeliveryResult {}

    /**
     * A one-use target (an AI-bot response_url) refused the request. On a first attempt that is a failure; after an
     * unanswered attempt it most likely means that attempt used it, i.e. the message was delivered then.
     */
    record UsedUp(String reason) implements DeliveryResult {}
}
