package org.sanshe.bot.core.nickname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeNicknameRecords;
import org.sanshe.bot.core.fixture.Fakes;

/**
 * 阳光社区5栋居民群, a registered customer group (secretary 李秘书, administrator 周主任, owner 陈阿姨): members join with
 * good and messy nicknames; the secretary gets one digest naming exactly the ones to fix, with suggestions; an external
 * "社工" and a shared household go to the administrator at once; a member who fixes the nickname is thanked on the next
 * read and no longer listed. Nothing is ever said in the group.
 */
class NicknameDeskTest {
    private static final String CHAT = "wrCust5";
    private static final Instant T0 = Events.NOW;
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

    private final FakeNicknameRecords records = Fakes.nicknames();
    private final org.sanshe.bot.core.fixture.FakePrivateContexts contexts = Fakes.contexts();
    private final Engine engine = Bots.bot()
            .contexts(contexts)
            .types(TYPES)
            .groups(Fakes.groups().register(CHAT, "阳光社区5栋居民群", "RESIDENTS", Channel.CUSTOMER))
            .roles(Fakes.roles().grant("sec-li", Role.SECRETARY, CHAT).grant("adm-zhou", Role.ADMIN, CHAT))
            .nicknames(records)
            .nicknameSettings(
                    new NicknameSettings(Duration.ofSeconds(2), Duration.ofMinutes(30), Duration.ofDays(1), 2))
            .build();

    private static Member staff(String id, String nickname) {
        return new Member(UserId.of(id), Optional.of(id), Optional.of(nickname), MemberKind.STAFF);
    }

    private static Member resident(String id, String name, String nickname) {
        return new Member(UserId.of(id), Optional.of(name), Optional.ofNullable(nickname), MemberKind.EXTERNAL);
    }

    private Outcome read(Instant at, Member... members) {
        var details = new InboundEvent.CustomerGroupDetails("5栋居民群", UserId.of("bh-chen"), List.of(members));
        Outcome o = engine.decide(new InboundEvent.CustomerGroupRead(
                new EventId("read:" + at.toEpochMilli()), ChatId.of(CHAT), Optional.of(details), Optional.empty(), at));
        records.commit(o);
        assertThat(o.outbound()).as("never a word in the group").allMatch(Outbound.PrivateMessage.class::isInstance);
        return o;
    }

    private static List<String> to(Outcome o, String member) {
        List<String> texts = new ArrayList<>();
        o.outbound().forEach(m -> {
            if (m instanceof Outbound.PrivateMessage p && p.to().value().equals(member)) {
                texts.add(p.text());
            }
        });
        return texts;
    }

    private static final Member CHEN = staff("bh-chen", "楼门栋长-陈阿姨");
    private static final Member GOOD = resident("wm501", "微笑向暖", "5栋501-自住");
    private static final Member MESSY_OK = resident("wm602", "老刘", "5-602 租户");
    private static final Member NO_HOUSEHOLD = resident("wm703", "小雨", "小雨");
    private static final Member NO_TENURE = resident("wm801", "王姐", "5栋801");

    @Test
    void aJoinIsReadAfterTheDelayAndBurstsShareOneRead() {
        Outcome joined = engine.decide(new InboundEvent.MembersJoined(
                Events.nextId(), Channel.CUSTOMER, ChatId.of(CHAT), List.of(UserId.of("wm901")), T0.plusMillis(1)));
        var timer = changes(joined, StateChange.TimerSet.class);
        assertThat(timer).singleElement().satisfies(t -> {
            assertThat(t.timer()).isEqualTo(NicknameDesk.TIMER);
            assertThat(t.due()).isBetween(T0.plusSeconds(2), T0.plusSeconds(4));
        });
        Outcome again = engine.decide(new InboundEvent.MembersJoined(
                Events.nextId(), Channel.CUSTOMER, ChatId.of(CHAT), List.of(UserId.of("wm902")), T0.plusMillis(500)));
        assertThat(changes(again, StateChange.TimerSet.class).get(0).subject())
                .isEqualTo(timer.get(0).subject());

        Outcome fired = engine.decide(new InboundEvent.TimerFired(
                Events.nextId(),
                NicknameDesk.TIMER,
                timer.get(0).subject(),
                timer.get(0).due()));
        assertThat(fired.outbound())
                .singleElement()
                .isEqualTo(new Outbound.ReadGroupMembers(
                        ChatId.of(CHAT), timer.get(0).subject()));
    }

