package org.sanshe.bot.core.pipeline;

import java.util.Objects;

/**
 * One message to deliver, in a form storage can keep and the adapter can send: a kind the adapter understands (e.g.
 * {@code AIBOT_RESPONSE}, {@code APP_TEXT}), its target (a response_url, a userid) and the body. Target and body are
 * personal data and encrypted at rest.
 */
public record OutboxMessage(String kind, String target, String body) {
    public OutboxMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + kind + "]";
    }
}
