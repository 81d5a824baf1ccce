package org.sanshe.bot.wecom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeComPropertiesTest {
    private static final String SECRET = "s3cr3t-app-secret-value";
    private static final String TOKEN = "QDG6eK-app-token";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String BOT_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private static final String BOT_AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";

    private static WeComProperties properties(String secret, String token, String aesKey, WeComProperties.AiBot bot) {
        return new WeComProperties(
                "ww1436e0e65a779aee",
                1000002,
                secret,
                token,
                aesKey,
                URI.create("https://qyapi.weixin.qq.com"),
                Duration.ofMinutes(5),
                65536,
                bot);
    }

    @Test
    void masksEverySecretInToString() {
        String s = properties(SECRET, TOKEN, AES_KEY, new WeComProperties.AiBot(BOT_TOKEN, BOT_AES_KEY))
                .toString();

        assertThat(s).contains("****");
        assertThat(s).doesNotContain(SECRET, TOKEN, AES_KEY, BOT_TOKEN, BOT_AES_KEY);
        assertThat(s).contains("ww1436e0e65a779aee").contains("1000002");
    }

    @Test
    void masksTheAiBotsSecretsWhenPrintedAlone() {
        String s = new WeComProperties.AiBot(BOT_TOKEN, BOT_AES_KEY).toString();

        assertThat(s).contains("****").doesNotContain(BOT_TOKEN, BOT_AES_KEY);
    }

    @Test
    void saysWhichSecretsAreUnsetWithoutInventingValues() {
        String s = properties(null, "", null, new WeComProperties.AiBot(null, null))
                .toString();

        assertThat(s).contains("secret=<unset>").contains("token=<unset>").doesNotContain("****");
    }
}
