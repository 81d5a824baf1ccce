package org.sanshe.bot.wecom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.wecom.callback.CallbackCipher;
import org.sanshe.bot.wecom.callback.CeilingEndpoint;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

class LoadCeilingConfigurationTest {
    // official vector B's token and key (WECOM.md §1.7); the receive ids are ours
    static final String TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    static final String KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    static final String CORP = "ww1436e0e65a779aee";
    static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Configuration(proxyBeanMethods = false)
    static class Inputs {
        @Bean
        WeComProperties weComProperties() {
            return new WeComProperties(
                    CORP,
                    1000002,
                    "secret",
                    TOKEN,
                    KEY,
                    URI.create("http://127.0.0.1:9"),
                    Duration.ofMinutes(5),
                    65536,
                    new WeComProperties.AiBot(TOKEN, KEY));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Inputs.class, LoadCeilingConfiguration.class);

    @Test
    void offByDefaultAndWhenNotTrue() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean("loadCeilingRoutes"));
        runner.withPropertyValues("bot.load.ceiling-endpoint=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean("loadCeilingRoutes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyWhenEnabledAnswersSignedFreshCallbacksAndRefusesTheRest() {
        runner.withPropertyValues("bot.load.ceiling-endpoint=true").run(ctx -> {
            assertThat(ctx).hasBean("loadCeilingRoutes");
            var routes = (RouterFunction<ServerResponse>) ctx.getBean("loadCeilingRoutes");
            var client = WebTestClient.bindToRouterFunction(routes).build();
            var aibot = new CallbackCipher(TOKEN, KEY, "");
            var app = new CallbackCipher(TOKEN, KEY, CORP);
            String ts = Long.toString(NOW.getEpochSecond());

            String botEnc = aibot.seal("0123456789abcdef", "{\"msgid\":\"m1\",\"msgtype\":\"text\"}");
            String botBody = "{\"encrypt\":\"" + botEnc + "\"}";
            post(client, CeilingEndpoint.AIBOT_PATH, aibot.sign(ts, "42", botEnc), ts, "42", botBody)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .isEmpty();
            // one character of the signature changed
            String bad = aibot.sign(ts, "42", botEnc);
            bad = (bad.charAt(0) == 'a' ? "b" : "a") + bad.substring(1);
            post(client, CeilingEndpoint.AIBOT_PATH, bad, ts, "42", botBody)
                    .expectStatus()
                    .isForbidden();
            // the app path with the AI bot's envelope is malformed, with its own envelope fine
            String appEnc = app.seal("0123456789abcdef", "<xml><MsgType>text</MsgType></xml>");
            String appBody = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><Encrypt><![CDATA[" + appEnc
                    + "]]></Encrypt></xml>";
            post(client, CeilingEndpoint.APP_PATH, app.sign(ts, "7", appEnc), ts, "7", appBody)
                    .expectStatus()
                    .isOk();
            // correctly signed but six minutes old
            String old = Long.toString(NOW.getEpochSecond() - 360);
            post(client, CeilingEndpoint.APP_PATH, app.sign(old, "7", appEnc), old, "7", appBody)
                    .expectStatus()
                    .isForbidden();
            // signed for the app, but the frame carries the AI bot's receive id (""): not ours
            post(client, CeilingEndpoint.APP_PATH, app.sign(ts, "7", botEnc), ts, "7", appBody.replace(appEnc, botEnc))
                    .expectStatus()
                    .isBadRequest();
        });
    }

    private static WebTestClient.ResponseSpec post(
            WebTestClient client, String path, String sig, String ts, String nonce, String body) {
        String q = "?msg_signature=" + sig + "&timestamp=" + ts + "&nonce="
                + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
        return client.post().uri(path + q).bodyValue(body).exchange();
    }
}
