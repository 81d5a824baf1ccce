package org.sanshe.bot.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.MybatisMembers;
import org.sanshe.bot.storage.group.MybatisPrivateContexts;
import org.sanshe.bot.storage.group.RegistryWriter;
import org.sanshe.bot.storage.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage promises the registry commands (issue 3), run unchanged on H2 and, as {@code *IT}, on MariaDB with the
 * V3 migration applied: groups declared idempotently, rules, grants per chat or everywhere, the names WeCom listed
 * (encrypted at rest), private contexts and the audit — each applied inside the dispatcher's commit, together with the
 * inbox row's "done", and visible to this instance's cached lookups as soon as the commit returns.
 */
abstract class RegistryContract {
    private static final UserId ADMIN = UserId.of("adm-reg");

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    MybatisGroups groups;

    @Autowired
    MybatisMembers members;

    @Autowired
    MybatisPrivateContexts contexts;

    @Autowired
    MybatisAuditTrail audit;

    @Autowired
    RegistryWriter registry;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private int rows;

    @BeforeEach
    void emptyTables() {
        for (String t : List.of(
                "inbox",
                "outbox",
                "dispatch_lease",
                "dispatch_node",
                "bot_group",
                "group_member",
                "role_grant",
                "private_context",
                "audit_log")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
        // rows were deleted behind the caches' back
        registry.invalidate();
    }

    /** A stored inbox row to hang a decision on, as the dispatcher would have one. */
    private long row() {
        String key = "app:reg" + rows++;
        inbox.accept(new InboxEntry(key, Channel.APP, "p:adm-reg", "x", clock.instant()));
        return jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = ?", Long.class, key);
    }

    /** Commits one decision with these changes, as the dispatcher does after deciding an event. */
    private void commit(StateChange... changes) {
        assertThat(dispatch.commit(List.of(new Decision(row(), List.of(changes), List.of()))))
                .isEqualTo(1);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Member member(String id, String name, String nickname, MemberKind kind) {
        return new Member(UserId.of(id), Optional.ofNullable(name), Optional.ofNullable(nickname), kind);
    }

    private static AuditEntry entry(Instant at, String actor, String action, Optional<ChatId> chat, String detail) {
        return new AuditEntry(at, UserId.of(actor), action, chat, AuditEntry.Result.DONE, detail);
    }

    // --- groups -------------------------------------------------------------------------------------------------

    @Test
    void declaringTheSameGroupTwiceKeepsOneRowWithTheSameNumber() {
        ChatId chat = ChatId.of("wrDecl1");
        assertThat(groups.declare(chat, "阳光社区聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT))
                .isTrue();
        long id = groups.findByChat(chat).orElseThrow().id();

        assertThat(groups.declare(chat, "阳光社区聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT))
                .as("the same declaration at the next start")
                .isFalse();

        assertThat(count("SELECT COUNT(*) FROM bot_group WHERE chat_id = 'wrDecl1'"))
                .isEqualTo(1);
        assertThat(groups.findByChat(chat).orElseThrow().id()).isEqualTo(id);
    }

    @Test
    void declaringAGroupWithAnotherTypeOrNameUpdatesItAndKeepsItsNumber() {
        ChatId chat = ChatId.of("wrDecl2");
        groups.declare(chat, "幸福里居民群", "RESIDENTS", Channel.AIBOT);
        Group before = groups.findByChat(chat).orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        assertThat(groups.declare(chat, "幸福里聚焦服务群", "FOCUS_SERVICE", Channel.CUSTOMER))
                .isTrue();

        Group after = groups.findByChat(chat).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.name()).isEqualTo("幸福里聚焦服务群");
        assertThat(after.typeCode()).isEqualTo("FOCUS_SERVICE");
        assertThat(after.channel()).isEqualTo(Channel.CUSTOMER);
        assertThat(count("SELECT COUNT(*) FROM bot_group")).isEqualTo(1);
        assertThat(count("SELECT updated_at FROM bot_group WHERE chat_id = 'wrDecl2'"))
                .isEqualTo(clock.millis());
        assertThat(groups.all()).extracting(Group::chat).containsExactly(chat);
    }

    @Test
    void registeringAChatAlreadyDeclaredLeavesTheDeclarationAsItIs() {
        ChatId chat = ChatId.of("wrDecl3");
        groups.declare(chat, "配置里的群", "KEY_COMPANION", Channel.AIBOT);

        assertThat(groups.register(chat, "另一个名字", "RESIDENTS", Channel.AIBOT)).isFalse();

        assertThat(groups.findByChat(chat).orElseThrow()).satisfies(g -> {
            assertThat(g.name()).isEqualTo("配置里的群");
            assertThat(g.typeCode()).isEqualTo("KEY_COMPANION");
        });
    }

    @Test
    void aGroupRegisteredThroughTheCommitIsFoundAtOnceAndRegisteringItAgainChangesItInPlace() {
        ChatId chat = ChatId.of("wrReg1");
        assertThat(groups.findByChat(chat)).as("cached as unknown").isEmpty();
        assertThat(groups.all()).isEmpty();

        commit(new StateChange.GroupRegistered(chat, "5栋居民群", "RESIDENTS", Channel.CUSTOMER, ADMIN, clock.instant()));

        Group g = groups.findByChat(chat).orElseThrow();
        assertThat(g.name()).isEqualTo("5栋居民群");
        assertThat(g.channel()).isEqualTo(Channel.CUSTOMER);
        assertThat(groups.all()).extracting(Group::chat).containsExactly(chat);

        commit(new StateChange.GroupRegistered(
                chat, "5栋聚焦服务群", "FOCUS_SERVICE", Channel.CUSTOMER, ADMIN, clock.instant()));

        assertThat(groups.findByChat(chat).orElseThrow()).satisfies(again -> {
            assertThat(again.id()).isEqualTo(g.id());
            assertThat(again.typeCode()).isEqualTo("FOCUS_SERVICE");
            assertThat(again.name()).isEqualTo("5栋聚焦服务群");
        });
        assertThat(count("SELECT COUNT(*) FROM bot_group")).isEqualTo(1);
    }

    @Test
    void aGroupsOwnRulesAreSetAndResetToTheTypesText() {
        ChatId chat = ChatId.of("wrRules");
        groups.register(chat, "规则群", "RESIDENTS", Channel.AIBOT);
        assertThat(groups.findByChat(chat).orElseThrow().rules()).isEmpty();

        commit(new StateChange.GroupRulesSet(chat, Optional.of("1. 友善交流\n2. 不发广告"), ADMIN, clock.instant()));
        assertThat(groups.findByChat(chat).orElseThrow().rules()).contains("1. 友善交流\n2. 不发广告");

        commit(new StateChange.GroupRulesSet(chat, Optional.empty(), ADMIN, clock.instant()));
        assertThat(groups.findByChat(chat).orElseThrow().rules()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT rules_text FROM bot_group WHERE chat_id = 'wrRules'", String.class))
                .isNull();
    }

    // --- roles --------------------------------------------------------------------------------------------------

    @Test
    void aGrantHoldsInItsOwnChatOrEverywhere() {
        ChatId here = ChatId.of("wrRoleHere");
        ChatId there = ChatId.of("wrRoleThere");
        Instant at = clock.instant();
        commit(
                new StateChange.RoleGranted(UserId.of("sw-all"), Role.SOCIAL_WORKER, Optional.empty(), ADMIN, at),
                new StateChange.RoleGranted(UserId.of("sec-here"), Role.SECRETARY, Optional.of(here), ADMIN, at));

        assertThat(groups.grantsIn(Optional.of(here)))
                .extracting(RoleGrant::member, RoleGrant::role, RoleGrant::chat)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                UserId.of("sw-all"), Role.SOCIAL_WORKER, Optional.<ChatId>empty()),
                        org.assertj.core.groups.Tuple.tuple(UserId.of("sec-here"), Role.SECRETARY, Optional.of(here)));
        assertThat(groups.grantsIn(Optional.of(there)))
                .extracting(RoleGrant::member)
                .containsExactly(UserId.of("sw-all"));
        assertThat(groups.grantsIn(Optional.empty()))
                .as("everywhere only")
                .extracting(RoleGrant::member)
                .containsExactly(UserId.of("sw-all"));

        assertThat(groups.grantsOf(UserId.of("sec-here"))).singleElement().satisfies(g -> {
            assertThat(g.chat()).contains(here);
            assertThat(g.everywhere()).isFalse();
            assertThat(g.grantedBy()).isEqualTo(ADMIN);
            assertThat(g.at()).isEqualTo(at);
        });
        assertThat(groups.grantsOf(UserId.of("sw-all")))
                .singleElement()
                .satisfies(g -> assertThat(g.everywhere()).isTrue());

        assertThat(groups.rolesOf(UserId.of("sec-here"), Optional.of(here))).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(UserId.of("sec-here"), Optional.of(there))).isEmpty();
        assertThat(groups.rolesOf(UserId.of("sw-all"), Optional.of(there))).containsExactly(Role.SOCIAL_WORKER);
        assertThat(groups.rolesOf(UserId.of("sw-all"), Optional.empty())).containsExactly(Role.SOCIAL_WORKER);
        assertThat(groups.rolesAnywhere(UserId.of("sec-here"))).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesAnywhere(UserId.of("nobody-here"))).isEmpty();
    }

    @Test
    void aRevokedGrantIsGoneAndAGrantElsewhereStays() {
        ChatId a = ChatId.of("wrRevA");
        ChatId b = ChatId.of("wrRevB");
        UserId sec = UserId.of("sec-rev");
        Instant at = clock.instant();
        commit(
                new StateChange.RoleGranted(sec, Role.SECRETARY, Optional.of(a), ADMIN, at),
                new StateChange.RoleGranted(sec, Role.SECRETARY, Optional.of(b), ADMIN, at));
        assertThat(groups.rolesOf(sec, Optional.of(a))).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesAnywhere(sec)).containsExactly(Role.SECRETARY);

        commit(new StateChange.RoleRevoked(sec, Role.SECRETARY, Optional.of(a), ADMIN, clock.instant()));
        commit(new StateChange.RoleRevoked(sec, Role.SECRETARY, Optional.of(b), ADMIN, clock.instant()));
        assertThat(groups.rolesAnywhere(sec))
                .as("the cached answer is dropped at once on this instance")
                .isEmpty();
        commit(new StateChange.RoleGranted(sec, Role.SECRETARY, Optional.of(b), ADMIN, clock.instant()));

        assertThat(groups.rolesOf(sec, Optional.of(a)))
                .as("at once, on this instance")
                .isEmpty();
        assertThat(groups.rolesOf(sec, Optional.of(b))).containsExactly(Role.SECRETARY);
        assertThat(groups.grantsOf(sec)).extracting(RoleGrant::chat).containsExactly(Optional.of(b));
    }

    @Test
    void grantingARoleTwiceStoresItOnce() {
        UserId sec = UserId.of("sec-twice");
        Optional<ChatId> chat = Optional.of(ChatId.of("wrTwice"));
        commit(new StateChange.RoleGranted(sec, Role.SECRETARY, chat, ADMIN, clock.instant()));
        commit(new StateChange.RoleGranted(sec, Role.SECRETARY, chat, UserId.of("adm-other"), clock.instant()));

        assertThat(groups.grantsOf(sec))
                .singleElement()
                .extracting(RoleGrant::grantedBy)
                .isEqualTo(ADMIN);
    }

    @Test
    void aGrantCommittedThroughTheDispatcherIsVisibleToTheCachedRolesAtOnce() {
        UserId sec = UserId.of("sec-cache");
        Optional<ChatId> chat = Optional.of(ChatId.of("wrCache"));
        assertThat(groups.rolesOf(sec, chat)).as("now cached for the ttl").isEmpty();
        groups.preloadRoles(List.of(java.util.Map.entry(sec, Optional.<ChatId>empty())));

        commit(new StateChange.RoleGranted(sec, Role.SECRETARY, chat, ADMIN, clock.instant()));

        assertThat(groups.rolesOf(sec, chat)).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(sec, Optional.empty())).isEmpty();
    }

