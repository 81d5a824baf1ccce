package org.sanshe.bot.app.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.sanshe.bot.app.pipeline.BatchRateLimiter;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;
import org.sanshe.bot.core.engine.BotSettings;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.core.text.Texts;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.MybatisMembers;
import org.sanshe.bot.storage.group.MybatisPrivateContexts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The core, wired: framework properties mapped into plain core settings here and nowhere else. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotProperties.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Texts texts() {
        return Texts.chinese();
    }

    @Bean
    GroupTypes groupTypes(BotProperties p, ResourceLoader resources) {
        return GroupTypesLoader.load(resources.getResource(p.groupTypesFile()));
    }

    @Bean
    CommandRegistry commandRegistry() {
        return new CommandRegistry(BuiltinCommands.all());
    }

    @Bean
    BotSettings botSettings(BotProperties p) {
        return new BotSettings(ids(p.admins()), ids(p.botUserIds()), p.commandLimit(), p.commandWindow(), p.zone());
    }

    /** The shared limiter, counted a batch at a time by the dispatcher (one round trip per batch, not per event). */
    @Bean
    BatchRateLimiter batchRateLimiter(RateLimiter rateLimiter) {
        return new BatchRateLimiter(rateLimiter);
    }

    @Bean
    Engine engine(
            CommandRegistry registry,
            MybatisGroups groups,
            MybatisMembers members,
            MybatisPrivateContexts contexts,
            MybatisAuditTrail audit,
            BatchRateLimiter rateLimiter,
            GroupTypes types,
            Texts texts,
            BotSettings settings) {
        return new Engine(
                registry, new Ports(groups, groups, members, contexts, audit, rateLimiter), types, texts, settings);
    }

    @Bean
    RegistryBootstrap registryBootstrap(
            BotProperties p, GroupTypes types, MybatisGroups groups, MybatisAuditTrail audit, Clock clock) {
        return new RegistryBootstrap(p.bootstrap(), types, groups, audit, clock);
    }

    private static Set<UserId> ids(Iterable<String> values) {
        Set<UserId> ids = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                ids.add(UserId.of(v.strip()));
            }
        }
        return ids;
    }
}
