package org.sanshe.bot.wecom.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupDetails;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.core.pipeline.OutboxMessage;

/**
 * Runs a customer-group look-up from the outbox: {@code groupchat/get} with names, then the answer goes into the inbox
 * as an event, decided in order with the requester's other commands. A WeCom error that retrying cannot fix (no
 * permission, no such group) is an answer too, so the admin is told why; busy and network errors are retried by the
 * outbox like any send.
 */
public final class CustomerGroupLookup {
    private final WxCpService wecom;
    private final java.util.function.Supplier<Inbox> inbox;
    private final Clock clock;

    /** The inbox is looked up when first needed: the inbox, the dispatcher and the sender depend on each other. */
    public CustomerGroupLookup(WxCpService wecom, java.util.function.Supplier<Inbox> inbox, Clock clock) {
        this.wecom = wecom;
        this.inbox = inbox;
        this.clock = clock;
    }

    public DeliveryResult run(OutboxMessage message, java.util.function.IntPredicate retryable) {
        LookupCodec.Request request;
        try {
            request = LookupCodec.readRequest(message.target(), message.body());
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("look-up request unreadable");
        }
        var lookup = request.lookup();
        return fetch(
                message.target(),
                retryable,
                (details, error) -> new InboxEntry(
                        LookupCodec.dedupKey(lookup),
                        Channel.CUSTOMER,
                        lookup.requester().orderingKey(),
                        LookupCodec.answer(request, details, error),
                        clock.instant()));
    }

    /** A read of a registered group's members: the answer goes into the inbox in the group's order. */
    public DeliveryResult read(OutboxMessage message, java.util.function.IntPredicate retryable) {
        String requestId;
        try {
            requestId = LookupCodec.readRequestId(message.body());
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("read request unreadable");
        }
        var request = new Outbound.ReadGroupMembers(ChatId.of(message.target()), requestId);
        return fetch(
                message.target(),
                retryable,
                (details, error) -> new InboxEntry(
                        LookupCodec.dedupKey(request),
                        Channel.CUSTOMER,
                        "g:" + message.target(),
                        LookupCodec.readAnswer(request, details, error),
                        clock.instant()));
    }

    private DeliveryResult fetch(
            String chat,
            java.util.function.IntPredicate retryable,
            java.util.function.BiFunction<Optional<CustomerGroupDetails>, Optional<Integer>, InboxEntry> answer) {
        Optional<CustomerGroupDetails> details = Optional.empty();
        Optional<Integer> error = Optional.empty();
        try {
            WxCpUserExternalGroupChatInfo info =
                    wecom.getExternalContactService().getGroupChat(chat, 1);
            if (info == null || info.getGroupChat() == null) {
                return new DeliveryResult.Retry("groupchat/get answered without group_chat", Optional.empty());
            }
            details = Optional.of(toDetails(info.getGroupChat()));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (retryable.test(code)) {
                return new DeliveryResult.Retry("groupchat/get errcode " + code, Optional.empty());
            }
            error = Optional.of(code);
        } catch (WxRuntimeException e) {
            return new DeliveryResult.Retry("groupchat/get: " + e.getClass().getSimpleName(), Optional.empty());
        }
        InboxEntry entry = answer.apply(details, error);
        try {
            inbox.get().accept(entry); // false: the answer is already there (this row was retried after a crash)
            return new DeliveryResult.Sent(error.map(c -> "errcode " + c).orElse("read"));
        } catch (InboxUnavailableException e) {
            return new DeliveryResult.Retry("inbox unavailable", Optional.empty());
        }
    }

    private static CustomerGroupDetails toDetails(WxCpUserExternalGroupChatInfo.GroupChat g) {
        List<Member> members = new ArrayList<>();
        if (g.getMemberList() != null) {
            for (var m : g.getMemberList()) {
                if (m.getUserId() == null || m.getUserId().isBlank()) {
                    continue;
                }
                members.add(new Member(
                        UserId.of(m.getUserId()),
                        Optional.ofNullable(m.getName()),
                        Optional.ofNullable(m.getGroupNickname()),
                        MemberKind.ofWeComType(m.getType())));
            }
        }
        String owner = g.getOwner() == null || g.getOwner().isBlank() ? "unknown" : g.getOwner();
        return new CustomerGroupDetails(g.getName() == null ? "" : g.getName(), UserId.of(owner), members);
    }
}
