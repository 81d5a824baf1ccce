package org.sanshe.bot.core.engine;

import java.util.Objects;
import org.sanshe.bot.core.chat.UserId;

/**
 * A message the bot decided to send. The core says what and to whom; the adapter picks how (response_url, app
 * message, group-send draft) from what the channel of the triggering event allows.
 */
public sealed interface Outbound {

    String text();

    /** An answer in the conversation the event came from (the group, or the private chat). */
    record ReplyInConversation(String text) implements Outbound {
        public ReplyInConversation {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A private message to one member through the app (escalations, digests). */
    record PrivateMessage(UserId to, String text) implements Outbound {
        public PrivateMessage {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
        }
    }
}
