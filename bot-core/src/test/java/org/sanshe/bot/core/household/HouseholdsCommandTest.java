package org.sanshe.bot.core.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.nickname.NicknameCheck;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.sanshe.bot.core.port.NicknameRecords.NicknameRecord;

/**
 * 阳光社区居民群 (a registered customer group, building head 陈阿姨) with a roster of 5栋 (no units) and 6栋 (units 1 and
 * 2): the report counts present, missing, shared and not-on-roster households per building, owners and tenants, and
 * nicknames not following the convention; lists rooms and names only in a private chat.
 */
class HouseholdsCommandTest {
    private static final String CHAT = "wrCust5";
    private static final List<String> FORMATS = List.of("楼栋房号-自住", "楼栋房号-租住", "楼门栋长-姓名", "社工-姓名", "社区-姓名");
    private static final NicknameConvention CONVENTION = NicknameConvention.parse(FORMATS);
    private static final GroupTypes TYPES = new GroupTypes(List.of(new GroupType(
            "RESIDENTS",
            "线上小区居民群",
            List.of("居民群"),
            GroupType.Tier.CORE,
            "",
            FORMATS,
            List.of(Role.SOCIAL_WORKER, Role.ADMIN),
            "",
            "")));
    private static final List<Household> ROSTER = List.of(
            new Household("5", "", "101"),
            new Household("5", "", "102"),
            new Household("5", "", "201"),
            new Household("5", "", "202"),
            new Household("5", "", "501"),
            new Household("6", "1", "101"),
            new Household("6", "2", "101"),
            new Household("6", "1", "102"));

    private final Map<ChatId, List<Household>> rosters = new HashMap<>();
    private final Map<UserId, NicknameRecord> records = new LinkedHashMap<>();
    private final FakeMembers members = Fakes.members();
    private final org.sanshe.bot.core.fixture.FakePrivateContexts contexts = Fakes.contexts();
    private final Engine engine = Bots.bot()
            .types(TYPES)
            .contexts(contexts)
            .members(members)
            .groups(Fakes.groups().register(CHAT, "阳光社区居民群", "RESIDENTS", Channel.CUSTOMER))
            .roles(Fakes.roles().grant("bh-chen", Role.BUILDING_HEAD, CHAT))
            .nicknames(chat -> chat.value().equals(CHAT) ? records : Map.of())
            .households(chat -> rosters.getOrDefault(chat, List.of()))
            .build();

    private void member(String id, String name, String nickname) {
        NicknameCheck check = CONVENTION.check(nickname);
        Instant at = Events.NOW;
        records.put(
                UserId.of(id),
                new NicknameRecord(
                        Optional.of(nickname),
                        check.compliant(),
                        check.householdKey(),
                        at,
                        0,
                        Optional.empty(),
                        false,
                        at));
        members.add(CHAT, new Member(UserId.of(id), Optional.of(name), Optional.of(nickname), MemberKind.EXTERNAL));
    }

    private void theGroup() {
        member("bh-chen", "陈阿姨", "楼门栋长-陈阿姨");
        member("m1", "王一", "5栋101-自住");
        member("m2", "王二", "5-101 租住");
        member("m3", "李三", "5栋2单元201-自住");
        member("m4", "赵四", "5栋901-租住");
        member("m5", "孙五", "6栋1单元101-自住");
        member("m6", "周六", "6栋101-自住");
        member("m7", "吴七", "6栋102-租住");
        member("m8", "小雨", "小雨");
    }

    private String inGroup(String who) {
        return replyText(engine.decide(Events.text().from(who).inGroup(CHAT).saying("/户数")));
    }

    private String privately(String who, String text) {
        contexts.choose(who, CHAT);
        return replyText(engine.decide(
                Events.text().from(who).privately().via(Channel.APP).saying(text)));
    }

