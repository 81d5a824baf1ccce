package org.sanshe.bot.wecom.translate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
 * The AI bot's decrypted JSON (WECOM.md §3), which weixin-java-cp 4.7.3.B has no model for. Text, mixed and voice
 * messages become text; {@code template_card_event} a card click; {@code enter_chat} is answered at once with a
 * welcome (the only event that allows a text passive reply); stream refreshes and feedback are acknowledged and
 * dropped. The dedup key is {@code msgid}. This is the only place that knows the AI bot's field names.
 */
public final class AiBotTranslator {
    /** Bounded parsing: WeCom's payloads are small and shallow; anything else is hostile or broken. */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(32)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String welcome;

    public AiBotTranslator(String welcome) {
        this.welcome = welcome;
    }

    public Ingest ingest(String plaintext, Instant receivedAt) {
        JsonNode m = read(plaintext);
        String msgId = AppTranslator.key("aibot:" + text(m, "msgid").orElseThrow(() -> missing("msgid")));
        String type = text(m, "msgtype").orElseThrow(() -> missing("msgtype"));
        String from = text(m.path("from"), "userid").orElseThrow(() -> missing("from.userid"));
        String ordering = AppTranslator.key(orderingKey(m, from));
        switch (type) {
            case "text", "mixed", "voice" -> {
                if (messageText(m).isEmpty()) {
                    return new Ingest.Ignore("aibot " + type + " without text");
                }
                return new Ingest.Store(new InboxEntry(msgId, Channel.AIBOT, ordering, plaintext, receivedAt));
            }
            case "event" -> {
                String eventType = text(m.path("event"), "eventtype").orElseThrow(() -> missing("event.eventtype"));
                if ("enter_chat".equals(eventType)) {
                    return new Ingest.PassiveReply(welcomeJson());
                }
                if ("template_card_event".equals(eventType)) {
                    return new Ingest.Store(new InboxEntry(msgId, Channel.AIBOT, ordering, plaintext, receivedAt));
                }
                return new Ingest.Ignore("aibot event " + shorten(eventType));
            }
            default -> {
                // stream refreshes (we never stream), images and files in 1:1 chats: nothing to decide yet
                return new Ingest.Ignore("aibot message type " + shorten(type));
            }
        }
    }

    public Optional<Translated> translate(String payload, Instant receivedAt) {
        JsonNode m = read(payload);
        EventId id = new EventId("aibot:" + text(m, "msgid").orElseThrow(() -> missing("msgid")));
        UserId from = UserId.of(text(m.path("from"), "userid").orElseThrow(() -> missing("from.userid")));
        Optional<String> responseUrl = text(m, "response_url");
        Conversation conversation = "group".equals(text(m, "chattype").orElse("single"))
                ? Conversation.group(
                        Channel.AIBOT, ChatId.of(text(m, "chatid").orElseThrow(() -> missing("chatid"))), from)
                : Conversation.direct(Channel.AIBOT, from);
        String type = text(m, "msgtype").orElse("");
        if ("event".equals(type)) {
            JsonNode card = m.path("event").path("template_card_event");
            if (card.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(new Translated(
                    new InboundEvent.CardButtonClicked(
                            id,
                            conversation,
                            text(card, "task_id").orElse(""),
                            text(card, "event_key").orElse(""),
                            receivedAt),
                    responseUrl));
        }
        // a quoted message (引用) comes as its text only, without its author (WECOM.md §3.1 quote)
        Optional<String> quoted = messageText(m.path("quote"));
        return messageText(m)
                .map(t -> new Translated(
                        new InboundEvent.TextReceived(id, conversation, t, receivedAt, quoted), responseUrl));
    }

    private String welcomeJson() {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("msgtype", "text");
        reply.putObject("text").put("content", welcome);
        return reply.toString();
    }

    private static String orderingKey(JsonNode m, String from) {
        if ("group".equals(text(m, "chattype").orElse(""))) {
            return "g:" + text(m, "chatid").orElseThrow(() -> missing("chatid"));
        }
        return "p:" + from;
    }

    private static Optional<String> messageText(JsonNode m) {
        String type = text(m, "msgtype").orElse("");
        return switch (type) {
            case "text" -> text(m.path("text"), "content");
            case "voice" -> text(m.path("voice"), "content");
            case "mixed" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode item : m.path("mixed").path("msg_item")) {
                    text(item.path("text"), "content")
                            .ifPresent(t -> sb.append(sb.isEmpty() ? "" : " ").append(t));
                }
                yield sb.isEmpty() ? Optional.empty() : Optional.of(sb.toString());
            }
            default -> Optional.empty();
        };
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new BadCallbackException("plaintext is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadCallbackException("plaintext is not valid JSON");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        // WeCom sends every field read here as a JSON string: a number or boolean in its place is not WeCom's
        // (and "msgid": 5 must not become the same dedup key as "msgid": "5")
        if (v == null || !v.isTextual()) {
            return Optional.empty();
        }
        String s = v.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static BadCallbackException missing(String field) {
        return new BadCallbackException("missing field " + field);
    }

    private static String shorten(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32);
    }
}
