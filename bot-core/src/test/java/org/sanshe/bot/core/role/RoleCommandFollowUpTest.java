package org.sanshe.bot.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange.RoleGranted;
import org.sanshe.bot.core.engine.StateChange.RoleRevoked;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** The cases a first round of use found: names for grants everywhere, configured admins, private-chat hints. */
class RoleCommandFollowUpTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String CUSTOMER = "wrCUST1";

    private final FakeGroups groups = Fakes.groups()
            .register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE")
            .register(CUSTOMER, "阳光小区5栋居民群", "RESIDENTS", Channel.CUSTOMER);
    private final FakeRoleGrants roles = Fakes.roles();
    private final FakeMembers members = Fakes.members();

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .members(members)
                .admins("demo-admin")
                .build();
    }

    private Outcome inFocus(String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(FOCUS).saying(text));
    }

    @Test
    void aGrantForEveryGroupTypedInAGroupFindsTheMemberByTheirNicknameThere() {
        members.in(FOCUS, "lisi", "群秘书-李四");

        var outcome = inFocus("demo-admin", "/角色 授予 @群秘书-李四 社工 全部");

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(new RoleGranted(
                        UserId.of("lisi"), Role.SOCIAL_WORKER, Optional.empty(), UserId.of("demo-admin"), Events.NOW));
    }

    @Test
    void aConfiguredAdminsRoleCannotBeRevokedInOneGroupEither() {
        var outcome = inFocus("demo-admin", "/角色 撤销 demo-admin 群管理员");

        assertThat(replyText(outcome)).contains("服务配置（bot.admins）");
        assertThat(changes(outcome, RoleRevoked.class)).isEmpty();
    }

    @Test
    void aConfiguredAdminWithAStoredAdminGrantIsListedOnce() {
        roles.grantEverywhere("demo-admin", Role.ADMIN);

        String list = replyText(inFocus("demo-admin", "/角色 列表"));

        assertThat(list.split("demo-admin", -1)).hasSize(2);
    }

    @Test
    void groupInformationCountsConfiguredAdminsAmongStaffValidEverywhere() {
        roles.grantEverywhere("sw-zhang", Role.SOCIAL_WORKER);

        assertThat(replyText(inFocus("demo-admin", "/群信息"))).contains("另有 2 位在所有群有效的工作人员");
    }

    @Test
    void aGroupAdminCanGrantInTheirGroupFromAPrivateChatByNamingIt() {
        roles.grant("wang", Role.ADMIN, FOCUS);
        members.seen(FOCUS, "lisi");

        var outcome = engine().decide(Events.text().from("wang").privately().saying("/角色 授予 lisi 群秘书 阳光社区聚焦服务群"));

        assertThat(changes(outcome, RoleGranted.class)).hasSize(1);
    }

    @Test
    void aGroupAdminNamingAnotherGroupFromAPrivateChatIsRefusedForThatGroup() {
        roles.grant("wang", Role.ADMIN, FOCUS);

        var outcome = engine().decide(Events.text().from("wang").privately().saying("/角色 授予 lisi 群秘书 阳光小区5栋居民群"));

        assertThat(replyText(outcome)).contains("您不是「阳光小区5栋居民群」的群管理员");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void aResidentWhoTypesAnUnknownSubcommandLearnsNothingAboutStaffSubcommands() {
        String reply = replyText(inFocus("zhangsan", "/群规 xyz"));

        assertThat(reply).doesNotContain("设置", "恢复默认").contains("没有找到命令");
    }

    @Test
    void anAccountInChineseQuotesIsFound() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocus("demo-admin", "/角色 授予 「lisi」 志愿者");

        assertThat(changes(outcome, RoleGranted.class)).hasSize(1);
    }

    @Test
    void numbersInRepliesHaveNoThousandsSeparator() {
        String tooLong = "很".repeat(1501);

        String reply = replyText(inFocus("demo-admin", "/群规 设置 " + tooLong));

        assertThat(reply).contains("最多 1500 个字", "您输入了 1501 个字");
    }

    @Test
    void switchingByAPartOfANameOnlyListsTheCallersOwnGroups() {
        groups.register("wrFOCUS2", "阳光社区聚焦服务二群", "FOCUS_SERVICE");
        roles.grant("wang", Role.SECRETARY, FOCUS);

        var outcome = engine().decide(Events.text().from("wang").privately().saying("/切换 聚焦"));

        assertThat(replyText(outcome)).contains("阳光社区聚焦服务群").doesNotContain("二群");
    }

    @Test
    void aGrantForAnotherGroupIsAuditedUnderThatGroupSoItsAdminsSeeIt() {
        members.seen(CUSTOMER, "lisi");

        var outcome = inFocus("demo-admin", "/角色 授予 lisi 群秘书 阳光小区5栋居民群");

        var audit = org.sanshe.bot.core.fixture.Outcomes.auditEntry(outcome);
        assertThat(audit.chat()).contains(org.sanshe.bot.core.chat.ChatId.of(CUSTOMER));
        assertThat(audit.detail()).contains("授予 lisi「群秘书」");
    }

    @Test
    void aGrantForEveryGroupIsAuditedAsNotBelongingToOneGroup() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocus("demo-admin", "/角色 授予 lisi 志愿者 全部");

        assertThat(org.sanshe.bot.core.fixture.Outcomes.auditEntry(outcome).chat())
                .isEmpty();
    }
}
