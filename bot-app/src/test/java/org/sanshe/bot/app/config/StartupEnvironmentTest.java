package org.sanshe.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StartupEnvironmentTest {
    private final StartupEnvironment startup = new StartupEnvironment();

    @Test
    void productionRefusesToStartAndNamesEveryMissingSecret() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        env.setProperty("bot.wecom.corp-id", "wwcorp");
        env.setProperty("bot.wecom.token", "t");

        assertThatThrownBy(() -> StartupEnvironment.requireProductionSecrets(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BOT_WECOM_SECRET")
                .hasMessageContaining("BOT_WECOM_AES_KEY")
                .hasMessageContaining("BOT_WECOM_AIBOT_TOKEN")
                .hasMessageContaining("BOT_STORAGE_DATA_KEY")
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .message()
                .doesNotContain("BOT_WECOM_CORP_ID")
                .doesNotContain("wwcorp");
    }

    @Test
    void theEmbeddedDefaultGeneratesItsSecretsOnceAndKeepsThem(@TempDir Path dir) throws Exception {
        MockEnvironment first = new MockEnvironment();
        first.setProperty("bot.local.data-dir", dir.toString());
        startup.postProcessEnvironment(first, new SpringApplication());
        MockEnvironment second = new MockEnvironment();
        second.setProperty("bot.local.data-dir", dir.toString());
        startup.postProcessEnvironment(second, new SpringApplication());

        assertThat(first.getProperty("bot.wecom.aes-key")).hasSize(43);
        assertThat(first.getProperty("bot.wecom.aibot.token")).hasSize(32);
        assertThat(second.getProperty("bot.wecom.aes-key")).isEqualTo(first.getProperty("bot.wecom.aes-key"));
        assertThat(second.getProperty("bot.storage.data-key")).isEqualTo(first.getProperty("bot.storage.data-key"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("local-secrets.properties")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(first.getProperty("bot.wecom.api-base-url"))
                .startsWith("http://127.0.0.1:")
                .endsWith("/fake-wecom");
        assertThat(first.getProperty("bot.local.h2-path"))
                .isEqualTo(dir.resolve("sanshe").toString());
    }

    @Test
    void anEnvironmentValueWinsOverTheGeneratedOne(@TempDir Path dir) {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("bot.local.data-dir", dir.toString());
        env.setProperty("bot.wecom.token", "fromTheEnvironment");
        env.setProperty("bot.wecom.api-base-url", "http://127.0.0.1:9/real");
        startup.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("bot.wecom.token")).isEqualTo("fromTheEnvironment");
        assertThat(env.getProperty("bot.wecom.api-base-url")).isEqualTo("http://127.0.0.1:9/real");
        assertThat(env.getProperty("bot.local.fake-wecom")).isNull();
    }
}
