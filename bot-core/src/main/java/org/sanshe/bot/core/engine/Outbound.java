package org.sanshe.bot.core.engine;

import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;

/**
 * What the bot decided to do outside: a message to send, or a question to ask WeCom. The core says what and to whom;
 * the adapter picks how (response_url, app message, group-send draft) from what the triggering event's channel allows.
 */
public sealed interface Outbound {

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

    /**
     * Read a customer group's details from WeCom ({@code groupchat/get}) to register it. The answer comes back as a
     * {@link org.sanshe.bot.core.event.InboundEvent.CustomerGroupLookedUp} event, decided like any other; that is
     * where the registration happens and the requester is answered, in the conversation the command came from.
     */
    record LookUpCustomerGroup(
            ChatId chat, String typeCode, Optional<String> name, Conversation requester, String requestId)
            implements Outbound {
        public LookUpCustomerGroup {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * Read a registered customer group's members again ({@code groupchat/get}): the answer comes back as a
     * {@link org.sanshe.bot.core.event.InboundEvent.CustomerGroupRead} in the group's order. {@code requestId} makes the
     * answer one event however often the read is retried.
     */
    record ReadGroupMembers(ChatId chat, String requestId) implements Outbound {
        public ReadGroupMembers {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * A group-send draft to a customer group ({@code add_msg_template}, chat_type group): WeCom sends nothing until
     * {@code sender}, the group's owner, confirms it in the client. The text carries no personal data.
     */
    record GroupSendDraft(ChatId chat, UserId sender, String text) implements Outbound {
        public GroupSendDraft {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An escalation card to one member, privately through the app: a template card with the buttons 接手 and 转交 whose
     * clicks come back as card events. {@code taskId} is unique per card.
     */
    record EscalationCard(UserId to, long number, String title, String description, String taskId) implements Outbound {
        public EscalationCard {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    /**
     * A 留意 note to one member, privately through the app: a template card with the button 升为紧急 (and the feedback
     * buttons) whose clicks come back as card events; nobody has to take it. {@code taskId} is unique per note.
     */
    record WatchNote(UserId to, long number, String title, String description, String taskId) implements Outbound {
        public WatchNote {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    /** Changes the button of a card one member clicked (the click's one-use response code) to a label. */
    record CardUpdate(UserId to, String responseCode, String label) implements Outbound {
        public CardUpdate {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(responseCode, "responseCode");
            Objects.requireNonNull(label, "label");
        }
    }
}
