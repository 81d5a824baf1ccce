package org.sanshe.bot.wecom.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.OutboxMessage;

/** The sender through the real weixin-java-cp client (and the JDK HttpClient) against a fake WeCom. */
class WeComSenderTest {
    private static final String SEND = "/cgi-bin/message/send";
    private static final String RESPONSE = "/cgi-bin/aibot/response";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWeCom wecom;
    private WeComSender sender;

    @BeforeEach
    void start() throws Exception {
        wecom = new FakeWeCom();
        sender = senderFor(wecom.base());
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private static WeComSender senderFor(String base) {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId("ww1436e0e65a779aee");
        config.setCorpSecret("app-secret");
        config.setAgentId(1000002);
        config.setBaseApiUrl(base);
        WxCpServiceImpl service = new OneAttemptWxCpService();
        service.setWxCpConfigStorage(config);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        org.sanshe.bot.core.pipeline.Inbox noInbox = entry -> {
            throw new AssertionError("no look-up expected here");
        };
        return new WeComSender(
                service,
                1000002,
                URI.create(base),
                http,
                new org.sanshe.bot.wecom.customer.CustomerGroupLookup(
                        service, () -> noInbox, java.time.Clock.systemUTC()),
                Duration.ofMillis(300));
    }

    private static OutboxMessage appText(String to, String body) {
        return new OutboxMessage(DeliveryPlanner.APP_TEXT, to, body);
    }

    private OutboxMessage aibotResponse(String body) {
        return new OutboxMessage(DeliveryPlanner.AIBOT_RESPONSE, wecom.base() + RESPONSE + "?response_code=x", body);
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    // ---- app text through message/send ----

    @Test
    void sendsAnAppTextWithDuplicateCheckAndReturnsTheMsgid() throws Exception {
        wecom.then(SEND, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"MSG-123\"}");

        DeliveryResult result = sender.send(appText("zhangsan", "您的求助已转给社工"));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("MSG-123"));
        assertThat(wecom.requests(SEND)).hasSize(1);
        var request = wecom.requests(SEND).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).contains("access_token=TOKEN1");
        JsonNode body = json(request.body());
        assertThat(body.path("touser").asText()).isEqualTo("zhangsan");
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.path("text").path("content").asText()).isEqualTo("您的求助已转给社工");
        assertThat(body.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(body.path("enable_duplicate_check").asInt()).isEqualTo(1);
        assertThat(wecom.tokenRequests()).isEqualTo(1);
    }

    @Test
    void sendsAnUrgentCardWithTakeAndHandOverAndANoteWithMakeUrgent() throws Exception {
        wecom.then(SEND, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"C1\"}");
        wecom.then(SEND, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"C2\"}");
        String card = "{\"title\":\"【紧急转介 #7】医疗急症\",\"description\":\"依据：中风征象\",\"taskId\":\"esc_7_1_0\"}";
        String note = "{\"title\":\"【请留意 #8】老人摔倒或走失\",\"description\":\"依据：跌倒（已缓解）\",\"taskId\":\"esc_8_1_0\"}";

        assertThat(sender.send(new OutboxMessage(DeliveryPlanner.APP_CARD, "sw-zhang", card)))
                .isEqualTo(new DeliveryResult.Sent("C1"));
        assertThat(sender.send(new OutboxMessage(DeliveryPlanner.APP_NOTE, "sw-zhang", note)))
                .isEqualTo(new DeliveryResult.Sent("C2"));

        JsonNode sentCard = json(wecom.requests(SEND).get(0).body()).path("template_card");
        assertThat(sentCard.path("main_title").path("title").asText()).isEqualTo("【紧急转介 #7】医疗急症");
        assertThat(sentCard.path("task_id").asText()).isEqualTo("esc_7_1_0");
        assertThat(sentCard.path("button_list").findValuesAsText("key"))
                .containsExactly("ack", "handover", "useful", "falsealarm");
        JsonNode sentNote = json(wecom.requests(SEND).get(1).body()).path("template_card");
        assertThat(sentNote.path("main_title").path("title").asText()).startsWith("【请留意 #8】");
        assertThat(sentNote.path("sub_title_text").asText()).contains("跌倒（已缓解）");
        assertThat(sentNote.path("button_list").findValuesAsText("text")).containsExactly("升为紧急", "有用", "误报");
    }

