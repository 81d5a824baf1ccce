package org.sanshe.bot.storage.group;

import java.util.ArrayList;
import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.crypt.FieldCipher;

/**
 * Applies the registry's state changes (groups, rules, grants, names, private contexts, audit) inside the dispatcher's
 * commit transaction, so that a command's effect, its audit entry and its reply are stored together or not at all.
 * Caches of this instance are cleared after the commit; other instances see the change within their cache ttl.
 */
public final class RegistryWriter {
    private final GroupMapper groups;
    private final MemberDirectoryMapper members;
    private final MybatisAuditTrail audit;
    private final FieldCipher cipher;
    private final MybatisGroups groupCache;
    private final MybatisPrivateContexts contextCache;

    public RegistryWriter(
            GroupMapper groups,
            MemberDirectoryMapper members,
            MybatisAuditTrail audit,
            FieldCipher cipher,
            MybatisGroups groupCache,
            MybatisPrivateContexts contextCache) {
        this.groups = groups;
        this.members = members;
        this.audit = audit;
        this.cipher = cipher;
        this.groupCache = groupCache;
        this.contextCache = contextCache;
    }

    /** @return false when the change is not the registry's */
    public boolean apply(StateChange change) {
        if (change instanceof StateChange.GroupRegistered g) {
            groups.upsert(g.chat().value(), g.name(), g.typeCode(), g.channel().name(), g.at().toEpochMilli());
        } else if (change instanceof StateChange.GroupRulesSet r) {
            groups.setRules(r.chat().value(), r.rules().orElse(null), r.at().toEpochMilli());
        } else if (change instanceof StateChange.RoleGranted g) {
            groups.grant(g.member().value(), g.role().name(), chat(g.chat()), g.by().value(), g.at().toEpochMilli());
        } else if (change instanceof StateChange.RoleRevoked r) {
            groups.revoke(r.member().value(), r.role().name(), chat(r.chat()));
        } else if (change instanceof StateChange.PrivateContextChosen c) {
            members.chooseContext(c.member().value(), c.chat().value(), c.at().toEpochMilli());
        } else if (change instanceof StateChange.MembersListed l) {
            listed(l);
        } else if (change instanceof StateChange.Audited a) {
            audit.record(a.entry());
        } else {
            return false;
        }
        return true;
    }

    /** After a commit that changed the registry: this instance forgets what it cached. */
    public void invalidate() {
        groupCache.invalidate();
        contextCache.invalidate();
    }

    private void listed(StateChange.MembersListed l) {
        long at = l.at().toEpochMilli();
        List<MemberDirectoryMapper.ListedRow> rows = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Member m : l.members()) {
            present.add(m.id().value());
            rows.add(new MemberDirectoryMapper.ListedRow(
                    l.chat().value(),
                    m.id().value(),
                    m.name().map(cipher::encrypt).orElse(null),
                    m.groupNickname().map(cipher::encrypt).orElse(null),
                    m.kind().name(),
                    at));
        }
        for (int i = 0; i < rows.size(); i += 500) {
            members.upsertListed(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        members.leaveAllBut(l.chat().value(), present, at);
    }

    private static String chat(java.util.Optional<ChatId> chat) {
        return chat.map(ChatId::value).orElse("");
    }
}
