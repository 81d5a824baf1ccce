package org.sanshe.bot.wecom.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.wecom.translate.AiBotTranslator;
import org.sanshe.bot.wecom.translate.Ingest;
import org.sanshe.bot.wecom.translate.Translated;

/**
 * Archived chat records (会话内容存档, 获取会话内容 → 消息格式) to core events: a group message someone sent
 * ({@code action=send}, a {@code roomid}) with text in it — {@code msgtype} {@code text} ({@code text.content}), or the
 * text parts of {@code mixed} ({@code mixed.item[].type=text}, whose {@code content} is itself JSON
 * {@code {"content":…}}) — becomes a {@link InboundEvent.TextReceived} on the {@link Channel#ARCHIVE} channel in that
 * group, said by {@code from}. Everything else is ignored with a reason:
 *
 * <ul>
 *   <li>{@code recall} (撤回) and {@code switch} (切换企业日志): nothing was said; a recalled message that was already read
 *       stays read (a crisis is not taken back by deleting it);
 *   <li>a record without {@code roomid}: a one-to-one chat between two people; the bot is not part of it and has no
 *       business reading it;
 *   <li>a group the bot does not read (the caller decides: registered customer groups);
 *   <li>images, voice, files, cards and the other kinds: no text to read;
 *   <li>{@code markdown}: the documentation says only robots send it today; robots' own messages (their
 *       {@code from} is an external id starting {@code wb}) are ignored too, so the bot never reads its own words;
 *   <li>a record that is not JSON or lacks a msgid: logged by count only, since it can never become readable.
 * </ul>
 *
 * <p>The inbox keeps a reduced copy of the record in the same documented format: the fields above and the text, not the
 * list of recipients. Dedup key {@code archive:<msgid>}, ordering key {@code g:<roomid>} — the group's, so an archived
 * message is decided in order with everything else in that group.
 */
public final class ArchiveTranslator {
    public static final String KEY_PREFIX = "archive:";

    /**
     * What to do with one record read from the archive: store it (under {@code archive:<msgid>}) or ignore it. Never
     * throws: a record that cannot be read now never can be, and must not stop the records after it.
     *
     * @param readsGroup whether the bot reads this group at all: the archive holds every group of the corp's licensed
     *     members, and only the groups registered with the bot for it are any of its business — the rest is not even
     *     stored
     */
    public Ingest ingest(ArchiveRecord record, Instant readAt, Predicate<ChatId> readsGroup) {
        JsonNode m = read(record.plaintext()).orElse(null);
        if (m == null) {
            return new Ingest.Ignore("archive record not JSON");
        }
        Optional<String> msgId =
                text(m, "msgid").or(() -> Optional.of(record.msgId()).filter(s -> !s.isBlank()));
        if (msgId.isEmpty()) {
            return new Ingest.Ignore("archive record without msgid");
        }
        Said said;
        try {
            said = said(m);
        } catch (Skip skip) {
            return new Ingest.Ignore(skip.getMessage());
        }
        if (!readsGroup.test(ChatId.of(said.room()))) {
            return new Ingest.Ignore("archive group not read by the bot");
        }
        String key = KEY_PREFIX + msgId.get();
        String ordering = "g:" + said.room();
        if (key.length() > EventId.MAX_LENGTH || ordering.length() > EventId.MAX_LENGTH) {
            return new Ingest.Ignore("archive identifier too long");
        }
        return new Ingest.Store(
                new InboxEntry(key, Channel.ARCHIVE, ordering, stored(record, m, msgId.get(), said), readAt));
    }

    /**
     * The stored record as an event, or empty when it holds nothing the core decides on. The event's time is when it
     * was read ({@code receivedAt}), as for every other channel: a message read late still gives each level of an
     * escalation chain its whole acknowledgement time.
     */
    public Optional<Translated> translate(String payload, Instant receivedAt) {
        JsonNode m = read(payload).orElseThrow(() -> new IllegalArgumentException("stored archive record is not JSON"));
        Said s;
        try {
            s = said(m);
        } catch (Skip skip) {
            return Optional.empty();
        }
        String msgId = text(m, "msgid").orElseThrow(() -> new IllegalArgumentException("stored record without msgid"));
        return Optional.of(new Translated(
                new InboundEvent.TextReceived(
                        new EventId(KEY_PREFIX + msgId),
                        Conversation.group(Channel.ARCHIVE, ChatId.of(s.room()), UserId.of(s.from())),
                        s.text(),
                        receivedAt),
                Optional.empty()));
    }

    /** Who said what where. */
    private record Said(String room, String from, String type, List<String> parts) {
        String text() {
            return String.join("\n", parts);
        }
    }

    private static final class Skip extends Exception {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @throws Skip with the reason when the record holds nothing to read */
    private static Said said(JsonNode m) throws Skip {
        String action = text(m, "action").orElse("");
        if (!"send".equals(action)) {
            throw new Skip("archive action " + shorten(action.isEmpty() ? "?" : action));
        }
        String room = text(m, "roomid").orElse("");
        if (room.isBlank()) {
            throw new Skip("archive one-to-one chat");
        }
        String from = text(m, "from").orElse("");
        if (from.isBlank()) {
            throw new Skip("archive record without sender");
        }
        if (from.startsWith("wb")) {
            throw new Skip("archive robot message");
        }
        String type = text(m, "msgtype").orElse("");
        List<String> parts = new ArrayList<>();
        switch (type) {
            case "text" -> text(m.path("text"), "content").ifPresent(parts::add);
            case "mixed" -> {
                for (JsonNode item : m.path("mixed").path("item")) {
                    if ("text".equals(text(item, "type").orElse(""))) {
                        mixedText(item.get("content")).ifPresent(parts::add);
                    }
                }
            }
            default -> throw new Skip("archive message type " + shorten(type.isEmpty() ? "?" : type));
        }
        parts.removeIf(String::isBlank);
        if (parts.isEmpty()) {
            throw new Skip("archive " + type + " without text");
        }
        return new Said(room, from, type, parts);
    }

    /** A mixed item's content is a JSON string {@code {"content":"…"}}; an object is accepted as well. */
    private static Optional<String> mixedText(JsonNode content) {
        if (content == null || content.isNull()) {
            return Optional.empty();
        }
        JsonNode inner = content.isTextual() ? read(content.asText()).orElse(null) : content;
        return inner == null ? Optional.empty() : text(inner, "content");
    }

    /** The documented format, reduced to what is read: no recipients list, no non-text parts. */
    private static String stored(ArchiveRecord record, JsonNode m, String msgId, Said said) {
        ObjectNode n = AiBotTranslator.JSON.createObjectNode();
        n.put("seq", record.seq());
        n.put("msgid", msgId);
        n.put("action", "send");
        n.put("from", said.from());
        n.put("roomid", said.room());
        JsonNode time = m.get("msgtime");
        if (time != null && time.canConvertToLong()) {
            n.put("msgtime", time.asLong());
        }
        n.put("msgtype", said.type());
        if ("text".equals(said.type())) {
            n.putObject("text").put("content", said.text());
        } else {
            var items = n.putObject("mixed").putArray("item");
            for (String part : said.parts()) {
                ObjectNode content = AiBotTranslator.JSON.createObjectNode().put("content", part);
                items.addObject().put("type", "text").put("content", content.toString());
            }
        }
        return n.toString();
    }

    private static Optional<JsonNode> read(String json) {
        try {
            JsonNode node = AiBotTranslator.JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return Optional.empty();
        }
        String s = v.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String shorten(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32);
    }
}
