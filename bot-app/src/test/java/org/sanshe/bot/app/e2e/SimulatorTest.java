package org.sanshe.bot.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sanshe.bot.app.SansheBotApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default exactly as a new user starts it: no configuration, generated local secrets, demo community,
 * built-in fake WeCom. The simulator answers /帮助 in a demo group and /我是谁 in a private chat.
 */
// one live service per JVM, as in production: its workers stop when the class is done
@DirtiesContext
@SpringBootTest(
        classes = SansheBotApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // visible to the start-up environment, unlike a dynamic property: the generated secrets go there too
        properties = "bot.local.data-dir=${java.io.tmpdir}/sanshe-simulator-test")
// registering the demo customer group changes the community the other tests read: that test runs last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "sanshe-simulator-test"));
        registry.add("bot.local.seed-demo", () -> "true");
        registry.add("bot.admin-token", () -> "simulator-test-admin-token");
    }

    private JsonNode get(String path) throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String chat, String user, String text) throws Exception {
        String body = JSON.createObjectNode()
                .put("chat", chat)
                .put("user", user)
                .put("text", text)
                .toString();
        return postJson("/simulator/api/send", body);
    }

    private int send(String chat, String user, String text) throws Exception {
        var r = post(chat, user, text);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("callbackStatus").asInt();
    }

    private long lastSeq() throws Exception {
        long last = 0;
        for (JsonNode e : get("/simulator/api/transcript?after=0")) {
            last = Math.max(last, e.path("seq").asLong());
        }
        return last;
    }

    /** Types a message as the member and answers the bot's next answer in that chat. */
    private String say(String chat, String user, String text) throws Exception {
        long after = lastSeq();
        assertThat(send(chat, user, text)).isEqualTo(200);
        String kind = "private".equals(chat) ? "private" : "group-reply";
        String where = "private".equals(chat) ? "private:" + user : chat;
        for (int i = 0; i < 300; i++) {
            for (JsonNode e : get("/simulator/api/transcript?after=" + after)) {
                if (e.path("kind").asText().equals(kind)
                        && e.path("chat").asText().equals(where)) {
                    return e.path("text").asText();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer to " + text + " in " + where);
    }

    private JsonNode awaitEntry(String kind, String chat) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (JsonNode e : get("/simulator/api/transcript?after=0")) {
                if (e.path("kind").asText().equals(kind)
                        && e.path("chat").asText().equals(chat)) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " in " + chat);
    }

    @Test
    void showsTheSeededDemoCommunity() throws Exception {
        JsonNode community = get("/simulator/api/community");
        assertThat(community.path("groups")).hasSize(3);
        assertThat(community.path("groups").toString()).contains("聚焦服务群", "线上小区居民群", "重点陪助群");
        assertThat(community.path("members").toString()).contains("社工-张三", "3栋1202-自住");
    }

    @Test
    void answersHelpTypedInADemoGroup() throws Exception {
        assertThat(send("wrDemoFocus01", "sec-li", "/帮助")).isEqualTo(200);
        JsonNode reply = awaitEntry("group-reply", "wrDemoFocus01");
        assertThat(reply.path("text").asText()).contains("/我是谁", "/帮助");
    }

    @Test
    void answersWhoAmIInAPrivateChatWithTheSeededRole() throws Exception {
        assertThat(send("private", "sw-zhang", "/我是谁")).isEqualTo(200);
        JsonNode reply = awaitEntry("private", "private:sw-zhang");
        assertThat(reply.path("text").asText()).contains("sw-zhang", "社工", "与我的私聊");
    }

    @Test
    void servesTheSimulatorPage() throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("text/html");
        assertThat(r.body())
                .contains("三社联动群助手", "/simulator/api/send", "/simulator/api/join", "/simulator/api/nickname");
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberJoinsTheDemoCustomerGroupAndChangesTheirNicknameAsInWeCom() throws Exception {
        var joined = postJson(
                "/simulator/api/join",
                "{\"chat\":\"wrDemoCustomer05\",\"user\":\"wmSimJoin1\",\"name\":\"王姐\",\"nickname\":\"5栋809\"}");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(joined.body()).path("callbackStatus").asInt())
                .as("the add_member event was accepted by the app's own callback")
                .isEqualTo(200);
        var renamed = postJson(
                "/simulator/api/nickname",
                "{\"chat\":\"wrDemoCustomer05\",\"user\":\"wmSimJoin1\",\"nickname\":\"5栋809-租住\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(postJson(
                                "/simulator/api/join",
                                "{\"chat\":\"wrDemoFocus01\",\"user\":\"wmSimJoin2\",\"nickname\":\"x\"}")
                        .statusCode())
                .as("only the demo customer groups")
                .isEqualTo(400);
        assertThat(postJson(
                                "/simulator/api/nickname",
                                "{\"chat\":\"wrDemoCustomer05\",\"user\":\"nobody\",\"nickname\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void listsTheDemoGroupsNobodyRegisteredYetSoTheyCanBeTried() throws Exception {
        JsonNode community = get("/simulator/api/community");

        assertThat(community.path("unregisteredInternal"))
                .extracting(JsonNode::asText)
                .containsExactly("wrDemoNewGroup01");
        assertThat(community.path("unregisteredCustomer")).hasSize(1);
        assertThat(community.path("unregisteredCustomer").get(0).path("chatId").asText())
                .isEqualTo("wrDemoCustomer05");
        assertThat(community.path("unregisteredCustomer").get(0).path("name").asText())
                .isEqualTo("阳光社区5栋居民群");
    }

    @Test
    void theDemoAdminGrantsARoleByGroupNicknameThatAResidentIsRefused() throws Exception {
        String chat = "wrDemoResidents01";
        assertThat(say(chat, "res-3-0501", "/群信息")).contains("只有群秘书可以查看群信息");
        assertThat(say(chat, "res-3-1202", "/角色 授予 @3栋501-租住 群秘书")).contains("只有群管理员可以授予角色");
        assertThat(say(chat, "demo-admin", "/角色 授予 @3栋501-租住 群秘书"))
                .contains("已授予 3栋501-租住（res-3-0501）「群秘书」", "「阳光社区3栋居民群」");
        assertThat(say(chat, "res-3-0501", "/群信息")).contains("【阳光社区3栋居民群】", "群秘书：3栋501-租住（res-3-0501）");
    }

    private HttpResponse<String> postArchive(String chat, String user, String text) throws Exception {
        String body = JSON.createObjectNode()
                .put("chat", chat)
                .put("user", user)
                .put("text", text)
                .toString();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/api/archive"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whatIsSaidInACustomerGroupNobodyRegisteredIsArchivedButNotReadByTheBot() throws Exception {
        var r = postArchive("wrDemoCustomer05", "wmDemoExt0602", "我不想活了");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("archived").asBoolean()).isTrue();
        assertThat(body.path("readByBot").asBoolean()).isFalse();
        JsonNode community = get("/simulator/api/community");
        assertThat(community.path("customerMembers").toString()).contains("wmDemoExt0501", "5栋501-自住");
    }

    /** After the registration below: the feed reads the group now. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aCrisisSaidInTheRegisteredCustomerGroupReachesTheSocialWorkerThroughTheChatArchiveAndNothingIsSaidThere()
            throws Exception {
        long after = lastSeq();

        var r = postArchive("wrDemoCustomer05", "wmDemoExt0501", "最近实在撑不住了，我不想活了");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("readByBot").asBoolean()).isTrue();
        JsonNode card = null;
        for (int i = 0; i < 300 && card == null; i++) {
            for (JsonNode e : get("/simulator/api/transcript?after=" + after)) {
                if (e.path("kind").asText().equals("private")
                        && e.path("user").asText().equals("sw-zhang")
                        && !e.path("card").asText().isEmpty()) {
                    card = e;
                }
            }
            Thread.sleep(50);
        }
        assertThat(card).as("an escalation card to 社工-张三").isNotNull();
        assertThat(card.path("text").asText()).contains("「阳光社区5栋居民群」", "我不想活了");
        JsonNode said = get("/simulator/api/transcript?after=" + after);
        assertThat(said)
                .filteredOn(e -> e.path("chat").asText().equals("wrDemoCustomer05"))
                .extracting(
                        e -> e.path("kind").asText() + ":" + e.path("userName").asText())
                .as("the resident's words, shown with their group nickname, and no reply in the group")
                .containsExactly("user:5栋501-自住");
    }

    @Test
    void refusesAnArchiveRecordWithoutAProperChatMemberOrText() throws Exception {
        assertThat(postArchive("wrDemoCustomer05", "bad user!", "你好").statusCode())
                .isEqualTo(400);
        assertThat(postArchive("", "wmDemoExt0501", "你好").statusCode()).isEqualTo(400);
        assertThat(postArchive("wrDemoCustomer05", "wmDemoExt0501", " ").statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aRegisteredCustomerGroupCannotBeTypedInBecauseNoBotIsInIt() throws Exception {
        String answer = say("private", "demo-admin", "/登记客户群 wrDemoCustomer05 居民群");
        assertThat(answer).contains("已登记客户群「阳光社区5栋居民群」", "5栋501-自住", "微信用户");
        JsonNode community = get("/simulator/api/community");
        assertThat(community.path("unregisteredCustomer")).isEmpty();
        assertThat(community.path("groups").toString()).contains("wrDemoCustomer05", "CUSTOMER");

        var refused = post("wrDemoCustomer05", "res-3-1202", "/帮助");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("客户群里没有机器人", "私聊", "/切换");
    }

    @Test
    void loadsTheDemoHouseholdRosterAndAnswersItThroughTheAdminApi() throws Exception {
        var uri = URI.create("http://127.0.0.1:" + port + "/api/admin/groups/wrDemoCustomer05/households");
        var refused = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        var summary = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer simulator-test-admin-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(summary.body()).path("households").asInt()).isEqualTo(12);
    }
}