    @Test
    void reusesTheAccessTokenAcrossSends() {
        sender.send(appText("a", "1"));
        sender.send(appText("b", "2"));

        assertThat(wecom.tokenRequests()).isEqualTo(1);
        assertThat(wecom.requests(SEND)).hasSize(2);
    }

    @Test
    void backsOffAMinuteOnFrequencyLimit45009() {
        wecom.thenErrcode(SEND, 45009);

        DeliveryResult result = sender.send(appText("zhangsan", "x"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).notBefore()).hasValue(Duration.ofSeconds(60));
        assertThat(wecom.requests(SEND)).hasSize(1);
    }

    @Test
    void retriesLaterOnConcurrencyLimit45033() {
        wecom.thenErrcode(SEND, 45033);

        DeliveryResult result = sender.send(appText("zhangsan", "x"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("45033");
        assertThat(wecom.requests(SEND)).hasSize(1);
    }

    @Test
    void leavesTheRetryAfterSystemBusyToTheOutboxOneRequestPerAttempt() throws Exception {
        wecom.thenErrcode(SEND, -1).then(SEND, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"MSG-2\"}");

        DeliveryResult first = sender.send(appText("zhangsan", "x"));

        assertThat(first).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) first).reason()).contains("errcode -1");
        assertThat(wecom.requests(SEND)).as("no retry inside weixin-java-cp").hasSize(1);

