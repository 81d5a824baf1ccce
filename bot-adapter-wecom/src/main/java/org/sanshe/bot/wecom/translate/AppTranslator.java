package org.sanshe.bot.wecom.translate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.callback.BadCallbackException;

/**
 * The self-built app's decrypted XML (WECOM.md §4): private text messages, customer-group membership changes and card
 * clicks. The dedup key is {@code MsgId} for messages and {@code FromUserName+CreateTime} plus the event's own fields
 * for events (WECOM.md §2). This is the only place that knows the app's field names.
 */
public final class AppTranslator {

    public Ingest ingest(String plaintext, Instant receivedAt) {
        SafeXml.Fields f = SafeXml.parse(plaintext);
        String type = f.require("MsgType");
        if ("text".equals(type)) {
            String from = f.require("FromUserName");
            String msgId = f.require("MsgId");
            f.require("Content");
            return store(key("app:msg:" + msgId), key("p:" + from), plaintext, receivedAt);
        }
        if ("event".equals(type)) {
            String event = f.require("Event");
            String from = f.require("FromUserName");
            String created = f.require("CreateTime");
            if ("change_external_chat".equals(event)) {
                String detail = f.get("UpdateDetail").orElse("");
                if (!"add_member".equals(detail) && !"del_member".equals(detail)) {
                    return new Ingest.Ignore(
                            "customer group " + f.get("ChangeType").orElse("?") + " " + detail);
                }
                String chat = f.require("ChatId");
                return store(memberChangeKey(f), key("g:" + chat), plaintext, receivedAt);
            }
            if ("template_card_event".equals(event)) {
                String task = f.require("TaskId");
                String button = f.get("EventKey").orElse("");
                return store(
                        key("app:ev:" + from + ":" + created + ":card:" + task + ":" + button),
                        key("p:" + from),
                        plaintext,
                        receivedAt);
            }
            return new Ingest.Ignore("app event " + shorten(event));
        }
        return new Ingest.Ignore("app message type " + shorten(type));
    }

    public Optional<Translated> translate(String payload, Instant receivedAt) {
        SafeXml.Fields f = SafeXml.parse(payload);
        String type = f.require("MsgType");
        UserId from = UserId.of(f.require("FromUserName"));
        if ("text".equals(type)) {
            EventId id = new EventId("app:msg:" + f.require("MsgId"));
            return Optional.of(new Translated(
                    new InboundEvent.TextReceived(
                            id, Conversation.direct(Channel.APP, from), f.require("Content"), receivedAt),
                    Optional.empty()));
        }
        String event = f.get("Event").orElse("");
        String created = f.get("CreateTime").orElse("");
        if ("change_external_chat".equals(event)) {
            ChatId chat = ChatId.of(f.require("ChatId"));
            String detail = f.get("UpdateDetail").orElse("");
            if (!"add_member".equals(detail) && !"del_member".equals(detail)) {
                return Optional.empty(); // stored by a wider translator, or never: nothing the core decides on
            }
            EventId id = new EventId(memberChangeKey(f));
            List<UserId> members = f.list("MemChangeList").stream()
                    .filter(s -> !s.isBlank())
                    .map(UserId::of)
                    .toList();
            InboundEvent e = "add_member".equals(detail)
                    ? new InboundEvent.MembersJoined(id, Channel.CUSTOMER, chat, members, receivedAt)
                    : new InboundEvent.MembersLeft(id, Channel.CUSTOMER, chat, members, receivedAt);
            return Optional.of(new Translated(e, Optional.empty()));
        }
        if ("template_card_event".equals(event)) {
            String task = f.require("TaskId");
            String button = f.get("EventKey").orElse("");
            EventId id = new EventId(key("app:ev:" + from + ":" + created + ":card:" + task + ":" + button));
            return Optional.of(new Translated(
                    new InboundEvent.CardButtonClicked(
                            id,
                            Conversation.direct(Channel.APP, from),
                            task,
                            button,
                            f.get("ResponseCode").filter(c -> !c.isBlank()),
                            receivedAt),
                    Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * WeCom's key for events is FromUserName+CreateTime; for membership changes the member version after the change
     * ({@code CurMemVer}) is added, so two joins in the same second stay two events while WeCom's retries of one keep
     * one key.
     */
    private static String memberChangeKey(SafeXml.Fields f) {
        return key("app:ev:" + f.require("FromUserName") + ":" + f.require("CreateTime") + ":change_external_chat:"
                + f.require("ChatId") + ":" + f.get("UpdateDetail").orElse("") + ":"
                + f.get("CurMemVer").orElse(""));
    }

    private static Ingest store(String dedupKey, String orderingKey, String plaintext, Instant receivedAt) {
        return new Ingest.Store(new InboxEntry(dedupKey, Channel.APP, orderingKey, plaintext, receivedAt));
    }

    /** Dedup keys are bounded; an id that would not fit is refused as malformed rather than cut and confused. */
    static String key(String k) {
        if (k.length() > EventId.MAX_LENGTH) {
            throw new BadCallbackException("identifier too long");
        }
        return k;
    }

    private static String shorten(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32);
    }
}
