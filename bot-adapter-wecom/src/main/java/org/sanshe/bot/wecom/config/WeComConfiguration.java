package org.sanshe.bot.wecom.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.WxCpConfigStorage;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.redisson.api.RedissonClient;
import org.sanshe.bot.core.pipeline.IdempotencyStore;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.Spool;
import org.sanshe.bot.core.text.Texts;
import org.sanshe.bot.wecom.callback.CallbackCipher;
import org.sanshe.bot.wecom.callback.CallbackEndpoint;
import org.sanshe.bot.wecom.callback.CallbackRoutes;
import org.sanshe.bot.wecom.callback.Envelopes;
import org.sanshe.bot.wecom.customer.CustomerGroupLookup;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.sanshe.bot.wecom.outbound.OneAttemptWxCpService;
import org.sanshe.bot.wecom.outbound.WeComSender;
import org.sanshe.bot.wecom.translate.AiBotTranslator;
import org.sanshe.bot.wecom.translate.AppTranslator;
import org.sanshe.bot.wecom.translate.WeComTranslation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires the WeCom edge: callback routes, translation, the weixin-java-cp client and the sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeComProperties.class)
public class WeComConfiguration {

    @Bean(destroyMethod = "dispose")
    Scheduler ingestScheduler() {
        // the inbox and the idempotency store answer asynchronously; this only keeps a blocking implementation of
        // them off the event loop, and bounds it
        return Schedulers.newBoundedElastic(8, 20_000, "ingest");
    }

    @Bean
    AppTranslator appTranslator() {
        return new AppTranslator();
    }

    @Bean
    AiBotTranslator aiBotTranslator() {
        return new AiBotTranslator(Texts.chinese().get("app.welcome"));
    }

    @Bean
    WeComTranslation weComTranslation(AppTranslator app, AiBotTranslator aibot) {
        return new WeComTranslation(app, aibot);
    }

    @Bean
    RouterFunction<ServerResponse> weComCallbackRoutes(
            WeComProperties p,
            AppTranslator appTranslator,
            AiBotTranslator aiBotTranslator,
            Inbox inbox,
            ObjectProvider<Spool> spoolProvider,
            IdempotencyStore idempotency,
            Clock clock,
            Scheduler ingestScheduler,
            MeterRegistry meters) {
        // no spool bean (a context without the pipeline): an unavailable inbox is answered 503, as WeCom then retries
        Spool spool = spoolProvider.getIfAvailable(() -> Spool.NONE);
        var app = new CallbackEndpoint(
                "app",
                new CallbackCipher(p.token(), p.aesKey(), p.corpId()),
                Envelopes::appEncrypt,
                appTranslator::ingest,
                Envelopes::appReply,
                inbox,
                spool,
                idempotency,
                clock,
                p.maxClockSkew(),
                p.maxBodyBytes(),
                ingestScheduler,
                meters);
        var aibot = new CallbackEndpoint(
                "aibot",
                new CallbackCipher(p.aibot().token(), p.aibot().aesKey(), ""),
                Envelopes::aibotEncrypt,
                aiBotTranslator::ingest,
                Envelopes::aibotReply,
                inbox,
                spool,
                idempotency,
                clock,
                p.maxClockSkew(),
                p.maxBodyBytes(),
                ingestScheduler,
                meters);
        return CallbackRoutes.of(app, aibot);
    }

    @Bean
    WxCpConfigStorage wxCpConfigStorage(WeComProperties p, ObjectProvider<RedissonClient> redisson, Clock clock) {
        RedissonClient client = redisson.getIfAvailable();
        // Redis keeps one access token for all instances in production (with a copy in each, for when Redis is away);
        // in-process otherwise
        WxCpDefaultConfigImpl config =
                client != null ? new FallbackTokenConfig(client, "sanshe:wecom", clock) : new WxCpDefaultConfigImpl();
        config.setCorpId(p.corpId()); // before setAgentId: the Redis keys are built there
        config.setCorpSecret(p.secret());
        config.setAgentId(p.agentId());
        config.setToken(p.token());
        config.setAesKey(p.aesKey());
        config.setBaseApiUrl(trimSlash(p.apiBaseUrl().toString()));
        return config;
    }

    @Bean
    WxCpService wxCpService(WxCpConfigStorage storage) {
        // one request per call: every retry is the outbox's (backoff, attempt count, record), none inside the library
        WxCpServiceImpl service = new OneAttemptWxCpService();
        service.setWxCpConfigStorage(storage);
        return service;
    }

    @Bean
    DeliveryPlanner deliveryPlanner() {
        return new DeliveryPlanner();
    }

    @Bean
    WeComSender weComSender(WxCpService wxCpService, WeComProperties p, ObjectProvider<Inbox> inbox, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new WeComSender(
                wxCpService,
                p.agentId() == null ? 0 : p.agentId(),
                p.apiBaseUrl(),
                http,
                new CustomerGroupLookup(wxCpService, inbox::getObject, clock));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
