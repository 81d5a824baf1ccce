package org.sanshe.bot.core.command;

import java.util.Objects;

/** What a command answers in the conversation it was typed in. */
public sealed interface Reply {

    static Reply text(String text) {
        return new Text(text);
    }

    static Reply none() {
        return new None();
    }

    record Text(String text) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a reply text is blank");
            }
        }
    }

    record None() implements Reply {}
}
