package org.sanshe.bot.wecom.config;

import java.time.Clock;
import org.sanshe.bot.wecom.callback.CallbackCipher;
import org.sanshe.bot.wecom.callback.CeilingEndpoint;
import org.sanshe.bot.wecom.callback.Envelopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The load test's ceiling routes ({@link CeilingEndpoint}), only with {@code bot.load.ceiling-endpoint=true}
 * (scripts/load/run.sh sets it). They store nothing and answer only correctly signed, fresh callbacks, so a forgotten
 * switch costs no data; it is still announced with a warning at every start, so that it is not left on unnoticed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bot.load", name = "ceiling-endpoint", havingValue = "true")
public class LoadCeilingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LoadCeilingConfiguration.class);

    @Bean
    RouterFunction<ServerResponse> loadCeilingRoutes(WeComProperties p, Clock clock) {
        log.warn(
                "LOAD TEST ceiling endpoint is ON (bot.load.ceiling-endpoint=true): POST {} and {} verify and decrypt"
                        + " callbacks and store nothing. Turn it off outside load tests.",
                CeilingEndpoint.APP_PATH,
                CeilingEndpoint.AIBOT_PATH);
        var app = new CeilingEndpoint(
                new CallbackCipher(p.token(), p.aesKey(), p.corpId()),
                Envelopes::appEncrypt,
                clock,
                p.maxClockSkew(),
                p.maxBodyBytes());
        var aibot = new CeilingEndpoint(
                new CallbackCipher(p.aibot().token(), p.aibot().aesKey(), ""),
                Envelopes::aibotEncrypt,
                clock,
                p.maxClockSkew(),
                p.maxBodyBytes());
        return CeilingEndpoint.routes(app, aibot);
    }
}
