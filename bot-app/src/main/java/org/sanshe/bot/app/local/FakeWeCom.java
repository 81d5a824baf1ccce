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

    private final DemoCustomerMembers customers;

    FakeWeCom(Transcript transcript, ObjectMapper json, DemoCustomerMembers customers) {
        this.transcript = transcript;
        this.json = json;
        this.customers = customers;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(
                        BASE + "/gettoken",
                        r -> ok(Map.of(
                                "errcode", 0, "errmsg", "ok", "access_token", "LOCAL_FAKE_TOKEN", "expires_in", 7200)))
                .POST(BASE + "/message/send", this::messageSend)
                .POST(BASE + "/aibot/response", this::aibotResponse)
                .POST(BASE + "/externalcontact/groupchat/get", this::customerGroup)
                .POST(BASE + "/message/update_template_card", this::updateCard)
                .POST(BASE + "/externalcontact/add_msg_template", this::groupSendDraft)
                .route(r -> r.path().startsWith(BASE), r -> ok(Map.of("errcode", 48002, "errmsg", "not faked")))
                .build();
    }

    private Mono<ServerResponse> messageSend(ServerRequest r) {
        return r.bodyToMono(String.class).flatMap(body -> {
            JsonNode m = read(body);
            boolean card = "template_card".equals(m.path("msgtype").asText());
            String text = card
                    ? m.path("template_card").path("main_title").path("title").asText("") + "\n"
                            + m.path("template_card").path("sub_title_text").asText("")
                    : m.path("text")
                            .path("content")
                            .asText(m.path("markdown").path("content").asText(""));
            String task = card ? m.path("template_card").path("task_id").asText("") : "";
            for (String user : m.path("touser").asText("").split("\\|")) {
                if (!user.isBlank()) {
                    transcript.add("private", "private:" + user, user, text, task);
                }
            }
            return ok(Map.of(
                    "errcode",
                    0,
                    "errmsg",
                    "ok",
                    "msgid",
                    "fake-" + ids.incrementAndGet(),
                    "response_code",
                    "fake-rc-" + ids.incrementAndGet()));
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

    /** A card's button changed for the members who clicked it: shown as a line in their private chat. */
    private Mono<ServerResponse> updateCard(ServerRequest r) {
        return r.bodyToMono(String.class).flatMap(body -> {
            JsonNode m = read(body);
            String label = m.path("button").path("replace_name").asText("");
            for (JsonNode user : m.path("userids")) {
                transcript.add("private", "private:" + user.asText(), user.asText(), "（卡片按钮已变为“" + label + "”）");
            }
            return ok(Map.of("errcode", 0, "errmsg", "ok"));
        });
    }

    /** add_msg_template: shown as the draft the group owner would be asked to confirm. */
    private Mono<ServerResponse> groupSendDraft(ServerRequest r) {
        return r.bodyToMono(String.class).flatMap(body -> {
            JsonNode m = read(body);
            String sender = m.path("sender").asText("");
            for (JsonNode chat : m.path("chat_id_list")) {
                transcript.add(
                        "private",
                        "private:" + sender,
                        sender,
                        "（群发草稿，待群主确认后发到群 " + chat.asText() + "）\n"
                                + m.path("text").path("content").asText(""));
            }
            return ok(Map.of(
                    "errcode",
                    0,
                    "errmsg",
                    "ok",
                    "fail_list",
                    java.util.List.of(),
                    "msgid",
                    "draft-" + ids.incrementAndGet()));
        });
    }

    /** groupchat/get for the demo customer groups; any other chat id is answered as WeCom answers an unknown group. */
    private Mono<ServerResponse> customerGroup(ServerRequest r) {
        return r.bodyToMono(String.class).flatMap(body -> {
            String chat = read(body).path("chat_id").asText("");
            var group = DemoCommunity.CUSTOMER_GROUPS.stream()
                    .filter(g -> g.chatId().equals(chat))
                    .findFirst();
            if (group.isEmpty()) {
                return ok(Map.of("errcode", 86003, "errmsg", "chat not exist"));
            }
            var g = group.get();
            var members = customers.of(chat).orElse(g.members()).stream()
                    .map(m -> Map.<String, Object>of(
                            "userid", m.userId(),
                            "type", m.type(),
                            "join_time", 1_700_000_000,
                            "join_scene", 1,
                            "group_nickname", m.groupNickname(),
                            "name", m.name()))
                    .toList();
            Map<String, Object> chatBody = new java.util.LinkedHashMap<>();
            chatBody.put("chat_id", g.chatId());
            chatBody.put("name", g.name());
            chatBody.put("owner", g.owner());
            chatBody.put("create_time", 1_700_000_000);
            chatBody.put("notice", "");
            chatBody.put("member_list", members);
            chatBody.put("admin_list", java.util.List.of());
            chatBody.put("member_version", "demo-1");
            return ok(Map.of("errcode", 0, "errmsg", "ok", "group_chat", chatBody));
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
