package org.sanshe.bot.app.local;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.RegistryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Seeds the demo community once, when the embedded database has no group yet. */
final class DemoSeeder implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final UserId SEEDER = UserId.of("system-demo-seed");
    private final MybatisGroups groups;
    private final RegistryWriter registry;
    private final Clock clock;

    DemoSeeder(MybatisGroups groups, RegistryWriter registry, Clock clock) {
        this.groups = groups;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!groups.all().isEmpty()) {
            return;
        }
        for (var g : DemoCommunity.GROUPS) {
            groups.register(ChatId.of(g.chatId()), g.name(), g.typeCode(), Channel.AIBOT);
        }
        // the names the simulator shows, as a contact directory would give them: so "@群秘书-李四" can be typed
        List<Member> members = DemoCommunity.MEMBERS.stream()
                .map(m -> new Member(
                        UserId.of(m.userId()),
                        Optional.empty(),
                        Optional.of(m.displayName()),
                        m.roles().isEmpty() ? MemberKind.UNKNOWN : MemberKind.STAFF))
                .toList();
        for (var g : DemoCommunity.GROUPS) {
            registry.apply(new StateChange.MembersListed(ChatId.of(g.chatId()), members, clock.instant()));
        }
        for (var m : DemoCommunity.MEMBERS) {
            for (Role role : m.roles()) {
                groups.grant(UserId.of(m.userId()), role, m.grantChat().map(ChatId::of), SEEDER);
            }
        }
        log.info(
                "demo community seeded: {} groups, {} members",
                DemoCommunity.GROUPS.size(),
                DemoCommunity.MEMBERS.size());
    }

    static Optional<String> nameOf(String userId) {
        return DemoCommunity.MEMBERS.stream()
                .filter(m -> m.userId().equals(userId))
                .map(DemoCommunity.DemoMember::displayName)
                .findFirst()
                .or(() -> DemoCommunity.CUSTOMER_GROUPS.stream()
                        .flatMap(g -> g.members().stream())
                        .filter(m -> m.userId().equals(userId))
                        .map(DemoCommunity.DemoCustomerMember::groupNickname)
                        .findFirst());
    }
}
