package org.sanshe.bot.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
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
    }

    private JsonNode get(String path) throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private int send(String chat, String user, String text) throws Exception {
        String body = JSON.createObjectNode()
                .put("chat", chat)
                .put("user", user)
                .put("text", text)
                .toString();
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/api/send"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("callbackStatus").asInt();
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
        assertThat(r.body()).contains("三社联动群助手", "/simulator/api/send");
    }
}