    @Test
    void theSecretaryGetsOneDigestNamingExactlyTheMembersToFixWithSuggestions() {
        read(T0, CHEN, GOOD);
        Outcome o = read(T0.plusSeconds(60), CHEN, GOOD, MESSY_OK, NO_HOUSEHOLD, NO_TENURE);

        assertThat(to(o, "sec-li")).singleElement().satisfies(d -> {
            assertThat(d).startsWith("【群昵称】「阳光社区5栋居民群」");
            assertThat(d).contains("5-602 租户（wm602） 入群，昵称已符合规范");
            assertThat(d).contains("请提醒以下 2 人修改群昵称");
            assertThat(d).contains("· 小雨（wm703）：");
            assertThat(d).contains("· 5栋801（wm801）：").contains("5栋801-自住 / 5栋801-租住");
            assertThat(d).doesNotContain("微笑向暖：").doesNotContain("· 5-602 租户（wm602）：");
        });
        assertThat(to(o, "adm-zhou")).isEmpty();
        assertThat(changes(o, StateChange.TimerSet.class))
                .as("the next poll")
                .singleElement()
                .satisfies(t -> assertThat(t.subject()).startsWith("poll:" + CHAT + ":"));
    }

    @Test
    void anExternalStaffTitleAndASharedHouseholdGoToTheAdministratorOnce() {
        Member fake = resident("wm999", "路人", "社工-王五");
        Member twin = resident("wm502", "小微", "5栋501-自住");
        Outcome o = read(T0, CHEN, GOOD, fake, twin);

        assertThat(to(o, "adm-zhou")).singleElement().satisfies(f -> {
            assertThat(f).contains("社工-王五（wm999） 是微信用户").contains("“社工”");
            assertThat(f).doesNotContain("wm703");
            assertThat(f).contains("5栋501 有 2 位成员").contains("wm501").contains("wm502");
        });
        Outcome later = read(T0.plusSeconds(1800), CHEN, GOOD, fake, twin);
        assertThat(to(later, "adm-zhou")).as("told once").isEmpty();
    }

    @Test
    void aPhoneNumberInANicknameIsFlaggedAndNeverRepeated() {
        Member phone = resident("wm777", "李叔", "5栋707李叔13812345678");
        Outcome o = read(T0, CHEN, phone);
        assertThat(to(o, "adm-zhou"))
                .singleElement()
                .satisfies(f -> assertThat(f).contains("李叔（wm777） 的昵称里有电话号码").doesNotContain("13812345678"));
        assertThat(to(o, "sec-li")).singleElement().satisfies(d -> assertThat(d).doesNotContain("13812345678"));
    }

    @Test
    void aMemberWhoFixesTheNicknameIsThankedAndNoLongerListed() {
        read(T0, CHEN, NO_TENURE);
        Member fixed = resident("wm801", "王姐", "5栋801-租住");
        Outcome o = read(T0.plusSeconds(1800), CHEN, fixed);
        assertThat(to(o, "sec-li")).singleElement().satisfies(d -> {
            assertThat(d).contains("已经改好，谢谢配合").contains("5栋801-租住（wm801）");
            assertThat(d).doesNotContain("请提醒");
        });
        assertThat(to(read(T0.plusSeconds(3600), CHEN, fixed), "sec-li"))
                .as("nothing new")
                .isEmpty();
    }

