package org.sanshe.bot.app.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The built-in fake WeCom API of the embedded default, served under {@code /fake-wecom} on the service's own port and
 * used when no {@code bot.wecom.api-base-url} is set: the real weixin-java-cp client and the real response_url POST talk
 * to it over HTTP, and what it receives appears in the simulator. It answers like WeCom for the calls the service makes.
 */
final class FakeWeCom {
    static final String BASE = "/fake-wecom/cgi-bin";
    private final Transcript transcript;
    private final ObjectMapper json;
    private final AtomicLong ids = new AtomicLong();

    FakeWeCom(Transcript transcript, ObjectMapper json) {
        this.transcript = transcript;
        this.json = json;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(
                        BASE + "/gettoken",
                        r -> ok(Map.of(
                                "errcode", 0, "errmsg", "ok", "access_token", "LOCAL_FAKE_TOKEN", "expires_in", 7200)))
                .POST(BASE + "/message/send", this::messageSend)
                .POST(BASE + "/aibot/response", this::aibotResponse)
                .route(r -> r.path().startsWith(BASE), r -> ok(Map.of("errcode", 48002, "errmsg", "not faked")))
                .build();
    }

    private Mono<ServerResponse> messageSend(ServerRequest r) {
        return r.bodyToMono(String.class).flatMap(body -> {
            JsonNode m = read(body);
            String text = m.path("text")
                    .path("content")
                    .asText(m.path("markdown").path("content").asText(""));
            for (String user : m.path("touser").asText("").split("\\|")) {
                if (!user.isBlank()) {
                    transcript.add("private", "private:" + user, user, text);
                }
            }
            return ok(Map.of("errcode", 0, "errmsg", "ok", "msgid", "fake-" + ids.incrementAndGet()));
        });
    }

    private Mono<ServerResponse> aibotResponse(ServerRequest r) {
        String code = r.queryParam("response_code").orElse("");
        return r.bodyToMono(String.class).flatMap(body -> {
            JsonNode m = read(body);
            String text = m.path("markdown")
                    .path("content")
                    .asText(m.path("text").path("content").asText(""));
            if (!transcript.respond(code, text)) {
                return ok(Map.of("errcode", 600039, "errmsg", "response_code invalid or used"));
            }
            return ok(Map.of("errcode", 0, "errmsg", "ok"));
        });
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static Mono<ServerResponse> ok(Map<String, Object> body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
