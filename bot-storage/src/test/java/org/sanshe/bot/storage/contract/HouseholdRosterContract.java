package org.sanshe.bot.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.household.MybatisHouseholdRosters;
import org.sanshe.bot.storage.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage promises household rosters, on H2 and, as {@code *IT}, on MariaDB with V8 applied: a group without an
 * import has an empty roster; an import replaces the group's roster whole, keeps its order, leaves other groups alone,
 * stores each address encrypted, and is audited in the same transaction; the change can also come in a dispatcher
 * commit.
 */
abstract class HouseholdRosterContract {
    private static final ChatId FIVE = ChatId.of("wrRoster5");
    private static final ChatId SIX = ChatId.of("wrRoster6");

    @Autowired
    MybatisHouseholdRosters rosters;

    @Autowired
    MybatisAuditTrail audit;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private int rows;

    @BeforeEach
    void emptyTables() {
        for (String t : List.of("household_roster", "audit_log", "inbox", "outbox")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
    }

    private static List<Household> fifth(int rooms) {
        List<Household> all = new ArrayList<>();
        for (int i = 1; i <= rooms; i++) {
            all.add(new Household("5", i % 2 == 0 ? "2" : "", Integer.toString(100 * (1 + i / 4) + i)));
        }
        return all;
    }

    private AuditEntry imported(ChatId chat, int households) {
        return new AuditEntry(
                clock.instant(),
                UserId.of("admin-api"),
                "导入户数名册",
                Optional.of(chat),
                AuditEntry.Result.DONE,
                "共 " + households + " 户");
    }

    private void replace(ChatId chat, List<Household> households) {
        rosters.replace(
                new StateChange.HouseholdRosterReplaced(chat, households, clock.instant()),
                imported(chat, households.size()));
    }

    @Test
    void aGroupWithoutAnImportHasAnEmptyRoster() {
        assertThat(rosters.of(FIVE)).isEmpty();
    }

    @Test
    void anImportIsKeptInOrderEncryptedAndAudited() {
        List<Household> roster = fifth(600); // more than one insert batch
        replace(FIVE, roster);

        assertThat(rosters.of(FIVE)).containsExactlyElementsOf(roster);
        assertThat(jdbc.queryForList(
                        "SELECT household FROM household_roster WHERE chat_id = ?", String.class, FIVE.value()))
                .hasSize(600)
                .allSatisfy(v -> assertThat(v).startsWith("v1:").doesNotContain("5-"));
        assertThat(audit.recent(Optional.of(FIVE), 10))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("共 600 户"));
    }

    @Test
    void anImportReplacesTheGroupsRosterWholeAndLeavesOtherGroupsAlone() {
        replace(FIVE, fifth(12));
        replace(SIX, List.of(new Household("6", "1", "101")));

        replace(FIVE, List.of(new Household("5", "", "501"), new Household("5", "", "602")));

        assertThat(rosters.of(FIVE)).containsExactly(new Household("5", "", "501"), new Household("5", "", "602"));
        assertThat(rosters.of(SIX)).containsExactly(new Household("6", "1", "101"));

        replace(FIVE, List.of());
        assertThat(rosters.of(FIVE)).as("an empty import removes the roster").isEmpty();
    }

    @Test
    void aRosterChangeCanBeCommittedByTheDispatcher() {
        String key = "app:roster" + rows++ + ":" + System.nanoTime();
        inbox.accept(new InboxEntry(key, Channel.APP, "p:adm", "x", clock.instant()));
        long row = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = ?", Long.class, key);

        assertThat(dispatch.commit(List.of(new Decision(
                        row,
                        List.of(new StateChange.HouseholdRosterReplaced(
                                FIVE, List.of(new Household("5", "", "501")), clock.instant())),
                        List.of()))))
                .isEqualTo(1);

        assertThat(rosters.of(FIVE)).containsExactly(new Household("5", "", "501"));
    }
}
