package org.sanshe.bot.app.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.sanshe.bot.app.pipeline.BatchRateLimiter;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;
import org.sanshe.bot.core.engine.BotSettings;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.core.text.Texts;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    CommandRegistry commandRegistry() {
        return new CommandRegistry(BuiltinCommands.all());
    }

    @Bean
    BotSettings botSettings(BotProperties p) {
        return new BotSettings(ids(p.admins()), ids(p.botUserIds()), p.commandLimit(), p.commandWindow());
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
            BatchRateLimiter rateLimiter,
            Texts texts,
            BotSettings settings) {
        return new Engine(registry, groups, groups, rateLimiter, texts, settings);
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