    @Test
    void aGrantWrittenBehindTheCachesBackShowsOnlyAfterTheTtl() {
        UserId sec = UserId.of("sec-behind");
        Optional<ChatId> chat = Optional.of(ChatId.of("wrBehind"));
        assertThat(groups.rolesOf(sec, chat)).isEmpty();
        // another instance's commit: this instance's cache is not told
        jdbc.update(
                "INSERT INTO role_grant (user_id, role, chat_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)",
                "sec-behind",
                "SECRETARY",
                "wrBehind",
                "adm-reg",
                clock.millis());

        assertThat(groups.rolesOf(sec, chat)).as("still cached").isEmpty();
        clock.advance(Duration.ofSeconds(6));
        assertThat(groups.rolesOf(sec, chat)).containsExactly(Role.SECRETARY);
    }

    // --- members ------------------------------------------------------------------------------------------------

    @Test
    void listedMembersNamesAreStoredEncryptedAndReadBackInClear() {
        ChatId chat = ChatId.of("wrListed");
        commit(new StateChange.MembersListed(
                chat,
                List.of(
                        member("owner-1", "陈阿姨", "楼门栋长-陈阿姨", MemberKind.STAFF),
                        member("wmExt01", "微笑向暖", "5栋501-自住", MemberKind.EXTERNAL),
                        member("wmExt02", "老刘", null, MemberKind.EXTERNAL)),
                clock.instant()));

        var raw = jdbc.queryForMap(
                "SELECT display_name, group_nickname, member_kind FROM group_member WHERE user_id = 'wmExt01'");
        assertThat((String) raw.get("display_name")).startsWith("v1:").doesNotContain("微笑向暖");
        assertThat((String) raw.get("group_nickname"))
                .startsWith("v1:")
                .doesNotContain("5栋501")
                .doesNotContain("自住");
        assertThat(raw.get("member_kind")).isEqualTo("EXTERNAL");
        assertThat(jdbc.queryForObject(
                        "SELECT group_nickname FROM group_member WHERE user_id = 'wmExt02'", String.class))
                .as("no nickname: nothing stored")
                .isNull();

        assertThat(members.membersOf(chat))
                .extracting(Member::id, Member::name, Member::groupNickname, Member::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                UserId.of("owner-1"), Optional.of("陈阿姨"), Optional.of("楼门栋长-陈阿姨"), MemberKind.STAFF),
                        org.assertj.core.groups.Tuple.tuple(
                                UserId.of("wmExt01"),
                                Optional.of("微笑向暖"),
                                Optional.of("5栋501-自住"),
                                MemberKind.EXTERNAL),
                        org.assertj.core.groups.Tuple.tuple(
                                UserId.of("wmExt02"), Optional.of("老刘"), Optional.empty(), MemberKind.EXTERNAL));
        assertThat(members.isKnown(UserId.of("wmExt02"))).isTrue();
        assertThat(members.isKnown(UserId.of("wmNobody"))).isFalse();
    }

    @Test
    void membersMissingFromALaterListingAreMarkedLeftAndComeBackWhenListedAgain() {
        ChatId chat = ChatId.of("wrRelist");
        Instant first = clock.instant();
        commit(new StateChange.MembersListed(
                chat,
                List.of(
                        member("m1", "甲", "3栋101-自住", MemberKind.EXTERNAL),
                        member("m2", "乙", "3栋102-租住", MemberKind.EXTERNAL),
                        member("m3", "丙", null, MemberKind.STAFF)),
                first));
        Instant second = first.plusSeconds(60);
        commit(new StateChange.MembersListed(
                chat,
                List.of(
                        member("m1", "甲", "3栋101-自住（已搬走）", MemberKind.EXTERNAL),
                        member("m3", "丙", null, MemberKind.STAFF)),
                second));

        assertThat(members.membersOf(chat)).extracting(Member::id).containsExactly(UserId.of("m1"), UserId.of("m3"));
        assertThat(members.membersOf(chat).get(0).groupNickname()).contains("3栋101-自住（已搬走）");
        assertThat(count("SELECT left_at FROM group_member WHERE user_id = 'm2'"))
                .isEqualTo(second.toEpochMilli());
        assertThat(members.isKnown(UserId.of("m2")))
                .as("a member who left was still seen")
                .isTrue();

        commit(new StateChange.MembersListed(
                chat, List.of(member("m2", "乙", "3栋102-租住", MemberKind.EXTERNAL)), second.plusSeconds(60)));
        assertThat(members.membersOf(chat)).extracting(Member::id).containsExactly(UserId.of("m2"));
    }

    @Test
    void aListingOfAnotherGroupLeavesThisGroupsMembersAlone() {
        commit(new StateChange.MembersListed(
                ChatId.of("wrMine"), List.of(member("shared", "共享", null, MemberKind.STAFF)), clock.instant()));
        commit(new StateChange.MembersListed(
                ChatId.of("wrOther"), List.of(member("else", "别人", null, MemberKind.STAFF)), clock.instant()));

        assertThat(members.membersOf(ChatId.of("wrMine")))
                .extracting(Member::id)
                .containsExactly(UserId.of("shared"));
    }

    @Test
    void aMemberSeenSpeakingGetsTheNamesOfALaterListing() {
        ChatId chat = ChatId.of("wrSeenThenListed");
        commit(new StateChange.MemberSeen(chat, UserId.of("spoke"), clock.instant()));
        assertThat(members.membersOf(chat)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEmpty();
            assertThat(m.kind()).isEqualTo(MemberKind.UNKNOWN);
        });

        commit(new StateChange.MembersListed(
                chat, List.of(member("spoke", "王芳", "社工-王芳", MemberKind.STAFF)), clock.instant()));

        assertThat(members.membersOf(chat)).singleElement().satisfies(m -> {
            assertThat(m.displayName()).isEqualTo("社工-王芳");
            assertThat(m.kind()).isEqualTo(MemberKind.STAFF);
        });
        assertThat(count("SELECT COUNT(*) FROM group_member WHERE chat_id = 'wrSeenThenListed'"))
                .isEqualTo(1);
    }

    @Test
    void aMemberIsNamedOutsideTheirGroupsByTheNicknameOfAGroupTheyAreStillIn() {
        Instant t = clock.instant();
        commit(new StateChange.MembersListed(
                ChatId.of("wrNamedOld"), List.of(member("named-1", "刘芳", "2栋301-租住", MemberKind.EXTERNAL)), t));
        commit(new StateChange.MembersListed(
                ChatId.of("wrNamedOld"),
                List.of(member("someone-else", "别人", null, MemberKind.EXTERNAL)),
                t.plusSeconds(10)));
        commit(new StateChange.MembersListed(
                ChatId.of("wrNamedNow"),
                List.of(member("named-1", "刘芳", "3栋1202-自住", MemberKind.EXTERNAL)),
                t.plusSeconds(20)));
        commit(new StateChange.MembersListed(
                ChatId.of("wrNamedOnlyName"), List.of(member("named-2", "老周", null, MemberKind.EXTERNAL)), t));
        commit(new StateChange.MemberSeen(ChatId.of("wrNamedSeen"), UserId.of("named-3"), t));

        assertThat(members.named(UserId.of("named-1")))
                .get()
                .extracting(Member::displayName)
                .as("the group she is still in, not the one she left")
                .isEqualTo("3栋1202-自住");
        assertThat(members.named(UserId.of("named-2")))
                .get()
                .extracting(Member::displayName)
                .isEqualTo("老周");
        assertThat(members.named(UserId.of("named-3")))
                .as("seen speaking, no name")
                .isEmpty();
    }

    // --- private contexts -----------------------------------------------------------------------------------------

    @Test
    void aPrivateContextIsChosenAndChangedAndSeenAtOnce() {
        UserId sw = UserId.of("sw-ctx");
        assertThat(contexts.current(sw)).as("cached as none").isEmpty();

        commit(new StateChange.PrivateContextChosen(sw, ChatId.of("wrCtxA"), clock.instant()));
        assertThat(contexts.current(sw)).contains(ChatId.of("wrCtxA"));

        commit(new StateChange.PrivateContextChosen(sw, ChatId.of("wrCtxB"), clock.instant()));
        assertThat(contexts.current(sw)).contains(ChatId.of("wrCtxB"));
        assertThat(count("SELECT COUNT(*) FROM private_context WHERE user_id = 'sw-ctx'"))
                .isEqualTo(1);
        assertThat(contexts.current(UserId.of("sw-other"))).isEmpty();
    }

    // --- audit --------------------------------------------------------------------------------------------------

    @Test
    void theAuditAnswersNewestFirstPerChatAndForAllChats() {
        ChatId a = ChatId.of("wrAuditA");
        ChatId b = ChatId.of("wrAuditB");
        Instant t = clock.instant();
        commit(new StateChange.Audited(entry(t, "adm-1", "/角色 授予", Optional.of(a), "授予 u1「群秘书」")));
        commit(new StateChange.Audited(entry(t.plusSeconds(1), "adm-1", "/审计", Optional.empty(), "查看所有群的操作记录")));
        commit(new StateChange.Audited(new AuditEntry(
                t.plusSeconds(2),
                UserId.of("res-1"),
                "/角色 授予",
                Optional.of(a),
                AuditEntry.Result.REFUSED,
                "只有群管理员可以授予角色")));
        commit(new StateChange.Audited(entry(t.plusSeconds(3), "adm-2", "/群规 设置", Optional.of(b), "设置「B群」的群规")));

        assertThat(audit.recent(Optional.of(a), 10))
                .extracting(AuditEntry::actor, AuditEntry::result, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                UserId.of("res-1"), AuditEntry.Result.REFUSED, "只有群管理员可以授予角色"),
                        org.assertj.core.groups.Tuple.tuple(UserId.of("adm-1"), AuditEntry.Result.DONE, "授予 u1「群秘书」"));
        assertThat(audit.recent(Optional.empty(), 10))
                .extracting(AuditEntry::action)
                .containsExactly("/群规 设置", "/角色 授予", "/审计", "/角色 授予");
        assertThat(audit.recent(Optional.empty(), 2))
                .extracting(AuditEntry::at)
                .containsExactly(t.plusSeconds(3), t.plusSeconds(2));
        assertThat(audit.recent(Optional.empty(), 10))
                .filteredOn(e -> e.action().equals("/审计"))
                .singleElement()
                .extracting(AuditEntry::chat)
                .isEqualTo(Optional.empty());
        assertThat(audit.recent(Optional.of(ChatId.of("wrAuditNone")), 10)).isEmpty();
    }

    @Test
    void theAuditKeepsItsDetailEncryptedAtRest() {
        audit.record(
                entry(clock.instant(), "adm-1", "/角色 授予", Optional.of(ChatId.of("wrAuditEnc")), "授予 3栋1202-自住「群秘书」"));

        String stored = jdbc.queryForObject("SELECT detail FROM audit_log", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain("3栋1202").doesNotContain("群秘书");
        assertThat(audit.recent(Optional.empty(), 1))
                .singleElement()
                .extracting(AuditEntry::detail)
                .isEqualTo("授予 3栋1202-自住「群秘书」");
    }

    @Test
    void anOverlongActionIsCutRatherThanRefused() {
        audit.record(entry(clock.instant(), "adm-1", "/" + "很长".repeat(50), Optional.empty(), "x"));

        assertThat(audit.recent(Optional.empty(), 1).get(0).action()).hasSize(64);
    }

    // --- the commit as a whole ----------------------------------------------------------------------------------

    @Test
    void appliesEveryRegistryChangeOfADecisionInItsCommit() {
        ChatId chat = ChatId.of("wrAll");
        UserId sec = UserId.of("sec-all");
        UserId old = UserId.of("vol-old");
        groups.grant(old, Role.VOLUNTEER, Optional.of(chat), ADMIN);
        Instant at = clock.instant();
        long id = row();

        int applied = dispatch.commit(List.of(new Decision(
                id,
                List.of(
                        new StateChange.MemberSeen(chat, UserId.of("adm-reg"), at),
                        new StateChange.GroupRegistered(chat, "全套群", "RESIDENTS", Channel.CUSTOMER, ADMIN, at),
                        new StateChange.GroupRulesSet(chat, Optional.of("本群群规"), ADMIN, at),
                        new StateChange.MembersListed(
                                chat, List.of(member("sec-all", "李四", "群秘书-李四", MemberKind.STAFF)), at),
                        new StateChange.RoleGranted(sec, Role.SECRETARY, Optional.of(chat), ADMIN, at),
                        new StateChange.RoleRevoked(old, Role.VOLUNTEER, Optional.of(chat), ADMIN, at),
                        new StateChange.PrivateContextChosen(ADMIN, chat, at),
                        new StateChange.Audited(entry(at, "adm-reg", "/登记客户群", Optional.of(chat), "登记客户群「全套群」"))),
                List.of(new OutboxMessage("APP_TEXT", "adm-reg", "已登记客户群「全套群」")))));

        assertThat(applied).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM inbox WHERE id = ?", String.class, id))
                .isEqualTo("DONE");
        Group g = groups.findByChat(chat).orElseThrow();
        assertThat(g.name()).isEqualTo("全套群");
        assertThat(g.channel()).isEqualTo(Channel.CUSTOMER);
        assertThat(g.rules()).contains("本群群规");
        assertThat(members.membersOf(chat))
                .as("adm-reg was seen, then not listed: left")
                .extracting(Member::displayName)
                .containsExactly("群秘书-李四");
        assertThat(groups.rolesOf(sec, Optional.of(chat))).containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(old, Optional.of(chat))).isEmpty();
        assertThat(contexts.current(ADMIN)).contains(chat);
        assertThat(audit.recent(Optional.of(chat), 10))
                .singleElement()
                .extracting(AuditEntry::detail)
                .isEqualTo("登记客户群「全套群」");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE inbox_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aDecisionWhoseRowAnotherWorkerFinishedChangesNoRegistryState() {
        ChatId chat = ChatId.of("wrOnce");
        long id = row();
        Decision d = new Decision(
                id,
                List.of(
                        new StateChange.RoleGranted(
                                UserId.of("sec-once"), Role.SECRETARY, Optional.of(chat), ADMIN, clock.instant()),
                        new StateChange.Audited(entry(clock.instant(), "adm-reg", "/角色 授予", Optional.of(chat), "授予"))),
                List.of());
        assertThat(dispatch.commit(List.of(d))).isEqualTo(1);

        assertThat(dispatch.commit(List.of(d))).as("the same row again").isZero();

        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM role_grant")).isEqualTo(1);
    }

    @Test
    void aRegistryChangeThatCannotBeStoredRollsBackTheWholeDecision() {
        ChatId chat = ChatId.of("wrRollback");
        long id = row();
        Instant at = clock.instant();
        Decision d = new Decision(
                id,
                List.of(
                        new StateChange.RoleGranted(UserId.of("sec-rb"), Role.SECRETARY, Optional.of(chat), ADMIN, at),
                        new StateChange.Audited(entry(at, "adm-reg", "/绑定群", Optional.of(chat), "登记")),
                        // longer than bot_group.name: the database refuses it
                        new StateChange.GroupRegistered(chat, "名".repeat(300), "RESIDENTS", Channel.AIBOT, ADMIN, at)),
                List.of(new OutboxMessage("APP_TEXT", "adm-reg", "已登记")));

        assertThatThrownBy(() -> dispatch.commit(List.of(d))).isInstanceOf(RuntimeException.class);

        assertThat(jdbc.queryForObject("SELECT status FROM inbox WHERE id = ?", String.class, id))
                .as("decided again later")
                .isEqualTo("NEW");
        assertThat(count("SELECT COUNT(*) FROM role_grant")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(groups.rolesOf(UserId.of("sec-rb"), Optional.of(chat))).isEmpty();
    }
}
