package org.sanshe.bot.app.local;

import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Seeds the demo community once, when the embedded database has no group yet. */
final class DemoSeeder implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final UserId SEEDER = UserId.of("system-demo-seed");
    private final MybatisGroups groups;

    DemoSeeder(MybatisGroups groups) {
        this.groups = groups;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!groups.all().isEmpty()) {
            return;
        }
        for (var g : DemoCommunity.GROUPS) {
            groups.register(ChatId.of(g.chatId()), g.name(), g.typeCode(), Channel.AIBOT);
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
                .findFirst();
    }
}
