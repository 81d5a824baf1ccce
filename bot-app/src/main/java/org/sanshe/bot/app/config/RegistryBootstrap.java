package org.sanshe.bot.app.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies {@code bot.bootstrap.groups} and {@code bot.bootstrap.roles} at every start, before the dispatcher runs:
 * declared groups are registered (or brought in line with the declaration), declared grants made. Applying the same
 * configuration again changes nothing and records nothing; a change is audited under {@value #ACTOR}. A declaration
 * with an unknown type, role or channel stops the start with the entry named.
 */
public final class RegistryBootstrap implements SmartLifecycle {
    static final String ACTOR = "system-config";
    private static final Logger log = LoggerFactory.getLogger(RegistryBootstrap.class);

    private final BotProperties.Bootstrap declared;
    private final GroupTypes types;
    private final MybatisGroups groups;
    private final MybatisAuditTrail audit;
    private final Clock clock;
    private volatile boolean running;

    RegistryBootstrap(
            BotProperties.Bootstrap declared,
            GroupTypes types,
            MybatisGroups groups,
            MybatisAuditTrail audit,
            Clock clock) {
        this.declared = declared;
        this.types = types;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the declarations mean, checked before anything is written. */
    record Plan(List<PlannedGroup> groups, List<PlannedGrant> grants) {}

    record PlannedGroup(ChatId chat, String name, GroupType type, Channel channel) {}

    record PlannedGrant(UserId member, Role role, Optional<ChatId> chat) {}

    Plan plan() {
        List<PlannedGroup> g = new ArrayList<>();
        for (int i = 0; i < declared.groups().size(); i++) {
            var d = declared.groups().get(i);
            String where = "bot.bootstrap.groups[" + i + "]";
            GroupType type = types.find(d.type())
                    .orElseThrow(() -> new IllegalStateException(where + ".type: unknown group type '" + d.type()
                            + "'; valid: "
                            + String.join(
                                    ", ",
                                    types.all().stream().map(GroupType::code).toList())));
            Channel channel = switch (d.channel().strip().toLowerCase(Locale.ROOT)) {
                case "aibot" -> Channel.AIBOT;
                case "customer" -> Channel.CUSTOMER;
                default ->
                    throw new IllegalStateException(
                            where + ".channel: '" + d.channel() + "' is neither aibot nor customer");
            };
            ChatId chat = ChatId.of(d.chatId().strip());
            String name = d.name().isBlank()
                    ? type.chineseName() + "·"
                            + chat.value().substring(Math.max(0, chat.value().length() - 4))
                    : d.name().strip();
            g.add(new PlannedGroup(chat, name, type, channel));
        }
        List<PlannedGrant> r = new ArrayList<>();
        for (int i = 0; i < declared.roles().size(); i++) {
            var d = declared.roles().get(i);
            String where = "bot.bootstrap.roles[" + i + "]";
            Role role = Role.parse(d.role())
                    .filter(x -> x != Role.RESIDENT)
                    .orElseThrow(() -> new IllegalStateException(where + ".role: unknown role '" + d.role() + "'"));
            Optional<ChatId> chat = d.group().isBlank()
                    ? Optional.empty()
                    : Optional.of(ChatId.of(d.group().strip()));
            r.add(new PlannedGrant(UserId.of(d.userId().strip()), role, chat));
        }
        return new Plan(g, r);
    }

    /** Applies the plan; returns how many groups and grants were new or changed. */
    int apply() {
        Plan plan = plan();
        // a grant for a chat nobody declared or registered is a typo: it would hold in a group that does not exist
        for (int i = 0; i < plan.grants().size(); i++) {
            var chat = plan.grants().get(i).chat();
            if (chat.isPresent()
                    && plan.groups().stream().noneMatch(g -> g.chat().equals(chat.get()))
                    && groups.findByChat(chat.get()).isEmpty()) {
                throw new IllegalStateException("bot.bootstrap.roles[" + i + "].group: '" + chat.get()
                        + "' is neither declared in bot.bootstrap.groups nor a registered group");
            }
        }
        UserId actor = UserId.of(ACTOR);
        int changed = 0;
        for (PlannedGroup g : plan.groups()) {
            if (groups.declare(g.chat(), g.name(), g.type().code(), g.channel())) {
                changed++;
                audit.record(new AuditEntry(
                        clock.instant(),
                        actor,
                        "配置声明群",
                        Optional.of(g.chat()),
                        AuditEntry.Result.DONE,
                        "「" + g.name() + "」类型 " + g.type().code()));
            }
        }
        for (PlannedGrant r : plan.grants()) {
            if (groups.grant(r.member(), r.role(), r.chat(), actor)) {
                changed++;
                audit.record(new AuditEntry(
                        clock.instant(),
                        actor,
                        "配置声明角色",
                        r.chat(),
                        AuditEntry.Result.DONE,
                        "授予 " + r.member().value() + "「" + r.role().chineseName() + "」"
                                + (r.chat().isEmpty() ? "，在所有群有效" : "")));
            }
        }
        log.info(
                "bootstrap: {} groups and {} grants declared, {} new or changed",
                plan.groups().size(),
                plan.grants().size(),
                changed);
        return changed;
    }

    @Override
    public void start() {
        apply();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200; // before the dispatcher decides anything with the registry
    }
}
