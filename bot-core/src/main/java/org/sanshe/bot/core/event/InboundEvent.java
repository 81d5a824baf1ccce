package org.sanshe.bot.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.UserId;

/**
 * Something that happened, already verified and translated by an adapter. Every event has the id WeCom gave it (the
 * dedup key), so that acting on it twice can be refused by storage.
 */
public sealed interface InboundEvent {

    EventId id();

    Instant at();

    /** The key that orders events: two events with the same key are decided one after the other, in arrival order. */
    String orderingKey();

    /** A member wrote text to the bot: an @-message in a group, or a message in a private chat. */
    record TextReceived(EventId id, Conversation conversation, String text, Instant at, Optional<String> quoted)
            implements InboundEvent {
        public TextReceived {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
            quoted = quoted.filter(q -> !q.isBlank());
        }

        /** A message that quotes nothing. */
        public TextReceived(EventId id, Conversation conversation, String text, Instant at) {
            this(id, conversation, text, at, Optional.empty());
        }

        public UserId sender() {
            return conversation.member();
        }

        @Override
        public String orderingKey() {
            return conversation.orderingKey();
        }
    }

    /** Members joined a group (customer-group change event). */
    record MembersJoined(EventId id, Channel channel, ChatId chat, List<UserId> members, Instant at)
            implements InboundEvent {
        public MembersJoined {
            members = List.copyOf(members);
        }

        @Override
        public String orderingKey() {
            return "g:" + chat.value();
        }
    }

    /** Members left or were removed from a group. */
    record MembersLeft(EventId id, Channel channel, ChatId chat, List<UserId> members, Instant at)
            implements InboundEvent {
        public MembersLeft {
            members = List.copyOf(members);
        }

        @Override
        public String orderingKey() {
            return "g:" + chat.value();
        }
    }

    /** A member pressed a button on a template card the bot sent. */
    record CardButtonClicked(
            EventId id,
            Conversation conversation,
            String taskId,
            String buttonKey,
            Optional<String> responseCode,
            Instant at)
            implements InboundEvent {
        public CardButtonClicked(EventId id, Conversation conversation, String taskId, String buttonKey, Instant at) {
            this(id, conversation, taskId, buttonKey, Optional.empty(), at);
        }

        @Override
        public String orderingKey() {
            return conversation.orderingKey();
        }
    }

    /** A stored timer came due (escalation timeout, shift reminder, nickname re-check). */
    record TimerFired(EventId id, String timer, String subject, Instant at) implements InboundEvent {
        @Override
        public String orderingKey() {
            return "t:" + subject;
        }
    }

    /**
     * WeCom answered the bot's question about a customer group (asked because of /登记客户群): its details, or the
     * error code WeCom gave. The event is ordered with the requester's own commands.
     */
    /**
     * A registered customer group's members as WeCom listed them when the bot read them again (after members joined,
     * on the periodic poll, on demand), or the error WeCom gave.
     */
    record CustomerGroupRead(
            EventId id, ChatId chat, Optional<CustomerGroupDetails> details, Optional<Integer> errorCode, Instant at)
            implements InboundEvent {
        public CustomerGroupRead {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(at, "at");
            if (details.isPresent() == errorCode.isPresent()) {
                throw new IllegalArgumentException("a read has either details or an error code");
            }
        }

        @Override
        public String orderingKey() {
            return "g:" + chat.value();
        }
    }

    record CustomerGroupLookedUp(
            EventId id,
            Conversation requester,
            ChatId chat,
            String typeCode,
            Optional<String> requestedName,
            Optional<CustomerGroupDetails> details,
            Optional<Integer> errorCode,
            Instant at)
            implements InboundEvent {
        public CustomerGroupLookedUp {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(requestedName, "requestedName");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(at, "at");
            if (details.isPresent() == errorCode.isPresent()) {
                throw new IllegalArgumentException("a look-up has either details or an error code");
            }
        }

        @Override
        public String orderingKey() {
            return requester.orderingKey();
        }
    }

    /** A customer group as {@code groupchat/get} describes it. Names are personal data: not in toString. */
    record CustomerGroupDetails(String name, UserId owner, List<Member> members) {
        public CustomerGroupDetails {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            members = List.copyOf(members);
        }

        @Override
        public String toString() {
            return "CustomerGroupDetails[" + members.size() + " members]";
        }
    }
}
