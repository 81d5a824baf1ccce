package org.sanshe.bot.app.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members of the demo customer groups as the built-in fake WeCom lists them in {@code groupchat/get}. The simulator
 * can add a member (as if they joined) and change a group nickname (as a member does in WeCom, which sends no event),
 * so that nickname checks can be tried.
 */
final class DemoCustomerMembers {
    private final Map<String, LinkedHashMap<String, DemoCommunity.DemoCustomerMember>> byChat = new LinkedHashMap<>();

    DemoCustomerMembers() {
        for (var g : DemoCommunity.CUSTOMER_GROUPS) {
            var members = new LinkedHashMap<String, DemoCommunity.DemoCustomerMember>();
            g.members().forEach(m -> members.put(m.userId(), m));
            byChat.put(g.chatId(), members);
        }
    }

    synchronized Optional<List<DemoCommunity.DemoCustomerMember>> of(String chat) {
        var members = byChat.get(chat);
        return members == null ? Optional.empty() : Optional.of(new ArrayList<>(members.values()));
    }

    /** @return false when the chat is not a demo customer group */
    synchronized boolean put(String chat, DemoCommunity.DemoCustomerMember member) {
        var members = byChat.get(chat);
        if (members == null) {
            return false;
        }
        members.put(member.userId(), member);
        return true;
    }

    /** @return the member with the new nickname, when both the group and the member exist */
    synchronized Optional<DemoCommunity.DemoCustomerMember> rename(String chat, String user, String nickname) {
        var members = byChat.get(chat);
        if (members == null || !members.containsKey(user)) {
            return Optional.empty();
        }
        var old = members.get(user);
        var renamed = new DemoCommunity.DemoCustomerMember(old.userId(), old.type(), old.name(), nickname);
        members.put(user, renamed);
        return Optional.of(renamed);
    }
}
