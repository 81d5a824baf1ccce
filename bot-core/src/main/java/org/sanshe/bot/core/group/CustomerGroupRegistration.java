package org.sanshe.bot.core.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Authority;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupDetails;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupLookedUp;
import org.sanshe.bot.core.text.Texts;

/**
 * The second half of /登记客户群: WeCom has described the customer group (or refused). The group is registered with its
 * members and their names, and the admin who asked is answered privately with the member list; an error is explained
 * in words, never dropped.
 */
public final class CustomerGroupRegistration {
    /** At most this many members are listed in the answer; the rest are counted. */
    static final int LISTED = 30;

    private static final String ACTION = "/登记客户群";

    private final Authority authority;
    private final GroupTypes types;
    private final Texts texts;
    private final org.sanshe.bot.core.port.Groups groups;

    public CustomerGroupRegistration(
            Authority authority, GroupTypes types, Texts texts, org.sanshe.bot.core.port.Groups groups) {
        this.authority = authority;
        this.types = types;
        this.texts = texts;
        this.groups = groups;
    }

    public Outcome onLookedUp(CustomerGroupLookedUp e) {
        UserId requester = e.requester().member();
        Optional<ChatId> chat = Optional.of(e.chat());
        if (e.errorCode().isPresent()) {
            int code = e.errorCode().get();
            String reason = texts.has("command.register.error." + code)
                    ? texts.get("command.register.error." + code)
                    : texts.get("command.register.error.other", String.valueOf(code));
            String text = texts.get("command.register.failed", e.chat().value(), reason);
            return refusal(e, text, "errcode " + code);
        }
        // the admin asked a moment ago; a grant revoked in between still counts
        if (!authority.callerIn(requester, chat).can(Role.ADMIN)) {
            return refusal(e, texts.get("command.register.notAdmin"), "no longer an admin");
        }
        // what may have changed while WeCom answered: the chat bound as an internal group, the type removed
        var existing = groups.findByChat(e.chat());
        if (existing.isPresent() && existing.get().channel() != Channel.CUSTOMER) {
            return refusal(
                    e,
                    texts.get("command.register.internalGroup", existing.get().name()),
                    "bound as an internal group");
        }
        if (types.byCode(e.typeCode()).isEmpty()) {
            return refusal(e, texts.get("command.register.typeGone", e.typeCode()), "type no longer configured");
        }
        CustomerGroupDetails details = e.details().orElseThrow();
        String name = e.requestedName()
                .or(() -> Optional.of(GroupNames.clean(details.name())).filter(n -> !n.isEmpty()))
                .orElseGet(() -> types.byCode(e.typeCode())
                        .map(t -> GroupNames.defaultName(t, e.chat()))
                        .orElse(e.chat().value()));
        String typeName = types.chineseNameOf(e.typeCode());
        List<StateChange> changes = new ArrayList<>();
        changes.add(new StateChange.GroupRegistered(e.chat(), name, e.typeCode(), Channel.CUSTOMER, requester, e.at()));
        changes.add(new StateChange.MembersListed(e.chat(), details.members(), e.at()));
        changes.add(new StateChange.Audited(new AuditEntry(
                e.at(),
                requester,
                ACTION,
                chat,
                AuditEntry.Result.DONE,
                texts.get(
                        "audit.register.done",
                        name,
                        e.typeCode(),
                        details.members().size()))));
        return new Outcome(changes, List.of(new Outbound.ReplyInConversation(answer(name, typeName, details))));
    }

    private String answer(String name, String typeName, CustomerGroupDetails details) {
        List<Member> members = details.members();
        long staff = members.stream().filter(m -> m.kind() == MemberKind.STAFF).count();
        long external =
                members.stream().filter(m -> m.kind() == MemberKind.EXTERNAL).count();
        String owner = members.stream()
                .filter(m -> m.id().equals(details.owner()))
                .findFirst()
                .map(org.sanshe.bot.core.directory.LookupTexts::describe)
                .orElse(details.owner().value());
        StringBuilder sb = new StringBuilder(
                texts.get("command.register.done", name, typeName, owner, members.size(), staff, external));
        for (int i = 0; i < Math.min(LISTED, members.size()); i++) {
            Member m = members.get(i);
            sb.append('\n')
                    .append(texts.get(
                            "command.register.memberLine",
                            org.sanshe.bot.core.directory.LookupTexts.describe(m),
                            m.kind().chineseName()));
        }
        if (members.size() > LISTED) {
            sb.append('\n').append(texts.get("command.register.more", members.size() - LISTED));
        }
        return sb.append('\n').append(texts.get("command.register.next", name)).toString();
    }

    private Outcome refusal(CustomerGroupLookedUp e, String text, String detail) {
        var audit = new StateChange.Audited(new AuditEntry(
                e.at(), e.requester().member(), ACTION, Optional.of(e.chat()), AuditEntry.Result.REFUSED, detail));
        return new Outcome(List.of(audit), List.of(new Outbound.ReplyInConversation(text)));
    }
}
