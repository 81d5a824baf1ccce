package org.sanshe.bot.wecom.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupDetails;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupLookedUp;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupRead;
import org.sanshe.bot.wecom.translate.AiBotTranslator;

/**
 * The JSON forms of a customer-group look-up: the request as an outbox row keeps it (with the requester's response_url,
 * so the answer can travel the way the command came), and the answer as an inbox row keeps it, to be decided like any
 * other event; and the answer to a read of a registered group's members (nickname checks). All stored encrypted.
 */
public final class LookupCodec {
    /** Marks an inbox payload of the CUSTOMER channel as a look-up answer rather than WeCom's XML. */
    static final String KIND = "customer_group_looked_up";
    /** Marks an inbox payload of the CUSTOMER channel as the answer to a read of a registered group's members. */
    static final String READ_KIND = "customer_group_read";

    private LookupCodec() {}

    /** The request kept in the outbox row. */
    public record Request(Outbound.LookUpCustomerGroup lookup, Optional<String> responseUrl) {}

    public static String requestBody(Outbound.LookUpCustomerGroup l, Optional<String> responseUrl) {
        ObjectNode n = AiBotTranslator.JSON.createObjectNode();
        n.put("type", l.typeCode());
        l.name().ifPresent(v -> n.put("name", v));
        n.put("requestId", l.requestId());
        n.put("channel", l.requester().channel().name());
        n.put("member", l.requester().member().value());
        responseUrl.ifPresent(u -> n.put("responseUrl", u));
        return n.toString();
    }

    public static Request readRequest(String chat, String body) {
        JsonNode n = read(body);
        Conversation requester = Conversation.direct(
                Channel.valueOf(n.path("channel").asText()),
                UserId.of(n.path("member").asText()));
        return new Request(
                new Outbound.LookUpCustomerGroup(
                        ChatId.of(chat),
                        n.path("type").asText(),
                        text(n, "name"),
                        requester,
                        n.path("requestId").asText()),
                text(n, "responseUrl"));
    }

    /** The body of a read request's outbox row. */
    public static String readRequestBody(Outbound.ReadGroupMembers r) {
        return AiBotTranslator.JSON
                .createObjectNode()
                .put("requestId", r.requestId())
                .toString();
    }

    static String readRequestId(String body) {
        String id = read(body).path("requestId").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("read request without requestId");
        }
        return id;
    }

    /** The inbox dedup key of the answer: one answer per request, however often the request is retried. */
    public static String dedupKey(Outbound.LookUpCustomerGroup l) {
        return "lookup:" + sha256(l.requestId() + '\u0000' + l.chat().value()).substring(0, 40);
    }

    /** The answer stored in the inbox: the request, and WeCom's details or its error code. */
    public static String answer(Request r, Optional<CustomerGroupDetails> details, Optional<Integer> errorCode) {
        ObjectNode n = (ObjectNode) read(requestBody(r.lookup(), r.responseUrl()));
        n.put("kind", KIND);
        n.put("chat", r.lookup().chat().value());
        putResult(n, details, errorCode);
        return n.toString();
    }

    /** The answer to a {@link Outbound.ReadGroupMembers}, as the inbox keeps it. */
    public static String readAnswer(
            Outbound.ReadGroupMembers r, Optional<CustomerGroupDetails> details, Optional<Integer> errorCode) {
        ObjectNode n = AiBotTranslator.JSON.createObjectNode();
        n.put("kind", READ_KIND);
        n.put("chat", r.chat().value());
        n.put("requestId", r.requestId());
        putResult(n, details, errorCode);
        return n.toString();
    }

    /** The inbox dedup key of a read's answer: one per request. */
    public static String dedupKey(Outbound.ReadGroupMembers r) {
        return "read:" + sha256(r.requestId() + '\u0000' + r.chat().value()).substring(0, 40);
    }

    private static void putResult(ObjectNode n, Optional<CustomerGroupDetails> details, Optional<Integer> errorCode) {
        errorCode.ifPresent(c -> n.put("errcode", c));
        details.ifPresent(d -> {
            ObjectNode g = n.putObject("group");
            g.put("name", d.name());
            g.put("owner", d.owner().value());
            ArrayNode members = g.putArray("members");
            for (Member m : d.members()) {
                ObjectNode o = members.addObject();
                o.put("userid", m.id().value());
                o.put("kind", m.kind().name());
                m.name().ifPresent(v -> o.put("name", v));
                m.groupNickname().ifPresent(v -> o.put("nickname", v));
            }
        });
    }

    static boolean isAnswer(String payload) {
        return payload.startsWith("{") && payload.contains("\"kind\":\"" + KIND + "\"");
    }

    /** The stored answer back as the event the core decides, with the requester's response_url. */
    static Answer readAnswer(String payload, Instant receivedAt) {
        JsonNode n = read(payload);
        Request r = readRequest(n.path("chat").asText(), payload);
        Optional<CustomerGroupDetails> details = details(n);
        Optional<Integer> error = errorCode(n);
        var event = new CustomerGroupLookedUp(
                new EventId(dedupKey(r.lookup())),
                r.lookup().requester(),
                r.lookup().chat(),
                r.lookup().typeCode(),
                r.lookup().name(),
                details,
                error,
                receivedAt);
        return new Answer(event, r.responseUrl());
    }

    record Answer(CustomerGroupLookedUp event, Optional<String> responseUrl) {}

    static boolean isReadAnswer(String payload) {
        return payload.startsWith("{") && payload.contains("\"kind\":\"" + READ_KIND + "\"");
    }

    /** A stored read answer back as the event the core decides. */
    static CustomerGroupRead readReadAnswer(String payload, Instant receivedAt) {
        JsonNode n = read(payload);
        var request = new Outbound.ReadGroupMembers(
                ChatId.of(n.path("chat").asText()), n.path("requestId").asText());
        return new CustomerGroupRead(
                new EventId(dedupKey(request)), request.chat(), details(n), errorCode(n), receivedAt);
    }

    private static Optional<CustomerGroupDetails> details(JsonNode n) {
        if (!n.has("group")) {
            return Optional.empty();
        }
        JsonNode g = n.path("group");
        List<Member> members = new ArrayList<>();
        for (JsonNode m : g.path("members")) {
            members.add(new Member(
                    UserId.of(m.path("userid").asText()),
                    text(m, "name"),
                    text(m, "nickname"),
                    MemberKind.valueOf(m.path("kind").asText("UNKNOWN"))));
        }
        return Optional.of(new CustomerGroupDetails(
                g.path("name").asText(""), UserId.of(g.path("owner").asText()), members));
    }

    private static Optional<Integer> errorCode(JsonNode n) {
        return n.has("errcode") ? Optional.of(n.path("errcode").asInt()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.path(field).asText()) : Optional.empty();
    }

    private static JsonNode read(String json) {
        try {
            return AiBotTranslator.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored look-up is not JSON", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
