package org.sanshe.bot.core.engine.guard;

import java.util.Objects;

/**
 * A guard's answer. A refusal always carries the text that tells the person why and what would work; only the bot's
 * own messages and non-commands in groups are dropped without a word.
 */
public sealed interface Verdict {

    static Verdict pass(CommandRequest request) {
        return new Continue(request);
    }

    static Verdict reject(String text) {
        return new Reject(text);
    }

    static Verdict drop(String reason) {
        return new Drop(reason);
    }

    record Continue(CommandRequest request) implements Verdict {}

    record Reject(String text) implements Verdict {
        public Reject {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Silently ignored; the reason is for logs and metrics, not for people. */
    record Drop(String reason) implements Verdict {}
}
