package org.sanshe.bot.wecom.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.wecom.customer.LookupCodec;
import org.sanshe.bot.wecom.translate.Translated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks how each message the core decided on travels, from what the triggering event's channel allows (ARCHITECTURE.md
 * "what WeCom allows"): an AI-bot conversation is answered once through its response_url (several replies are joined,
 * since the url works once); an app conversation and every private message go through the app's message/send.
 */
public final class DeliveryPlanner {
    public static final String AIBOT_RESPONSE = "AIBOT_RESPONSE";
    public static final String APP_TEXT = "APP_TEXT";
    public static final String LOOKUP_CUSTOMER_GROUP = "LOOKUP_CUSTOMER_GROUP";
    public static final String READ_GROUP_MEMBERS = "READ_GROUP_MEMBERS";
    public static final String GROUP_SEND_DRAFT = "GROUP_SEND_DRAFT";
    /** A 紧急 card: the only kind that may use the reserve of a member's WeCom budget. */
    public static final String APP_CARD = "APP_CARD";
    /** A 留意 note: a template card like APP_CARD, but with the budget of ordinary messages. */
    public static final String APP_NOTE = "APP_NOTE";

    public static final String CARD_UPDATE = "CARD_UPDATE";
    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

    public List<OutboxMessage> plan(Translated translated, List<Outbound> outbound) {
        List<OutboxMessage> plan = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        Optional<Conversation> conversation = conversationOf(translated.event());
        for (Outbound o : outbound) {
            if (o instanceof Outbound.PrivateMessage pm) {
                plan.add(new OutboxMessage(APP_TEXT, pm.to().value(), pm.text()));
            } else if (o instanceof Outbound.ReplyInConversation reply) {
                replies.add(reply.text());
            } else if (o instanceof Outbound.EscalationCard card) {
                var body = org.sanshe.bot.wecom.translate.AiBotTranslator.JSON.createObjectNode();
                body.put("title", card.title());
                body.put("description", card.description());
                body.put("taskId", card.taskId());
                plan.add(new OutboxMessage(APP_CARD, card.to().value(), body.toString()));
            } else if (o instanceof Outbound.WatchNote note) {
                var body = org.sanshe.bot.wecom.translate.AiBotTranslator.JSON.createObjectNode();
                body.put("title", note.title());
                body.put("description", note.description());
                body.put("taskId", note.taskId());
                plan.add(new OutboxMessage(APP_NOTE, note.to().value(), body.toString()));
            } else if (o instanceof Outbound.CardUpdate update) {
                var body = org.sanshe.bot.wecom.translate.AiBotTranslator.JSON.createObjectNode();
                body.put("responseCode", update.responseCode());
                body.put("label", update.label());
                plan.add(new OutboxMessage(CARD_UPDATE, update.to().value(), body.toString()));
            } else if (o instanceof Outbound.GroupSendDraft d) {
                var body = org.sanshe.bot.wecom.translate.AiBotTranslator.JSON.createObjectNode();
                body.put("sender", d.sender().value());
                body.put("text", d.text());
                plan.add(new OutboxMessage(GROUP_SEND_DRAFT, d.chat().value(), body.toString()));
            } else if (o instanceof Outbound.ReadGroupMembers r) {
                plan.add(new OutboxMessage(READ_GROUP_MEMBERS, r.chat().value(), LookupCodec.readRequestBody(r)));
            } else if (o instanceof Outbound.LookUpCustomerGroup lookup) {
                // the requester's response_url travels with the request: the answer may use it, once
                plan.add(new OutboxMessage(
                        LOOKUP_CUSTOMER_GROUP,
                        lookup.chat().value(),
                        LookupCodec.requestBody(lookup, translated.responseUrl())));
            }
        }
        if (!replies.isEmpty()) {
            String text = String.join("\n\n", replies);
            Channel channel = conversation.map(Conversation::channel).orElse(Channel.CUSTOMER);
            if (channel == Channel.AIBOT && translated.responseUrl().isPresent()) {
                plan.add(
                        0,
                        new OutboxMessage(
                                AIBOT_RESPONSE, translated.responseUrl().get(), text));
            } else if (channel == Channel.APP) {
                plan.add(
                        0,
                        new OutboxMessage(APP_TEXT, conversation.get().member().value(), text));
            } else {
                // A customer group cannot be answered by the bot itself (WECOM.md C5); an AI-bot message without a
                // response_url cannot be answered at all (C6); a message read from the chat archive was not said to the
                // bot and its conversation is read-only (the core answers none, this is the last line). Later features
                // turn the first two into drafts for people.
                log.warn(
                        "event {} has a reply but its channel {} cannot carry one",
                        translated.event().id(),
                        channel);
            }
        }
        return plan;
    }

    private static Optional<Conversation> conversationOf(InboundEvent event) {
        if (event instanceof InboundEvent.TextReceived t) {
            return Optional.of(t.conversation());
        }
        if (event instanceof InboundEvent.CardButtonClicked c) {
            return Optional.of(c.conversation());
        }
        if (event instanceof InboundEvent.CustomerGroupLookedUp l) {
            return Optional.of(l.requester());
        }
        return Optional.empty();
    }
}
