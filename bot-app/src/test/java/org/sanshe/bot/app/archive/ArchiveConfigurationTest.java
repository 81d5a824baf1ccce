package org.sanshe.bot.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.WxCpArchiveSource;
import org.sanshe.bot.wecom.config.WeComProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the feed is switched on: not at all by default; in {@code prod} with WeCom's archive, and then the service
 * refuses to start — naming what is missing in Chinese and English, showing no secret — until the native SDK, the
 * archive secret and a usable private key are configured.
 */
class ArchiveConfigurationTest {
    @TempDir
    Path dir;

    /** What the feed's beans need from the rest of the service. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BotProperties.class, WeComProperties.class})
    static class Surroundings {
        @Bean
        MybatisGroups groups() {
            return mock(MybatisGroups.class);
        }

        @Bean
        ArchiveCursorStore cursors() {
            return mock(ArchiveCursorStore.class);
        }

        @Bean
        Inbox inbox() {
            return entry -> true;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Surroundings.class, ArchiveConfiguration.class)
            // a pass never comes in these tests: the context is closed long before
            .withPropertyValues("bot.archive.poll-interval=PT1H");

    private ApplicationContextRunner prod() {
        return runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("prod"));
    }

    @Test
    void isOffUnlessEnabled() {
        prod().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ArchivePoller.class);
            assertThat(context).doesNotHaveBean(ArchiveSource.class);
        });
    }

    @Test
    void inProductionEnabledWithoutTheSdkTheSecretOrTheKeyTheServiceRefusesToStart() {
        prod().withPropertyValues("bot.archive.enabled=true", "bot.wecom.corp-id=ww0123456789abcdef")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("会话内容存档已启用")
                            .hasMessageContaining("refusing to start")
                            .hasMessageContaining("BOT_ARCHIVE_SDK_LIBRARY_PATH")
                            .hasMessageContaining("BOT_ARCHIVE_SECRET")
                            .hasMessageContaining("BOT_ARCHIVE_PRIVATE_KEY")
                            .hasMessageNotContaining("BOT_WECOM_CORP_ID");
                });
    }

    @Test
    void inProductionWithEverythingConfiguredItReadsWeComsArchive() throws Exception {
        Path lib = Files.writeString(dir.resolve("libWeWorkFinanceSdk_Java.so"), "stands in for the native library");
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String key = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder()
                        .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----";
        String secret = new String(new byte[] {'s', '3', 'c', 'r', 'e', 't'}, StandardCharsets.US_ASCII);

        prod().withPropertyValues(
                        "bot.archive.enabled=true",
                        "bot.wecom.corp-id=ww0123456789abcdef",
                        "bot.archive.sdk-library-path=" + lib,
                        "bot.archive.secret=" + secret,
                        "bot.archive.private-key=" + key)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(ArchiveSource.class).isInstanceOf(WxCpArchiveSource.class);
                    assertThat(context).hasSingleBean(ArchivePoller.class);
                    assertThat(context.getBean(BotProperties.class).archive().toString())
                            .doesNotContain(secret, "PRIVATE KEY")
                            .contains("enabled=true", "****");
                });
    }
}
