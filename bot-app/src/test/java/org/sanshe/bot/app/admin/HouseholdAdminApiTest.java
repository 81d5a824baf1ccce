package org.sanshe.bot.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.config.BotProperties.AdminToken;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.port.Groups;
import org.sanshe.bot.core.port.NicknameRecords.NicknameRecord;
import org.sanshe.bot.core.text.Texts;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin API's roster routes without a Spring context: no token configured, the API does not exist; a missing or
 * wrong token, 403 with an empty body; a bad CSV, 400 with every bad line and nothing stored; a good one replaces the
 * roster and is audited; GET answers counts only.
 */
class HouseholdAdminApiTest {
    private static final String TOKEN = "s3cret-admin-token-for-tests";
    private static final String CHAT = "wrDemoCustomer05";
    private static final GroupTypes TYPES = new GroupTypes(List.of(new GroupType(
            "RESIDENTS",
            "线上小区居民群",
            List.of("居民群"),
            GroupType.Tier.CORE,
            "",
            List.of("楼栋房号-自住", "楼栋房号-租住", "楼门栋长-姓名", "社工-姓名", "社区-姓名"),
            List.of(Role.SOCIAL_WORKER, Role.ADMIN),
            "",
            "")));
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final Map<ChatId, List<Household>> stored = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final Map<UserId, NicknameRecord> records = new LinkedHashMap<>();
    private final Groups groups = new Groups() {
        @Override
        public Optional<Group> findByChat(ChatId chat) {
            return chat.value().equals(CHAT)
                    ? Optional.of(new Group(1, chat, "阳光社区5栋居民群", "RESIDENTS", Channel.CUSTOMER))
                    : Optional.empty();
        }

        @Override
        public List<Group> all() {
            return List.of(findByChat(ChatId.of(CHAT)).orElseThrow());
        }
    };

    private WebTestClient client(String token) {
        var importer = new HouseholdRosterImport(
                chat -> stored.getOrDefault(chat, List.of()),
                (change, entry) -> {
                    stored.put(change.chat(), change.households());
                    audit.add(entry);
                },
                Texts.chinese(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        var api = new HouseholdAdminApi(
                new AdminAuth(new AdminToken(token)),
                importer,
                chat -> stored.getOrDefault(chat, List.of()),
                groups,
                chat -> records,
                TYPES);
        return WebTestClient.bindToRouterFunction(api.routes()).build();
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String authorization, String csv) {
        var request = client.put()
                .uri("/api/admin/groups/" + CHAT + "/households")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.bodyValue(csv).exchange();
    }

    private void read(String member, String nickname, boolean compliant, String household) {
        records.put(
                UserId.of(member),
                new NicknameRecord(
                        Optional.of(nickname),
                        compliant,
                        Optional.ofNullable(household),
                        NOW,
                        0,
                        Optional.empty(),
                        false,
                        NOW));
    }

    @Test
    void doesNotExistWithoutAToken() {
        put(client(""), "Bearer anything", "楼栋,房号\n5,101\n").expectStatus().isNotFound();
        assertThat(stored).isEmpty();
    }

    @Test
    void refusesAMissingOrWrongTokenWithAnEmptyBody() {
        var client = client(TOKEN);

        put(client, null, "楼栋,房号\n5,101\n")
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        put(client, "Bearer " + TOKEN + "x", "楼栋,房号\n5,101\n").expectStatus().isForbidden();
        put(client, TOKEN, "楼栋,房号\n5,101\n").expectStatus().isForbidden();
        client.get()
                .uri("/api/admin/groups/" + CHAT + "/households")
                .header("Authorization", "Bearer wrong")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(stored).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void refusesABadCsvWithEveryBadLineAndStoresNothing() {
        put(client(TOKEN), "Bearer " + TOKEN, "楼栋,单元,房号\n5,,101\n,,102\n5,,abc\n5,,101\n")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(3)
                .jsonPath("$.errors[0].line")
                .isEqualTo(3)
                .jsonPath("$.errors[0].message")
                .isEqualTo("第 3 行：没有填楼栋。")
                .jsonPath("$.errors[1].line")
                .isEqualTo(4)
                .jsonPath("$.errors[2].message")
                .isEqualTo("第 5 行：与第 2 行是同一户，重复了。");
        assertThat(stored).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void importsAGoodCsvAuditedAsTheAdminApi() {
        put(client(TOKEN), "bearer " + TOKEN, "\uFEFF楼栋,单元,房号\n5栋,,501\n5栋,,602\n6栋,1,101\n")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.households")
                .isEqualTo(3)
                .jsonPath("$.registered")
                .isEqualTo(true)
                .jsonPath("$.buildings.5")
                .isEqualTo(2);

        assertThat(stored.get(ChatId.of(CHAT)))
                .containsExactly(
                        new Household("5", "", "501"), new Household("5", "", "602"), new Household("6", "1", "101"));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(UserId.of("admin-api"));
            assertThat(e.chat()).contains(ChatId.of(CHAT));
            assertThat(e.detail()).isEqualTo("共 3 户，2 栋").doesNotContain("501");
        });
    }

    @Test
    void answersTheCountsOfTheRosterAndTheGroup() {
        var client = client(TOKEN);
        put(client, "Bearer " + TOKEN, "楼栋,房号\n5,501\n5,602\n5,701\n")
                .expectStatus()
                .isOk();
        read("wm1", "5栋501-自住", true, "5--501");
        read("wm2", "5-602 租住", true, "5--602");
        read("wm3", "5栋602-自住", true, "5--602");
        read("wm4", "小雨", false, null);

        client.get()
                .uri("/api/admin/groups/" + CHAT + "/households")
                .header("Authorization", "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.households")
                .isEqualTo(3)
                .jsonPath("$.present")
                .isEqualTo(2)
                .jsonPath("$.missing")
                .isEqualTo(1)
                .jsonPath("$.shared")
                .isEqualTo(1)
                .jsonPath("$.notCompliant")
                .isEqualTo(1)
                .jsonPath("$.buildings[0].owners")
                .isEqualTo(2)
                .jsonPath("$.buildings[0].tenants")
                .isEqualTo(1);
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(new AdminToken(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new AdminAuth(new AdminToken(TOKEN)).toString()).doesNotContain(TOKEN);
    }
}
