package org.sanshe.bot.wecom.callback;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.sanshe.bot.wecom.translate.AiBotTranslator;
import org.sanshe.bot.wecom.translate.AppTranslator;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Both callback endpoints wired as production wires them, without a Spring context: a fixed clock, in-memory fakes for
 * the inbox and the idempotency store, the real translators and envelopes.
 */
final class CallbackHarness {
    static final String WELCOME = "欢迎";
    static final int MAX_BODY = 65536;

    final FakeInbox inbox = new FakeInbox();
    final FakeIdempotencyStore idempotency = new FakeIdempotencyStore();
    final FakeSpool spool = new FakeSpool();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The Content-Length the server saw on the last request (-1: none). */
    final AtomicLong lastContentLength = new AtomicLong(Long.MIN_VALUE);

    final CallbackCipher appCipher;
    final CallbackCipher aibotCipher;
    final WebTestClient client;

    CallbackHarness(CallbackCipher appCipher, CallbackCipher aibotCipher, Instant now) {
        this(appCipher, aibotCipher, now, Schedulers.immediate());
    }

    CallbackHarness(CallbackCipher appCipher, CallbackCipher aibotCipher, Instant now, Scheduler blocking) {
        this.appCipher = appCipher;
        this.aibotCipher = aibotCipher;
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var app = new CallbackEndpoint(
                "app",
                appCipher,
                Envelopes::appEncrypt,
                new AppTranslator()::ingest,
                Envelopes::appReply,
                inbox,
                spool,
                idempotency,
                clock,
                Duration.ofMinutes(5),
                MAX_BODY,
                blocking,
                meters);
        var aibot = new CallbackEndpoint(
                "aibot",
                aibotCipher,
                Envelopes::aibotEncrypt,
                new AiBotTranslator(WELCOME)::ingest,
                Envelopes::aibotReply,
                inbox,
                spool,
                idempotency,
                clock,
                Duration.ofMinutes(5),
                MAX_BODY,
                blocking,
                meters);
        this.client = WebTestClient.bindToRouterFunction(CallbackRoutes.of(app, aibot))
                .webFilter((exchange, chain) -> {
                    lastContentLength.set(exchange.getRequest().getHeaders().getContentLength());
                    return chain.filter(exchange);
                })
                .build();
    }

    double count(String receiver, String stage, String outcome) {
        return meters.counter("bot.callback", "receiver", receiver, "stage", stage, "outcome", outcome)
                .count();
    }

    /** A query string as WeCom sends it: every value URL-encoded. */
    static URI uri(String path, String signature, String timestamp, String nonce) {
        return URI.create(
                path + "?msg_signature=" + enc(signature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce));
    }

    static URI verifyUri(String path, String signature, String timestamp, String nonce, String echostr) {
        return URI.create(uri(path, signature, timestamp, nonce) + "&echostr=" + enc(echostr));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A message we encrypted and signed ourselves, in its envelope. */
    record Signed(String signature, String timestamp, String nonce, String encrypt, String body) {
        URI uri(String path) {
            return CallbackHarness.uri(path, signature, timestamp, nonce);
        }
    }

    static Signed app(CallbackCipher cipher, String plaintext, long timestamp) {
        String encrypt = cipher.seal("abcdefghijklmnop", plaintext);
        String ts = Long.toString(timestamp);
        String nonce = "5551234";
        return new Signed(
                cipher.sign(ts, nonce, encrypt),
                ts,
                nonce,
                encrypt,
                "<xml><ToUserName><![CDATA[corp]]></ToUserName><Encrypt><![CDATA[" + encrypt
                        + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>");
    }

    static Signed aibot(CallbackCipher cipher, String plaintext, long timestamp) {
        String encrypt = cipher.seal("abcdefghijklmnop", plaintext);
        String ts = Long.toString(timestamp);
        String nonce = "7771234";
        return new Signed(cipher.sign(ts, nonce, encrypt), ts, nonce, encrypt, "{\"encrypt\":\"" + encrypt + "\"}");
    }
}
