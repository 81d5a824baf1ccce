package org.sanshe.bot.wecom.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The load test's ceiling (docs/PERFORMANCE.md, issue 6): the first half of a callback and nothing else. It reads the
 * body, takes the ciphertext out of the receiver's envelope, checks the signature and the timestamp window and
 * decrypts with the same {@link CallbackCipher} and {@link Envelopes} as {@link CallbackEndpoint}, then answers 200
 * with an empty body. No translation, no inbox, no Redis, no log line per request: what the HTTP stack and the crypto
 * allow on the machine. Bad signature or stale timestamp: 403; malformed: 400; too large: 413, as on the real paths.
 * Off unless {@code bot.load.ceiling-endpoint=true}.
 */
public final class CeilingEndpoint {
    public static final String APP_PATH = "/load/ceiling/app";
    public static final String AIBOT_PATH = "/load/ceiling/aibot";

    private final CallbackCipher cipher;
    private final Function<String, String> envelope;
    private final Clock clock;
    private final long maxSkewSeconds;
    private final int maxBody;

    public CeilingEndpoint(
            CallbackCipher cipher, Function<String, String> envelope, Clock clock, Duration maxSkew, int maxBody) {
        this.cipher = cipher;
        this.envelope = envelope;
        this.clock = clock;
        this.maxSkewSeconds = maxSkew.toSeconds();
        this.maxBody = maxBody;
    }

    public static RouterFunction<ServerResponse> routes(CeilingEndpoint app, CeilingEndpoint aibot) {
        return RouterFunctions.route()
                .POST(APP_PATH, app::receive)
                .POST(AIBOT_PATH, aibot::receive)
                .build();
    }

    public Mono<ServerResponse> receive(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > maxBody) {
            return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        var p = CallbackEndpoint.Params.of(request);
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBody)
                .map(CeilingEndpoint::text)
                .defaultIfEmpty("")
                .flatMap(body -> answer(p, body))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).build());
    }

    private Mono<ServerResponse> answer(CallbackEndpoint.Params p, String body) {
        String encrypted;
        try {
            encrypted = envelope.apply(body);
        } catch (BadCallbackException e) {
            return ServerResponse.badRequest().build();
        }
        if (!cipher.signatureMatches(p.signature(), p.timestamp(), p.nonce(), encrypted) || !fresh(p.timestamp())) {
            return ServerResponse.status(HttpStatus.FORBIDDEN).build();
        }
        try {
            cipher.open(encrypted);
        } catch (BadCallbackException e) {
            return ServerResponse.badRequest().build();
        }
        return ServerResponse.ok().build();
    }

    private boolean fresh(String timestamp) {
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        return ts >= now - maxSkewSeconds && ts <= now + maxSkewSeconds;
    }

    private static String text(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
