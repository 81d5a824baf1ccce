package org.sanshe.bot.app.archive;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.wecom.archive.ArchiveSdkSettings;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.ArchiveTranslator;
import org.sanshe.bot.wecom.archive.WxCpArchiveSource;
import org.sanshe.bot.wecom.config.WeComProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The chat-archive feed, when {@code bot.archive.enabled=true}, for the registered customer groups. In {@code prod}
 * the archive is WeCom's, read through the native SDK (the service refuses to start while that cannot work); in the
 * embedded default it is the simulator's in-memory one ({@code LocalArchiveSource}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bot.archive.enabled", havingValue = "true")
public class ArchiveConfiguration {

    @Bean
    @Profile("prod")
    ArchiveSource weComArchiveSource(BotProperties p, WeComProperties wecom) {
        BotProperties.Archive a = p.archive();
        return WxCpArchiveSource.create(new ArchiveSdkSettings(
                wecom.corpId(),
                a.secret(),
                a.sdkLibraryPath(),
                a.privateKey(),
                a.proxy(),
                a.proxyCredentials(),
                a.timeout()));
    }

    /**
     * Reads the groups registered as customer groups, where no bot can listen. Not the other groups in the archive:
     * they are none of the bot's business (and in an internal group the AI bot already hears what is said to it).
     */
    @Bean
    ArchivePoller archivePoller(
            ArchiveSource source,
            MybatisGroups groups,
            ArchiveCursorStore cursors,
            Inbox inbox,
            Clock clock,
            BotProperties p,
            MeterRegistry m) {
        return new ArchivePoller(
                source,
                new ArchiveTranslator(),
                chat -> groups.findByChat(chat)
                        .filter(g -> g.channel() == Channel.CUSTOMER)
                        .isPresent(),
                cursors,
                inbox,
                clock,
                p.archive().pollInterval(),
                p.archive().batch(),
                m);
    }
}