    @Test
    void countsEachBuildingAgainstTheRoster() {
        rosters.put(ChatId.of(CHAT), ROSTER);
        theGroup();

        HouseholdCoverage c = HouseholdCoverage.of(ROSTER, records, CONVENTION);

        assertThat(c.rostered()).isEqualTo(8);
        assertThat(c.present()).isEqualTo(4);
        assertThat(c.missing()).isEqualTo(4);
        assertThat(c.shared()).isEqualTo(1);
        assertThat(c.notOnRoster()).isEqualTo(2);
        assertThat(c.members()).isEqualTo(9);
        assertThat(c.notCompliant()).isEqualTo(1);
        assertThat(c.withoutHousehold()).isEqualTo(2);
        var five = c.buildings().get(0);
        assertThat(five.building()).isEqualTo("5");
        assertThat(five.missing()).extracting(Household::room).containsExactly("102", "202", "501");
        assertThat(five.shared()).containsOnlyKeys(new Household("5", "", "101"));
        assertThat(five.owners()).isEqualTo(2);
        assertThat(five.tenants()).isEqualTo(2);
        assertThat(five.notOnRoster()).extracting(x -> x.member().value()).containsExactly("m4");
        var six = c.buildings().get(1);
        assertThat(six.missing()).containsExactly(new Household("6", "2", "101"));
        assertThat(six.notOnRoster()).extracting(x -> x.member().value()).containsExactly("m6");
    }

    @Test
    void matchesUnitsOnlyWhereTheRosterCanTellThem() {
        assertThat(HouseholdCoverage.place(new Household("5", "2", "201"), ROSTER))
                .as("a roster without units ignores the nickname's unit")
                .contains(new Household("5", "", "201"));
        assertThat(HouseholdCoverage.place(new Household("6", "", "102"), ROSTER))
                .as("one room of that number: the unit is not needed")
                .contains(new Household("6", "1", "102"));
        assertThat(HouseholdCoverage.place(new Household("6", "", "101"), ROSTER))
                .as("two rooms 101 in 6栋: a person asks")
                .isEmpty();
        assertThat(HouseholdCoverage.place(new Household("6", "3", "102"), ROSTER))
                .as("a unit the roster does not have")
                .isEmpty();
    }

    @Test
    void saysOnlyCountsInTheGroup() {
        rosters.put(ChatId.of(CHAT), ROSTER);
        theGroup();

        String text = inGroup("bh-chen");

        assertThat(text)
                .startsWith("【阳光社区居民群 入群户数】")
                .contains("名册 8 户，已入群 4 户（50%），未入群 4 户；一户多人 1 户，不在名册 2 人。")
                .contains("· 5栋：名册 5 户，已入群 2 户，未入群 3 户，一户多人 1 户；自住 2 人，租住 2 人；不在名册 1 人")
                .contains("· 6栋：名册 3 户，已入群 2 户，未入群 1 户，一户多人 0 户；自住 2 人，租住 1 人；不在名册 1 人")
                .contains("已读取成员 9 人：群昵称不规范 1 人")
                .contains("请在私聊中查看")
                .doesNotContain("未入群：", "王一", "102", "901");
    }

    @Test
    void listsRoomsAndMembersInAPrivateChat() {
        rosters.put(ChatId.of(CHAT), ROSTER);
        theGroup();

        String text = privately("bh-chen", "/入群户数");

        assertThat(text)
                .contains("　未入群：102、202、501")
                .contains("　一户多人：5栋101（5栋101-自住（m1）、5-101 租住（m2））")
                .contains("　不在名册：5栋901（5栋901-租住（m4））")
                .contains("　未入群：2单元101")
                .contains("　不在名册：6栋101（6栋101-自住（m6））")
                .doesNotContain("请在私聊中查看");
    }

    @Test
    void countsFromNicknamesAloneWithoutARoster() {
        theGroup();

        String text = privately("bh-chen", "/households");

        assertThat(text)
                .contains("还没有导入户数名册")
                .contains("· 5栋：已入群 3 户，一户多人 1 户；自住 2 人，租住 2 人")
                .contains("· 6栋：已入群 3 户，一户多人 0 户；自住 2 人，租住 1 人")
                .contains("docs/NICKNAMES.md")
                .doesNotContain("未入群：");
    }

    @Test
    void saysTheGroupWasNotReadYet() {
        rosters.put(ChatId.of(CHAT), ROSTER);

        assertThat(inGroup("bh-chen")).contains("还没有读取过").contains("/昵称 检查");
    }

    @Test
    void isForBuildingHeadsAndAboveAndAuditsOnlyTheCounts() {
        rosters.put(ChatId.of(CHAT), ROSTER);
        theGroup();

        assertThat(inGroup("m1")).doesNotContain("入群户数】");
        var outcome = engine.decide(Events.text().from("bh-chen").inGroup(CHAT).saying("/户数"));
        assertThat(auditEntry(outcome).detail()).isEqualTo("入群户数：名册 8 户，已入群 4 户，成员 9 人");
    }
}
