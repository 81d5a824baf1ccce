package org.sanshe.bot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.Ports;

/** Finding the member a person means in the focus-service group wrFOCUS1, or in all groups. */
class MemberFinderTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final Optional<ChatId> IN_FOCUS = Optional.of(ChatId.of(FOCUS));
    private static final Optional<ChatId> EVERYWHERE = Optional.empty();

    private static final Member LISI =
            new Member(UserId.of("lisi"), Optional.of("李四"), Optional.of("群秘书-李四"), MemberKind.STAFF);
    private static final Member AUNT_WANG =
            new Member(UserId.of("wmAAA1"), Optional.of("王阿姨"), Optional.of("5栋1202-自住"), MemberKind.EXTERNAL);

    private final FakeMembers members = Fakes.members().add(FOCUS, LISI).add(FOCUS, AUNT_WANG);
    private final FakeRoleGrants roles = Fakes.roles();

    private Lookup<Member> find(String typed, Optional<ChatId> where, String... configuredAdmins) {
        var ports = new Ports(
                Fakes.groups(),
                roles,
                members,
                Fakes.contexts(),
                Fakes.audit(),
                Fakes.limiter(),
                Fakes.escalations(),
                org.sanshe.bot.core.port.ContentScanner.NONE,
                org.sanshe.bot.core.port.RuleBreaches.NONE,
                org.sanshe.bot.core.port.NicknameRecords.NONE);
        Set<UserId> admins =
                Set.copyOf(List.of(configuredAdmins).stream().map(UserId::of).toList());
        return new MemberFinder(ports, admins).find(typed, where);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lisi",
                "LISI",
                "@lisi",
                "ｌｉｓｉ",
                "群秘书-李四",
                "@群秘书-李四",
                "＠群秘书-李四",
                "李四",
                "@李四",
                "「李四」",
                "@「群秘书-李四」",
                " 李四 "
            })
    void findsAMemberByIdNameOrGroupNicknameHoweverItIsWritten(String typed) {
        assertThat(find(typed, IN_FOCUS)).isEqualTo(new Lookup.Found<>(LISI));
    }

    @Test
    void findsAWeChatUserByTheNicknameTheyUseInTheGroup() {
        assertThat(find("@5栋1202-自住", IN_FOCUS)).isEqualTo(new Lookup.Found<>(AUNT_WANG));
        assertThat(find("王阿姨", IN_FOCUS)).isEqualTo(new Lookup.Found<>(AUNT_WANG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"账号:new-user", "账号：new-user", "账号: new-user", "userid:new-user", "ID:new-user"})
    void anExplicitAccountIsTakenAsItIsEvenWhenNobodyHasSeenIt(String typed) {
        assertThat(find(typed, IN_FOCUS)).isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("new-user"))));
    }

    @Test
    void anExplicitAccountOfAKnownMemberComesWithTheirNames() {
        assertThat(find("账号:lisi", IN_FOCUS)).isEqualTo(new Lookup.Found<>(LISI));
    }

    @Test
    void anExplicitAccountMustLookLikeAnAccount() {
        assertThat(find("账号:李 四", IN_FOCUS)).isInstanceOf(Lookup.NotFound.class);
        assertThat(find("账号:", IN_FOCUS)).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void anIdSeenInAnotherGroupIsFoundByIdOnly() {
        members.seen("wrRES1", "zhaoliu");

        assertThat(find("zhaoliu", IN_FOCUS)).isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("zhaoliu"))));
    }

    @Test
    void anIdNobodyHasSeenIsNotFoundSoATypoGrantsNothing() {
        assertThat(find("lsii", IN_FOCUS)).isEqualTo(new Lookup.NotFound<>());
    }

    @Test
    void aMemberWhoHoldsAGrantThereIsKnownEvenWithoutHavingSpoken() {
        roles.grant("sw-zhao", Role.SOCIAL_WORKER, FOCUS);

        assertThat(find("sw-zhao", IN_FOCUS)).isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("sw-zhao"))));
    }

    @Test
    void aConfiguredAdminIsKnownEverywhere() {
        assertThat(find("demo-admin", EVERYWHERE, "demo-admin"))
                .isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("demo-admin"))));
    }

    @Test
    void twoMembersWithTheSameNicknameAreAmbiguous() {
        var otherLi = new Member(UserId.of("lisi-2"), Optional.empty(), Optional.of("李四"), MemberKind.STAFF);
        members.add(FOCUS, otherLi);

        assertThat(find("@李四", IN_FOCUS)).isEqualTo(new Lookup.Ambiguous<>(List.of(LISI, otherLi)));
    }

    @Test
    void anExactNameWinsOverNamesThatOnlyContainIt() {
        var li = new Member(UserId.of("li"), Optional.empty(), Optional.of("李"), MemberKind.STAFF);
        members.add(FOCUS, li);

        assertThat(find("李", IN_FOCUS)).isEqualTo(new Lookup.Found<>(li));
    }

    @Test
    void aPartOfANameOffersTheNearMembers() {
        assertThat(find("@李", IN_FOCUS)).isEqualTo(new Lookup.NearMatches<>(List.of(LISI)));
        assertThat(find("群秘书-李四哥", IN_FOCUS)).isEqualTo(new Lookup.NearMatches<>(List.of(LISI)));
    }

    @Test
    void atMostFiveNearMembersAreOffered() {
        for (int i = 1; i <= 7; i++) {
            members.in(FOCUS, "zhang" + i, "张" + i);
        }

        var found = find("张", IN_FOCUS);

        assertThat(found)
                .isInstanceOfSatisfying(
                        Lookup.NearMatches.class,
                        n -> assertThat(n.candidates()).hasSize(5));
    }

    @Test
    void aNicknameInAnotherGroupDoesNotCountHere() {
        members.in("wrRES1", "wangwu", "王五");

        assertThat(find("@王五", IN_FOCUS)).isEqualTo(new Lookup.NotFound<>());
    }

    @Test
    void forAllGroupsOnlyIdsAndGrantsThatHoldEverywhereAreKnown() {
        roles.grantEverywhere("sw-zhao", Role.SOCIAL_WORKER);

        assertThat(find("sw-zhao", EVERYWHERE)).isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("sw-zhao"))));
        assertThat(find("lisi", EVERYWHERE)).isEqualTo(new Lookup.Found<>(Member.idOnly(UserId.of("lisi"))));
        assertThat(find("@李四", EVERYWHERE)).isEqualTo(new Lookup.NotFound<>());
    }

    @Test
    void nothingTypedIsNotFound() {
        assertThat(find("@", IN_FOCUS)).isEqualTo(new Lookup.NotFound<>());
        assertThat(find("「」", IN_FOCUS)).isEqualTo(new Lookup.NotFound<>());
    }
}