        assertThat(sender.send(appText("zhangsan", "x"))).isEqualTo(new DeliveryResult.Sent("MSG-2"));
        assertThat(json(wecom.requests(SEND).get(1).body())
                        .path("enable_duplicate_check")
                        .asInt())
                .as("a retried send must be deduplicated by WeCom")
                .isEqualTo(1);
    }

    @Test
    void failsForGoodWhenNoRecipientIsValid81013() {
        wecom.thenErrcode(SEND, 81013);

        DeliveryResult result = sender.send(appText("nobody", "x"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("81013");
    }

    @Test
    void failsForGoodWithoutPermission60011() {
        wecom.thenErrcode(SEND, 60011);

        assertThat(sender.send(appText("outsider", "x"))).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void refreshesAnExpiredTokenAndSends() throws Exception {
        wecom.thenErrcode(SEND, 42001).then(SEND, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"MSG-3\"}");

        DeliveryResult result = sender.send(appText("zhangsan", "x"));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("MSG-3"));
        assertThat(wecom.tokenRequests()).isEqualTo(2);
        assertThat(wecom.requests(SEND)).hasSize(2);
        assertThat(wecom.requests(SEND).get(1).query()).contains("access_token=TOKEN2");
    }

    @Test
    void failsForGoodWhenTheSecretIsWrong() {
        wecom.thenErrcode("/cgi-bin/gettoken", 40001);

        DeliveryResult result = sender.send(appText("zhangsan", "x"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(wecom.requests(SEND)).isEmpty();
    }

    @Test
    void doesNotReportSentWhenTheRefreshedTokenIsRefusedToo() {
        wecom.thenErrcode(SEND, 42001).thenErrcode(SEND, 42001);

        DeliveryResult result = sender.send(appText("zhangsan", "x"));

        assertThat(result).isNotInstanceOf(DeliveryResult.Sent.class);
        assertThat(wecom.tokenRequests()).isEqualTo(2);
    }

    @Test
    void retriesLaterWhenWeComCannotBeReached() throws Exception {
        var down = new FakeWeCom();
        String base = down.base();
        down.close();
        WeComSender unreachable = senderFor(base);

        assertThat(unreachable.send(appText("zhangsan", "x"))).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(unreachable.send(
                        new OutboxMessage(DeliveryPlanner.AIBOT_RESPONSE, base + RESPONSE + "?response_code=x", "x")))
                .isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void retriesLaterWhenWeComDropsAfterTheTokenWasCached() {
        sender.send(appText("a", "warm-up"));
        wecom.close();

        assertThat(sender.send(appText("zhangsan", "x"))).isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void cutsALongAppTextTo2048BytesMarkingTheCut() throws Exception {
        sender.send(appText("zhangsan", "长".repeat(1000)));

        String content = json(wecom.requests(SEND).get(0).body())
                .path("text")
                .path("content")
                .asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(content).startsWith("长长长").endsWith("…");
    }

    @Test
    void failsAMessageOfAnUnknownKind() {
        DeliveryResult result = sender.send(new OutboxMessage("CARRIER_PIGEON", "x", "y"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(wecom.requests()).isEmpty();
    }

    // ---- AI-bot response_url ----

    @Test
    void postsOneMarkdownReplyToTheResponseUrl() throws Exception {
        DeliveryResult result = sender.send(aibotResponse("**已收到**，社工会联系您"));

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(wecom.requests()).hasSize(1);
        var request = wecom.requests(RESPONSE).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).isEqualTo("response_code=x");
        assertThat(json(request.body()))
                .isEqualTo(json("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**已收到**，社工会联系您\"}}"));
        assertThat(wecom.tokenRequests())
                .as("response_url needs no access_token")
                .isZero();
    }

    @Test
    void saysTheResponseUrlIsUsedUpWhenItIsRefused() {
        wecom.thenErrcode(RESPONSE, 600039);

        DeliveryResult result = sender.send(aibotResponse("x"));

        assertThat(result).isInstanceOf(DeliveryResult.UsedUp.class);
        assertThat(((DeliveryResult.UsedUp) result).reason()).contains("600039");
    }

    @Test
    void retriesAResponseUrlThatTookTheReplyButNeverAnsweredSayingSo() {
        wecom.thenLate(RESPONSE, 1500);

        DeliveryResult result = sender.send(aibotResponse("x"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).unanswered())
                .as("the reply may have been shown")
                .isTrue();
        assertThat(wecom.requests(RESPONSE)).hasSize(1);
    }

    @Test
    void aResponseUrlThatCannotBeReachedIsNotUnanswered() throws Exception {
        var down = new FakeWeCom();
        String base = down.base();
        down.close();

        DeliveryResult result = senderFor(base)
                .send(new OutboxMessage(DeliveryPlanner.AIBOT_RESPONSE, base + RESPONSE + "?response_code=x", "x"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).unanswered()).isFalse();
    }

    @Test
    void retriesTheResponseUrlOnAServerError() {
        wecom.then(RESPONSE, 500, "");

        DeliveryResult result = sender.send(aibotResponse("x"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).notBefore()).isEqualTo(Optional.empty());
    }

    @Test
    void failsTheResponseUrlOnAClientError() {
        wecom.then(RESPONSE, 404, "not found");

        assertThat(sender.send(aibotResponse("x"))).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void retriesTheResponseUrlWhenWeComIsBusy() {
        wecom.thenErrcode(RESPONSE, -1);

        assertThat(sender.send(aibotResponse("x"))).isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void neverPostsToAResponseUrlOutsideTheWeComApiHost() {
        int port = wecom.port();
        String[] foreign = {
            "http://127.0.0.2:" + port + RESPONSE + "?response_code=x",
            "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + RESPONSE + "?response_code=x",
            "https://127.0.0.1:" + port + RESPONSE + "?response_code=x",
            "http://user@127.0.0.1:" + port + RESPONSE + "?response_code=x",
            "http://example.invalid" + RESPONSE + "?response_code=x",
            RESPONSE + "?response_code=x",
            "RESPONSEURL",
            "http://127.0.0.1:" + port + "/has space",
        };
        for (String target : foreign) {
            DeliveryResult result = sender.send(new OutboxMessage(DeliveryPlanner.AIBOT_RESPONSE, target, "x"));
            assertThat(result).as(target).isInstanceOf(DeliveryResult.Failed.class);
        }

        assertThat(wecom.requests()).isEmpty();
    }

    @Test
    void cutsAVeryLongReplyTo20480BytesEndingWithAnEllipsis() throws Exception {
        sender.send(aibotResponse("社".repeat(10_000)));

        String content = json(wecom.requests(RESPONSE).get(0).body())
                .path("markdown")
                .path("content")
                .asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(20480)
                .isGreaterThan(20480 - 6);
        assertThat(content).startsWith("社社社").endsWith("…");
    }

    @Test
    void cutsOnACharacterBoundaryWithoutSplittingASurrogatePair() {
        String cut = WeComSender.cut("🙂".repeat(10), 13);

        assertThat(cut).isEqualTo("🙂🙂…");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(13);
        assertThat(WeComSender.cut("short", 13)).isEqualTo("short");
    }
}
