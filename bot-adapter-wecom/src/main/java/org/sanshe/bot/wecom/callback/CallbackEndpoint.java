package org.sanshe.bot.wecom.callback;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.sanshe.bot.core.pipeline.IdempotencyStore;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.core.pipeline.Spool;
import org.sanshe.bot.core.pipeline.SpoolUnavailableException;
import org.sanshe.bot.wecom.translate.Ingest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One WeCom callback receiver (the app, or the AI bot): verify → decrypt → translate → store in the inbox → ack. Bad
 * signature or stale timestamp: 403 with an empty body; malformed: 400; too large: 413. When the inbox cannot take the
 * entry it goes to the spool on this instance's disk and is acknowledged once forced there ("spooled"); while the spool
 * is diverting (it holds entries, or the inbox failed and the replayer has not found it back) entries go straight to it,
 * which keeps a chat's order and spares each callback the inbox's wait. Only when the spool fails too: 503, so that
 * WeCom delivers again. Nothing here calls WeCom, and the only blocking call (the inbox) runs on a bounded scheduler.
 * No decrypted body, personal data or secret is logged: only the receiver, the outcome and the dedup key.
 */
public final class CallbackEndpoint {
    private static final Logger log = LoggerFactory.getLogger(CallbackEndpoint.class);
    private static final Duration REMEMBER = Duration.ofDays(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final CallbackCipher cipher;
    private final Function<String, String> envelope;
    private final BiFunction<String, Instant, Ingest> translator;
    private final Function<Sealed, String> passiveReplyEnvelope;
    private final Inbox inbox;
    private final Spool spool;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Duration maxSkew;
    private final int maxBody;
    private final Scheduler blocking;
    private final MeterRegistry meters;

    public CallbackEndpoint(
            String name,
            CallbackCipher cipher,
            Function<String, String> envelope,
            BiFunction<String, Instant, Ingest> translator,
            Function<Sealed, String> passiveReplyEnvelope,
            Inbox inbox,
            Spool spool,
            IdempotencyStore idempotency,
            Clock clock,
            Duration maxSkew,
            int maxBody,
            Scheduler blocking,
            MeterRegistry meters) {
        this.name = name;
        this.cipher = cipher;
        this.envelope = envelope;
        this.translator = translator;
        this.passiveReplyEnvelope = passiveReplyEnvelope;
        this.inbox = inbox;
        this.spool = spool;
        this.idempotency = idempotency;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.maxBody = maxBody;
        this.blocking = blocking;
        this.meters = meters;
    }

    /** URL verification: answer the decrypted echostr, nothing else (WECOM.md §1.1). */
    public Mono<ServerResponse> verifyUrl(ServerRequest request) {
        Params p = Params.of(request);
        String echo = p.echostr();
        if (!authentic(p, echo)) {
            return forbidden("verify");
        }
        String plain;
        try {
            plain = cipher.open(echo);
        } catch (BadCallbackException e) {
            return bad("verify", e);
        }
        count("verify", "ok");
        return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(plain);
    }

    public Mono<ServerResponse> receive(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBody) {
            return tooLarge();
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBody)
                .map(CallbackEndpoint::text)
                .defaultIfEmpty("")
                .flatMap(body -> handle(Params.of(request), body))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge());
    }

    private Mono<ServerResponse> handle(Params p, String body) {
        String encrypted;
        try {
            encrypted = envelope.apply(body);
        } catch (BadCallbackException e) {
            return bad("envelope", e);
        }
        if (!authentic(p, encrypted)) {
            return forbidden("message");
        }
        Instant now = clock.instant();
        Ingest ingest;
        try {
            ingest = translator.apply(cipher.open(encrypted), now);
        } catch (BadCallbackException e) {
            return bad("message", e);
        }
        if (ingest instanceof Ingest.Ignore ignore) {
            count("message", "ignored");
            log.debug("{} callback ignored: {}", name, ignore.reason());
            return ServerResponse.ok().build();
        }
        if (ingest instanceof Ingest.PassiveReply reply) {
            count("message", "passive-reply");
            String envelopeBody = passiveReplyEnvelope.apply(sealReply(reply.plaintext(), p.nonce(), now));
            return ServerResponse.ok()
                    .contentType(envelopeBody.startsWith("<") ? MediaType.TEXT_XML : MediaType.APPLICATION_JSON)
                    .bodyValue(envelopeBody);
        }
        var entry = ((Ingest.Store) ingest).entry();
        return store(entry).flatMap(outcome -> {
            count("message", outcome);
            if ("unavailable".equals(outcome)) {
                return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            return ServerResponse.ok().build();
        });
    }

    /**
     * The in-process memory of stored keys first (a retry of a stored event is answered without the database), then the
     * inbox, or the spool while it diverts. The inbox answers asynchronously: no thread waits for the database. The
     * spool writes a file, so it runs on the bounded scheduler, which also protects the event loop from an
     * implementation whose async methods are really blocking.
     */
    private Mono<String> store(InboxEntry entry) {
        String key = entry.dedupKey();
        return Mono.fromCallable(() -> idempotency.seen(key))
                .flatMap(seen -> {
                    if (seen) {
                        return Mono.just("duplicate");
                    }
                    if (spool.diverting()) {
                        return Mono.fromCallable(() -> spool(entry)).subscribeOn(blocking);
                    }
                    return Mono.fromFuture(() -> inbox.acceptAsync(entry))
                            .map(fresh -> {
                                idempotency.remember(key, REMEMBER);
                                log.debug("{} {} {}", name, fresh ? "stored" : "duplicate", key);
                                return fresh ? "stored" : "duplicate";
                            })
                            .onErrorResume(InboxUnavailableException.class, e -> {
                                if (spool.inboxDown()) {
                                    // once per outage: the spool's replayer says when it is over
                                    log.warn(
                                            "{} inbox unavailable ({}): callbacks are kept in the spool until it is back",
                                            name,
                                            e.getMessage());
                                }
                                return Mono.fromCallable(() -> spool(entry)).subscribeOn(blocking);
                            });
                })
                .subscribeOn(blocking);
    }

    /** Appends to the spool (forced to disk): "spooled", or "unavailable" when even that failed. */
    private String spool(InboxEntry entry) {
        try {
            spool.append(entry);
        } catch (SpoolUnavailableException e) {
            log.warn("{} {} not stored, inbox and spool unavailable: {}", name, entry.dedupKey(), e.getMessage());
            return "unavailable";
        }
        idempotency.remember(entry.dedupKey(), REMEMBER);
        log.debug("{} spooled {}", name, entry.dedupKey());
        return "spooled";
    }

    /** The passive reply as the AI bot expects it: our own timestamp, the callback's nonce (WECOM.md §1.8). */
    private Sealed sealReply(String plaintext, String nonce, Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String encrypted = cipher.seal(HexFormat.of().formatHex(random), plaintext);
        String ts = Long.toString(now.getEpochSecond());
        return new Sealed(encrypted, cipher.sign(ts, nonce, encrypted), ts, nonce);
    }

    /** An encrypted passive reply, ready to be put in the receiver's envelope. */
    public record Sealed(String encrypt, String signature, String timestamp, String nonce) {}

    private boolean authentic(Params p, String encrypted) {
        if (!cipher.signatureMatches(p.signature(), p.timestamp(), p.nonce(), encrypted)) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(p.timestamp());
        } catch (NumberFormatException e) {
            return false;
        }
        // a window around now, not |now - ts|: that difference overflows for a timestamp near Long.MIN_VALUE, and
        // Math.abs(Long.MIN_VALUE) is negative, which would let a signed replay with such a timestamp through
        long now = clock.instant().getEpochSecond();
        return ts >= now - maxSkew.toSeconds() && ts <= now + maxSkew.toSeconds();
    }

    private Mono<ServerResponse> forbidden(String stage) {
        count(stage, "forbidden");
        log.warn("{} {} refused: bad signature or timestamp", name, stage);
        return ServerResponse.status(HttpStatus.FORBIDDEN).build();
    }

    private Mono<ServerResponse> bad(String stage, BadCallbackException e) {
        count(stage, "malformed");
        log.warn("{} {} refused: {}", name, stage, e.getMessage());
        return ServerResponse.badRequest().build();
    }

    private Mono<ServerResponse> tooLarge() {
        count("message", "too-large");
        log.warn("{} callback refused: body over {} bytes", name, maxBody);
        return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
    }

    private void count(String stage, String outcome) {
        meters.counter("bot.callback", "receiver", name, "stage", stage, "outcome", outcome)
                .increment();
    }

    private static String text(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The query parameters WeCom signs. Base64 never holds a space, so a '+' decoded to ' ' is put back. */
    record Params(String signature, String timestamp, String nonce, String echostr) {
        static Params of(ServerRequest r) {
            return new Params(
                    plus(r.queryParam("msg_signature")),
                    plus(r.queryParam("timestamp")),
                    plus(r.queryParam("nonce")),
                    plus(r.queryParam("echostr")));
        }

        private static String plus(Optional<String> v) {
            return v.map(s -> s.replace(' ', '+')).orElse("");
        }
    }
}