    @Test
    void reminderIsAtMostOncePerIntervalThenAPersonalWord() {
        read(T0, CHEN, NO_TENURE);
        assertThat(to(read(T0.plusSeconds(1800), CHEN, NO_TENURE), "sec-li"))
                .as("reminded an hour ago")
                .isEmpty();
        Outcome second = read(T0.plus(Duration.ofDays(1)), CHEN, NO_TENURE);
        assertThat(to(second, "sec-li"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("请提醒以下 1 人"));
        Outcome third = read(T0.plus(Duration.ofDays(2)), CHEN, NO_TENURE);
        assertThat(to(third, "sec-li"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("已提醒 2 次仍未修改，建议您当面或私下沟通").doesNotContain("请提醒以下"));
    }

    @Test
    void membersWhoLeftAreForgotten() {
        read(T0, CHEN, NO_TENURE);
        Outcome o = read(T0.plusSeconds(1800), CHEN);
        assertThat(changes(o, StateChange.NicknameForgotten.class))
                .extracting(f -> f.member().value())
                .containsExactly("wm801");
    }

    @Test
    void oneNicknameIsCheckedOnRequestAndTheReportStaysPrivate() {
        var check = engine.decide(
                Events.text().from("wm801").inGroup(CHAT).via(Channel.AIBOT).saying("/昵称 检查 3-1202 业主"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(check))
                .contains("符合「阳光社区5栋居民群」的群昵称规范")
                .contains("3栋1202-自住");
        var inGroup = engine.decide(Events.text().from("sec-li").inGroup(CHAT).saying("/昵称 报告"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(inGroup)).contains("请在私聊中输入 /昵称 报告");

        read(T0, CHEN, NO_TENURE, NO_HOUSEHOLD);
        contexts.choose("sec-li", CHAT);
        var report = engine.decide(
                Events.text().from("sec-li").privately().via(Channel.APP).saying("/昵称 报告"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(report))
                .contains("「阳光社区5栋居民群」还有 2 人（共 3 人）的群昵称没改好")
                .contains("· 5栋801（wm801）：")
                .contains("· 小雨（wm703）：")
                .contains("（已提醒 1 次）");
        var resident = engine.decide(
                Events.text().from("wm801").privately().via(Channel.APP).saying("/昵称 报告"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(resident)).doesNotContain("wm703");
    }

    @Test
    void whereTheTypeAsksForItTheOwnerGetsOneGroupSendDraftADayWithoutNames() {
        FakeNicknameRecords store = Fakes.nicknames();
        Engine drafting = Bots.bot()
                .types(TYPES)
                .groups(Fakes.groups().register(CHAT, "阳光社区5栋居民群", "RESIDENTS", Channel.CUSTOMER))
                .roles(Fakes.roles().grant("sec-li", Role.SECRETARY, CHAT))
                .nicknames(store)
                .nicknameSettings(new NicknameSettings(
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(30),
                        Duration.ofDays(1),
                        3,
                        java.util.Set.of("RESIDENTS")))
                .build();
        java.util.function.Function<Instant, Outcome> readAt = at -> {
            var details = new InboundEvent.CustomerGroupDetails(
                    "5栋居民群", UserId.of("bh-chen"), List.of(CHEN, GOOD, NO_TENURE, NO_HOUSEHOLD));
            Outcome o = drafting.decide(new InboundEvent.CustomerGroupRead(
                    new EventId("read:" + at), ChatId.of(CHAT), Optional.of(details), Optional.empty(), at));
            store.commit(o);
            return o;
        };
        List<Outbound.GroupSendDraft> first = readAt.apply(T0).outbound().stream()
                .filter(Outbound.GroupSendDraft.class::isInstance)
                .map(Outbound.GroupSendDraft.class::cast)
                .toList();
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.chat()).isEqualTo(ChatId.of(CHAT));
            assertThat(d.sender()).isEqualTo(UserId.of("bh-chen"));
            assertThat(d.text()).contains("「阳光社区5栋居民群」").contains("楼栋房号-自住");
            assertThat(d.text()).doesNotContain("wm").doesNotContain("小雨").doesNotContain("801");
        });
        assertThat(readAt.apply(T0.plus(Duration.ofHours(23))).outbound())
                .noneMatch(Outbound.GroupSendDraft.class::isInstance);
        assertThat(readAt.apply(T0.plus(Duration.ofHours(25))).outbound())
                .as("a day later the members are due again, and so is one draft")
                .filteredOn(Outbound.GroupSendDraft.class::isInstance)
                .hasSize(1);
        assertThat(read(T0, CHEN, NO_TENURE).outbound())
                .as("not configured for the type: no draft")
                .noneMatch(Outbound.GroupSendDraft.class::isInstance);
    }

    @Test
    void aStaffMemberTalkingToTheBotHearsOnceADayThatTheirNicknameNeedsAChange() {
        Member zhang = staff("sw-zhang", "张三");
        read(T0, CHEN, zhang); // listed in the digest: reminded for today
        java.util.function.Function<Instant, String> whoAmI = at -> {
            Outcome o = engine.decide(Events.text()
                    .from("sw-zhang")
                    .privately()
                    .via(Channel.APP)
                    .at(at)
                    .saying("/我是谁"));
            records.commit(o);
            return org.sanshe.bot.core.fixture.Outcomes.replyText(o);
        };
        assertThat(whoAmI.apply(T0.plusSeconds(60))).doesNotContain("顺便提醒");
        Outcome inGroup = engine.decide(Events.text()
                .from("sw-zhang")
                .inGroup("wrInternal")
                .at(T0.plus(Duration.ofDays(1)))
                .saying("/我是谁"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(inGroup))
                .as("never in front of a group")
                .doesNotContain("顺便提醒");
        assertThat(whoAmI.apply(T0.plus(Duration.ofDays(1)).plusSeconds(60)))
                .contains("sw-zhang")
                .contains("顺便提醒：您在「阳光社区5栋居民群」的群昵称还需要调整");
        assertThat(whoAmI.apply(T0.plus(Duration.ofDays(1)).plusSeconds(120))).doesNotContain("顺便提醒");
        Outcome refused = engine.decide(Events.text()
                .from("sw-zhang")
                .privately()
                .via(Channel.APP)
                .at(T0.plus(Duration.ofDays(3)))
                .saying("/审计"));
        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(refused))
                .as("not with a refusal")
                .doesNotContain("顺便提醒");
    }
}
