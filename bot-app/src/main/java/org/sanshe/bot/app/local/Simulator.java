package org.sanshe.bot.app.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.wecom.callback.CallbackCipher;
import org.sanshe.bot.wecom.callback.CallbackRoutes;
import org.sanshe.bot.wecom.config.WeComProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The simulator page of the embedded default: a person picks a demo group (or a private chat) and a member, and types.
 * Each message is sent the way WeCom would send it — encrypted, signed, over HTTP to this service's own callback URL
 * (an AI-bot group @-message, or an app private message) — so the whole pipeline runs; the bot's answers come back
 * through the fake WeCom and show in the page. In a customer group, where no bot can listen, what a member says goes
 * into the in-memory chat archive instead (会话内容存档), which the archive feed reads like WeCom's.
 */
final class Simulator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MybatisGroups groups;
    private final GroupTypes types;
    private final WeComProperties wecom;
    private final Transcript transcript;
    private final ObjectMapper json;
    private final Environment env;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final CallbackCipher aibotCipher;
    private final CallbackCipher appCipher;
    private final LocalArchiveSource archive;
    private final DemoCustomerMembers customers;

    Simulator(
            MybatisGroups groups,
            GroupTypes types,
            WeComProperties wecom,
            Transcript transcript,
            ObjectMapper json,
            Environment env,
            Clock clock,
            LocalArchiveSource archive,
            DemoCustomerMembers customers) {
        this.customers = customers;
        this.groups = groups;
        this.archive = archive;
        this.types = types;
        this.wecom = wecom;
        this.transcript = transcript;
        this.json = json;
        this.env = env;
        this.clock = clock;
        this.aibotCipher =
                new CallbackCipher(wecom.aibot().token(), wecom.aibot().aesKey(), "");
        this.appCipher = new CallbackCipher(wecom.token(), wecom.aesKey(), wecom.corpId());
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(
                        "/",
                        r -> ServerResponse.temporaryRedirect(URI.create("/simulator"))
                                .build())
                .GET(
                        "/simulator",
                        r -> ServerResponse.ok()
                                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                .bodyValue(new ClassPathResource("simulator/index.html")))
                .GET("/simulator/api/community", this::community)
                .GET(
                        "/simulator/api/transcript",
                        r -> ServerResponse.ok()
                                .bodyValue(transcript.after(Long.parseLong(r.queryParam("after")
                                        .filter(s -> s.matches("\\d{1,18}"))
                                        .orElse("0")))))
                .POST("/simulator/api/send", this::send)
                .POST("/simulator/api/click", this::click)
                .POST("/simulator/api/archive", this::archive)
                .POST("/simulator/api/join", this::join)
                .POST("/simulator/api/nickname", this::rename)
                .build();
    }

    private Mono<ServerResponse> community(ServerRequest r) {
        return Mono.fromCallable(() -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    var registered = groups.all();
                    body.put(
                            "groups",
                            registered.stream()
                                    .map(g -> Map.of(
                                            "chatId", g.chat().value(),
                                            "name", g.name(),
                                            "type", types.chineseNameOf(g.typeCode()),
                                            "channel", g.channel().name()))
                                    .toList());
                    var known = registered.stream().map(g -> g.chat().value()).toList();
                    body.put(
                            "unregisteredInternal",
                            known.contains(DemoCommunity.UNREGISTERED_INTERNAL_GROUP)
                                    ? List.of()
                                    : List.of(DemoCommunity.UNREGISTERED_INTERNAL_GROUP));
                    body.put(
                            "unregisteredCustomer",
                            DemoCommunity.CUSTOMER_GROUPS.stream()
                                    .filter(c -> !known.contains(c.chatId()))
                                    .map(c -> Map.of("chatId", c.chatId(), "name", c.name()))
                                    .toList());
                    body.put(
                            "members",
                            DemoCommunity.MEMBERS.stream()
                                    .map(m -> Map.of("userId", m.userId(), "name", m.displayName()))
                                    .toList());
                    // the WeChat users of the demo customer group: they can only be heard through the chat archive
                    body.put(
                            "customerMembers",
                            DemoCommunity.CUSTOMER_GROUPS.stream()
                                    .flatMap(g -> g.members().stream())
                                    .filter(m -> m.type() == 2)
                                    .map(m -> Map.of("userId", m.userId(), "name", m.groupNickname()))
                                    .toList());
                    return body;
                })
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(b -> ServerResponse.ok().bodyValue(b));
    }

    /** Body: {@code {"chat": "<chat id>" or "private", "user": "<userid>", "text": "…"}}. */
    private Mono<ServerResponse> send(ServerRequest r) {
        return r.bodyToMono(Map.class).flatMap(body -> {
            String chat = String.valueOf(body.getOrDefault("chat", ""));
            String user = String.valueOf(body.getOrDefault("user", ""));
            String text = String.valueOf(body.getOrDefault("text", ""));
            if (user.isBlank() || text.isBlank() || text.length() > 2000 || chat.isBlank()) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "请选择群和成员，并输入 1–2000 字的消息"));
            }
            boolean privately = "private".equals(chat);
            // the registry is read off the event loop (a cache miss asks the database)
            return Mono.fromCallable(() -> !privately
                            && groups.findByChat(org.sanshe.bot.core.chat.ChatId.of(chat))
                                    .filter(g -> g.channel() == org.sanshe.bot.core.chat.Channel.CUSTOMER)
                                    .isPresent())
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .flatMap(customer -> customer
                            ? ServerResponse.badRequest()
                                    .bodyValue(Map.of(
                                            "error", "客户群里没有机器人（企业微信不允许）：请在私聊中先 /切换 到这个群再操作；" + "群里说的话机器人只能经会话存档读到"))
                            : deliver(privately, chat, user, text));
        });
    }

    /**
     * Body: {@code {"chat": "<chat id>", "user": "<userid>", "text": "…"}}: said in a group where the bot cannot
     * listen. The words go into the chat archive as WeCom records them (a documented-format record), to be read by the
     * archive feed within {@code bot.archive.poll-interval}: a crisis reaches the social workers privately, and nothing
     * is ever said in the group. The feed reads registered customer groups only; {@code readByBot} says whether this
     * one is.
     */
    private Mono<ServerResponse> archive(ServerRequest r) {
        return r.bodyToMono(Map.class).flatMap(body -> {
            String chat = String.valueOf(body.getOrDefault("chat", ""));
            String user = String.valueOf(body.getOrDefault("user", ""));
            String text = String.valueOf(body.getOrDefault("text", ""));
            if (!chat.matches("[A-Za-z0-9_@.-]{1,128}")
                    || !user.matches("[A-Za-z0-9_.@-]{1,64}")
                    || text.isBlank()
                    || text.length() > 2000) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "请选择群和成员，并输入 1–2000 字的消息"));
            }
            // the registry is read off the event loop (a cache miss asks the database)
            return Mono.fromCallable(() -> {
                        boolean read = groups.findByChat(org.sanshe.bot.core.chat.ChatId.of(chat))
                                .filter(g -> g.channel() == org.sanshe.bot.core.chat.Channel.CUSTOMER)
                                .isPresent();
                        long seq = archive.appendGroupText(chat, user, text).seq();
                        transcript.add("user", chat, user, text);
                        return Map.of("archived", true, "seq", seq, "readByBot", read);
                    })
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .flatMap(b -> ServerResponse.ok().bodyValue(b));
        });
    }

    /**
     * Body: {@code {"chat": "<demo customer group>", "user": "<userid>", "name": "…", "nickname": "…"}}: a WeChat user
     * joins the demo customer group with that group nickname. The fake WeCom lists them from now on, and WeCom's
     * {@code change_external_chat} add_member event is posted to this service, which reads the group a moment later
     * and checks the nicknames (the digest goes to the group's secretary privately).
     */
    private Mono<ServerResponse> join(ServerRequest r) {
        return r.bodyToMono(Map.class).flatMap(body -> {
            String chat = String.valueOf(body.getOrDefault("chat", ""));
            String user = String.valueOf(body.getOrDefault("user", ""));
            String name = String.valueOf(body.getOrDefault("name", user));
            String nickname = String.valueOf(body.getOrDefault("nickname", ""));
            if (!user.matches("[A-Za-z0-9_.@-]{1,64}") || name.length() > 64 || nickname.length() > 64) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "请填写账号（字母数字）、名字和群昵称（各 64 字以内）"));
            }
            if (!customers.put(chat, new DemoCommunity.DemoCustomerMember(user, 2, name, nickname))) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "只有演示客户群可以模拟入群：" + chatIds()));
            }
            transcript.add("user", chat, user, "（" + (nickname.isBlank() ? name : nickname) + " 加入了群聊）");
            String xml = "<xml><ToUserName><![CDATA[" + wecom.corpId() + "]]></ToUserName><FromUserName><![CDATA[sys]]>"
                    + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>"
                    + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
                    + "<ChatId><![CDATA[" + chat + "]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>"
                    + "<UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>3</JoinScene>"
                    + "<MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[" + user + "]]></Item>"
                    + "</MemChangeList><LastMemVer>" + RANDOM.nextInt(1_000_000) + "</LastMemVer><CurMemVer>"
                    + RANDOM.nextInt(1_000_000) + "</CurMemVer></xml>";
            return post(true, xml);
        });
    }

    /**
     * Body: {@code {"chat": "…", "user": "…", "nickname": "…"}}: a member changes their group nickname. WeCom sends no
     * event for that: the service sees it on its next poll of the group, or at once after {@code /昵称 检查}.
     */
    private Mono<ServerResponse> rename(ServerRequest r) {
        return r.bodyToMono(Map.class).flatMap(body -> {
            String chat = String.valueOf(body.getOrDefault("chat", ""));
            String user = String.valueOf(body.getOrDefault("user", ""));
            String nickname = String.valueOf(body.getOrDefault("nickname", ""));
            if (nickname.length() > 64) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "群昵称最多 64 字"));
            }
            var renamed = customers.rename(chat, user, nickname);
            if (renamed.isEmpty()) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "这个群里没有这位成员：" + chatIds()));
            }
            transcript.add("user", chat, user, "（把群昵称改为“" + nickname + "”）");
            return ServerResponse.ok().bodyValue(Map.of("renamed", true));
        });
    }

    private static String chatIds() {
        return String.join(
                "、", DemoCommunity.CUSTOMER_GROUPS.stream().map(c -> c.chatId()).toList());
    }

    /** What the card buttons say, by the key their clicks carry (WeComSender's buttons). */
    private static final Map<String, String> BUTTONS =
            Map.of("ack", "接手", "handover", "转交", "raise", "升为紧急", "useful", "有用", "falsealarm", "误报");

    /** Body: {@code {"user": "<userid>", "taskId": "…", "key": "ack"}}: a card button pressed, as WeCom reports it. */
    private Mono<ServerResponse> click(ServerRequest r) {
        return r.bodyToMono(Map.class).flatMap(body -> {
            String user = String.valueOf(body.getOrDefault("user", ""));
            String task = String.valueOf(body.getOrDefault("taskId", ""));
            String key = String.valueOf(body.getOrDefault("key", ""));
            if (!user.matches("[A-Za-z0-9_.@-]{1,64}")
                    || !task.matches("[0-9A-Za-z_@-]{1,128}")
                    || !key.matches("[a-z]{1,20}")) {
                return ServerResponse.badRequest().bodyValue(Map.of("error", "按钮参数不对"));
            }
            String xml = "<xml><ToUserName><![CDATA[" + wecom.corpId() + "]]></ToUserName><FromUserName><![CDATA["
                    + user + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                    + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                    + "<EventKey><![CDATA[" + key + "]]></EventKey><TaskId><![CDATA[" + task + "]]></TaskId>"
                    + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[sim-rc-"
                    + UUID.randomUUID()
                    + "]]></ResponseCode><AgentID>" + wecom.agentId() + "</AgentID></xml>";
            transcript.add("user", "private:" + user, user, "（点击了“" + BUTTONS.getOrDefault(key, key) + "”）");
            return post(true, xml);
        });
    }

    /** Sends the message the way WeCom would: encrypted, signed, to this service's own callback URL. */
    private Mono<ServerResponse> deliver(boolean privately, String chat, String user, String text) {
        transcript.add("user", privately ? "private:" + user : chat, user, text);
        String plaintext = privately ? appXml(user, text) : aibotJson(chat, user, text);
        return post(privately, plaintext);
    }

    /** Encrypts, signs and posts a plaintext to this service's own callback URL, as WeCom would. */
    private Mono<ServerResponse> post(boolean privately, String plaintext) {
        CallbackCipher cipher = privately ? appCipher : aibotCipher;
        String path = privately ? CallbackRoutes.APP_PATH : CallbackRoutes.AIBOT_PATH;
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE);
        String encrypted = cipher.seal(random16(), plaintext);
        String envelope = privately
                ? "<xml><ToUserName><![CDATA[" + wecom.corpId() + "]]></ToUserName><AgentID><![CDATA[" + wecom.agentId()
                        + "]]></AgentID><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>"
                : json.createObjectNode().put("encrypt", encrypted).toString();
        URI uri = URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path + "?msg_signature="
                + cipher.sign(ts, nonce, encrypted) + "&timestamp=" + ts + "&nonce=" + nonce);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", privately ? "text/xml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        return Mono.fromFuture(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .flatMap(resp -> ServerResponse.ok().bodyValue(Map.of("callbackStatus", resp.statusCode())));
    }

    private String aibotJson(String chat, String user, String text) {
        String code = UUID.randomUUID().toString().replace("-", "");
        transcript.expectResponse(code, chat, user);
        ObjectNode m = json.createObjectNode();
        m.put("msgid", "sim-" + UUID.randomUUID());
        m.put("aibotid", "SIMULATOR_BOT");
        m.put("chatid", chat);
        m.put("chattype", "group");
        m.putObject("from").put("userid", user);
        m.put(
                "response_url",
                wecom.apiBaseUrl() + "/cgi-bin/aibot/response?response_code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8));
        m.put("msgtype", "text");
        m.putObject("text").put("content", "@三社助手 " + text);
        return m.toString();
    }

    private String appXml(String user, String text) {
        return "<xml><ToUserName><![CDATA[" + wecom.corpId() + "]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + text.replace("]]>", "]]]]><![CDATA[>") + "]]></Content><MsgId>"
                + (RANDOM.nextLong() & Long.MAX_VALUE) + "</MsgId><AgentID>" + wecom.agentId() + "</AgentID></xml>";
    }

    private static String random16() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
