package org.sanshe.bot.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.config.BotProperties.AdminToken;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange.FeedbackGiven;
import org.sanshe.bot.core.escalation.Feedback;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The feedback export without a Spring context: no token, no route; a wrong token, 403 and nothing read; JSON lines and
 * CSV carry the words the detector read and what it said; every export is audited.
 */
class FeedbackExportApiTest {
    private static final String TOKEN = "s3cret-admin-token-for-tests";
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final List<FeedbackGiven> ROWS = List.of(
            new FeedbackGiven(
                    41,
                    UserId.of("sw-zhang"),
                    Feedback.FALSE_ALARM,
                    Instant.parse("2026-12-06T02:00:00Z"),
                    "這部劇看得我不想活了，\"太虐了\"",
                    "这部剧看得我不想活了,\"太虐了\"",
                    "SELF_HARM",
                    3,
                    "词语「不想活」",
                    true),
            new FeedbackGiven(
                    42,
                    UserId.of("sw-li"),
                    Feedback.USEFUL,
                    Instant.parse("2026-12-06T03:00:00Z"),
                    "我妈昨天摔倒了，现在没事了",
                    "我妈昨天摔倒了,现在没事了",
                    "FALL_OR_LOST",
                    1,
                    "词语「摔倒」（已缓解）",
                    false));

    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<Instant> asked = new ArrayList<>();

    private WebTestClient client(String token) {
        var api = new FeedbackExportApi(
                new AdminAuth(new AdminToken(token)),
                (since, limit) -> {
                    asked.add(since);
                    return ROWS.stream()
                            .filter(r -> !r.at().isBefore(since))
                            .limit(limit)
                            .toList();
                },
                audit::add,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return WebTestClient.bindToRouterFunction(api.routes()).build();
    }

    @Test
    void doesNotExistWithoutAToken() {
        client("").get().uri(FeedbackExportApi.PATH).exchange().expectStatus().isNotFound();
        assertThat(asked).isEmpty();
    }

    @Test
    void refusesAWrongTokenWithoutReadingAnything() {
        client(TOKEN)
                .get()
                .uri(FeedbackExportApi.PATH)
                .header("Authorization", "Bearer wrong")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .isEmpty();
        assertThat(asked).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void exportsJsonLinesWithTheWordsAndWhatTheDetectorSaidAndAuditsTheRead() {
        String body = client(TOKEN)
                .get()
                .uri(FeedbackExportApi.PATH)
                .header("Authorization", "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body.lines().toList()).hasSize(2);
        assertThat(body.lines().findFirst().orElseThrow())
                .contains("\"escalation\":41", "\"verdict\":\"FALSE_ALARM\"", "\"verdict_zh\":\"误报\"")
                .contains("\"urgency\":\"URGENT\"", "\"basis\":\"词语「不想活」\"", "這部劇看得我不想活了");
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(UserId.of("admin-api"));
            assertThat(a.action()).isEqualTo("导出上报反馈");
            assertThat(a.detail()).startsWith("2 条");
        });
    }

    @Test
    void exportsCsvSinceATimeWithAHeaderAndQuotedWords() {
        String body = client(TOKEN)
                .get()
                .uri(FeedbackExportApi.PATH + "?format=csv&since=2026-12-06T02:30:00Z")
                .header("Authorization", "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(asked).containsExactly(Instant.parse("2026-12-06T02:30:00Z"));
        assertThat(body.lines().toList())
                .containsExactly(
                        "escalation,member,verdict,verdict_zh,at,urgency,category,severity,basis,text,normalised",
                        "42,sw-li,USEFUL,有用,2026-12-06T03:00:00Z,WATCH,FALL_OR_LOST,1,词语「摔倒」（已缓解）,"
                                + "我妈昨天摔倒了，现在没事了,\"我妈昨天摔倒了,现在没事了\"");
    }

    @Test
    void refusesABadSince() {
        client(TOKEN)
                .get()
                .uri(FeedbackExportApi.PATH + "?since=yesterday")
                .header("Authorization", "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(asked).isEmpty();
    }
}
