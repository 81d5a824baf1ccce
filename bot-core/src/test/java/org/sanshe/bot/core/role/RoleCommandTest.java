package org.sanshe.bot.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.engine.StateChange.RoleGranted;
import org.sanshe.bot.core.engine.StateChange.RoleRevoked;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/**
 * /角色 through the whole engine: a community with a focus-service group (编号 1) and a residents' group (编号 2), the
 * configured administrator demo-admin, and whatever grants and members a test adds.
 */
class RoleCommandTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String RESIDENTS = "wrRES1";
    private static final ChatId FOCUS_CHAT = ChatId.of(FOCUS);

    private final FakeGroups groups =
            Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE").register(RESIDENTS, "阳光小区居民群", "RESIDENTS");
    private final FakeRoleGrants roles = Fakes.roles();
    private final FakeMembers members = Fakes.members();
    private final FakePrivateContexts contexts = Fakes.contexts();

    private Outcome inFocusGroup(String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(FOCUS).saying(text));
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    private org.sanshe.bot.core.engine.Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .members(members)
                .contexts(contexts)
                .admins("demo-admin")
                .build();
    }

    private static RoleGranted granted(String member, Role role, Optional<ChatId> chat, String by) {
        return new RoleGranted(UserId.of(member), role, chat, UserId.of(by), Events.NOW);
    }

    // ---- who may grant ----

    @Test
    void aResidentWhoTriesToGrantARoleIsToldOnlyAnAdminCan() {
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("zhangsan", "@三社助手 /角色 授予 @李四 群秘书");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以授予角色（/角色 授予）。如需权限，请联系群管理员。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(audit.actor()).isEqualTo(UserId.of("zhangsan"));
        assertThat(audit.action()).isEqualTo("/角色 授予");
        assertThat(audit.chat()).contains(FOCUS_CHAT);
        assertThat(audit.detail()).contains("只有群管理员可以授予角色");
    }

    @Test
    void aSecretaryCanListRolesButNotGrantThem() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);
        members.seen(FOCUS, "wangwu");

        var grant = inFocusGroup("sec-li", "/角色 授予 wangwu 志愿者");
        var list = inFocusGroup("sec-li", "/角色 列表");

        assertThat(replyText(grant)).isEqualTo("只有群管理员可以授予角色（/角色 授予）。如需权限，请联系群管理员。");
        assertThat(changes(grant, RoleGranted.class)).isEmpty();
        assertThat(replyText(list)).startsWith("「阳光社区聚焦服务群」的工作人员：").contains("群秘书：sec-li");
    }

    @Test
    void aResidentCannotListRoles() {
        var outcome = inFocusGroup("zhangsan", "/角色 列表");

        assertThat(replyText(outcome)).isEqualTo("只有群秘书可以查看角色列表（/角色 列表）。如需权限，请联系群管理员。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    // ---- granting: whom ----

    @Test
    void aConfiguredAdminGrantsARoleByUserIdInTheGroupTheyTypeIn() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi 群秘书");

        assertThat(replyText(outcome)).isEqualTo("已授予 lisi「群秘书」角色，在「阳光社区聚焦服务群」有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SECRETARY, Optional.of(FOCUS_CHAT), "demo-admin"));
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.action()).isEqualTo("/角色 授予");
        assertThat(audit.detail()).isEqualTo("授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效");
    }

    @Test
    void anAdminGrantsByTheNicknameWeComShowsAfterTheAt() {
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "@三社助手 /角色 授予 @李四 群秘书");

        assertThat(replyText(outcome)).isEqualTo("已授予 李四（lisi）「群秘书」角色，在「阳光社区聚焦服务群」有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SECRETARY, Optional.of(FOCUS_CHAT), "demo-admin"));
    }

    @Test
    void anAdminGrantsToAColleagueWhoHasNotSpokenYetByNamingTheAccount() {
        var outcome = inFocusGroup("demo-admin", "/角色 授予 账号:new-user 社工");

        assertThat(replyText(outcome)).isEqualTo("已授予 new-user「社工」角色，在「阳光社区聚焦服务群」有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("new-user", Role.SOCIAL_WORKER, Optional.of(FOCUS_CHAT), "demo-admin"));
    }

    @Test
    void anAccountTypedWithAFullWidthColonIsAnAccountToo() {
        var outcome = inFocusGroup("demo-admin", "/角色 授予 账号：new-user 社工");

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("new-user", Role.SOCIAL_WORKER, Optional.of(FOCUS_CHAT), "demo-admin"));
    }

    @Test
    void anAdminOfTheGroupAloneGrantsInThatGroup() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("admin-wang", "/角色 授予 lisi 志愿者");

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.VOLUNTEER, Optional.of(FOCUS_CHAT), "admin-wang"));
    }

    // ---- granting: where ----

    @Test
    void aGrantMadeInAPrivateChatHoldsInTheGroupChosenWithSwitch() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        contexts.choose("admin-wang", FOCUS);
        members.in(FOCUS, "lisi", "李四");

        var outcome = privately("admin-wang", "/角色 授予 李四 社工");

        assertThat(replyText(outcome)).isEqualTo("已授予 李四（lisi）「社工」角色，在「阳光社区聚焦服务群」有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SOCIAL_WORKER, Optional.of(FOCUS_CHAT), "admin-wang"));
    }

    @Test
    void aGrantForAllGroupsHoldsEverywhere() {
        members.seen(FOCUS, "lisi");

        var outcome = privately("demo-admin", "/角色 授予 lisi 社工 全部");

        assertThat(replyText(outcome)).isEqualTo("已授予 lisi「社工」角色，在所有群有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SOCIAL_WORKER, Optional.empty(), "demo-admin"));
        assertThat(auditEntry(outcome).detail()).isEqualTo("授予 lisi「社工」，在所有群有效");
    }

    @Test
    void aGrantCanNameAnotherGroupByNameOrNumber() {
        members.seen(RESIDENTS, "lisi");

        var byName = inFocusGroup("demo-admin", "/角色 授予 lisi 楼门栋长 阳光小区居民群");
        var byNumber = inFocusGroup("demo-admin", "/角色 授予 lisi 楼门栋长 #2");

        var expected = granted("lisi", Role.BUILDING_HEAD, Optional.of(ChatId.of(RESIDENTS)), "demo-admin");
        assertThat(replyText(byName)).isEqualTo("已授予 lisi「楼门栋长」角色，在「阳光小区居民群」有效。");
        assertThat(changes(byName, RoleGranted.class)).containsExactly(expected);
        assertThat(changes(byNumber, RoleGranted.class)).containsExactly(expected);
    }

    @Test
    void aGrantInAGroupNotYetBoundHoldsForThatChat() {
        members.seen("wrNEW9", "lisi");

        var outcome = engine().decide(
                        Events.text().from("demo-admin").inGroup("wrNEW9").saying("/角色 授予 lisi 群秘书"));

        assertThat(replyText(outcome)).isEqualTo("已授予 lisi「群秘书」角色，在本群（尚未登记）有效。");
        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SECRETARY, Optional.of(ChatId.of("wrNEW9")), "demo-admin"));
    }

    @Test
    void anAdminOfOneGroupCannotGrantInAnotherGroup() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        members.seen(RESIDENTS, "lisi");

        var outcome = inFocusGroup("admin-wang", "/角色 授予 lisi 群秘书 阳光小区居民群");

        assertThat(replyText(outcome)).isEqualTo("您不是「阳光小区居民群」的群管理员，不能在那里授予或撤销角色。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void anAdminOfOneGroupCannotGrantEverywhere() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("admin-wang", "/角色 授予 lisi 群秘书 全部");

        assertThat(replyText(outcome)).isEqualTo("您不是所有群的群管理员，不能在那里授予或撤销角色。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void anAdminForAllGroupsByGrantMayGrantEverywhere() {
        roles.grantEverywhere("chief", Role.ADMIN);
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("chief", "/角色 授予 lisi 群秘书 全部");

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SECRETARY, Optional.empty(), "chief"));
    }

    @Test
    void aGroupThatDoesNotExistIsNamedBack() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi 群秘书 幸福里");

        assertThat(replyText(outcome)).isEqualTo("没有找到群“幸福里”。私聊我输入 /切换 可以查看您能选择的群和编号。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void aGrantInAPrivateChatWithoutAChosenGroupAsksWhichGroup() {
        var outcome = privately("demo-admin", "/角色 授予 lisi 群秘书");

        assertThat(replyText(outcome)).isEqualTo("请先告诉我是哪个群：在群里 @我 使用，或在私聊中先输入 /切换 群名或编号。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    // ---- granting: which role ----

    @Test
    void anUnknownRoleIsAnsweredWithTheRolesThatExist() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi 队长");

        assertThat(replyText(outcome)).isEqualTo("没有“队长”这个角色。可用角色：群管理员、社工、群秘书、医务志愿者、心理咨询志愿者、楼门栋长、志愿者。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void residentIsNotARoleToGrant() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi 居民");

        assertThat(replyText(outcome)).isEqualTo("居民是每位成员的默认角色，不需要授予。若要取消某个工作人员角色，请用 /角色 撤销。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "社工, SOCIAL_WORKER",
        "医务, MEDICAL",
        "医务志愿者, MEDICAL",
        "心理咨询, COUNSELOR",
        "群秘书, SECRETARY",
        "秘书, SECRETARY",
        "群管理员, ADMIN",
        "志愿者, VOLUNTEER",
        "楼门栋长, BUILDING_HEAD",
        "楼长, BUILDING_HEAD",
        "secretary, SECRETARY",
        "SOCIAL_WORKER, SOCIAL_WORKER",
        "social-worker, SOCIAL_WORKER",
        "ｓｅｃｒｅｔａｒｙ, SECRETARY",
        "ＳＯＣＩＡＬ－ＷＯＲＫＥＲ, SOCIAL_WORKER"
    })
    void aRoleIsUnderstoodByItsChineseNameShortFormOrCodeName(String typed, Role role) {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi " + typed);

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", role, Optional.of(FOCUS_CHAT), "demo-admin"));
        assertThat(replyText(outcome)).isEqualTo("已授予 lisi「" + role.chineseName() + "」角色，在「阳光社区聚焦服务群」有效。");
    }

    @Test
    void theWholeCommandMayBeTypedInEnglishAndFullWidth() {
        members.seen(FOCUS, "lisi");

        var english = inFocusGroup("demo-admin", "/roles add lisi secretary");
        var fullWidth = inFocusGroup("demo-admin", "／角色　授予　ｌｉｓｉ　群秘书");

        var expected = granted("lisi", Role.SECRETARY, Optional.of(FOCUS_CHAT), "demo-admin");
        assertThat(changes(english, RoleGranted.class)).containsExactly(expected);
        assertThat(changes(fullWidth, RoleGranted.class)).containsExactly(expected);
    }

    // ---- granting: finding the member ----

    @Test
    void twoMembersWithTheSameNicknameGetAQuestionNotAGuess() {
        members.in(FOCUS, "lisi-1", "李四").in(FOCUS, "lisi-2", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 @李四 群秘书");

        assertThat(replyText(outcome)).isEqualTo("“@李四”对应不止一位成员：李四（lisi-1）、李四（lisi-2）。请用成员账号再说一次，例如 账号:zhangsan。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void aNameNobodyHasExactlyOffersTheNearOnes() {
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 @李 群秘书");

        assertThat(replyText(outcome)).isEqualTo("没有找到叫“@李”的成员。您是不是指：李四（lisi）？请用完整的名字或成员账号再说一次。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void aMemberNobodyKnowsIsNotFound() {
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 @王五 群秘书");

        assertThat(replyText(outcome))
                .isEqualTo("没有找到成员“@王五”。请用成员账号（userid）、对方在企业微信里显示的名字，或对方在本群的群昵称；" + "如果对方还没和我说过话，请写 账号:对方的userid。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aMistypedUserIdIsNotGrantedARoleByAccident() {
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lsii 群秘书");

        assertThat(replyText(outcome)).startsWith("没有找到成员“lsii”。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
    }

    @Test
    void aRoleAlreadyHeldThereIsNotGrantedTwiceAndThatIsNoRefusal() {
        roles.grant("lisi", Role.SECRETARY, FOCUS);
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 @李四 群秘书");

        assertThat(replyText(outcome)).isEqualTo("李四（lisi） 已经是「阳光社区聚焦服务群」的群秘书，无需重复授予。");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.DONE);
    }

    @Test
    void aRoleHeldInAnotherGroupIsGrantedHereToo() {
        roles.grant("lisi", Role.SECRETARY, RESIDENTS);
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi 群秘书");

        assertThat(changes(outcome, RoleGranted.class))
                .containsExactly(granted("lisi", Role.SECRETARY, Optional.of(FOCUS_CHAT), "demo-admin"));
    }

    // ---- revoking ----

    @Test
    void anAdminRevokesARoleHeldInTheGroup() {
        roles.grant("lisi", Role.SECRETARY, FOCUS);
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 撤销 @李四 群秘书");

        assertThat(replyText(outcome)).isEqualTo("已撤销 李四（lisi） 在「阳光社区聚焦服务群」的「群秘书」角色。");
        assertThat(changes(outcome, RoleRevoked.class))
                .containsExactly(new RoleRevoked(
                        UserId.of("lisi"),
                        Role.SECRETARY,
                        Optional.of(FOCUS_CHAT),
                        UserId.of("demo-admin"),
                        Events.NOW));
        assertThat(auditEntry(outcome).detail()).isEqualTo("撤销 lisi 在「阳光社区聚焦服务群」的「群秘书」");
    }

    @Test
    void anAdminRevokesAGrantThatHeldEverywhere() {
        roles.grantEverywhere("lisi", Role.SOCIAL_WORKER);

        var outcome = privately("demo-admin", "/角色 撤销 lisi 社工 全部");

        assertThat(replyText(outcome)).isEqualTo("已撤销 lisi 在所有群的「社工」角色。");
        assertThat(changes(outcome, RoleRevoked.class))
                .containsExactly(new RoleRevoked(
                        UserId.of("lisi"), Role.SOCIAL_WORKER, Optional.empty(), UserId.of("demo-admin"), Events.NOW));
    }

    @Test
    void revokingARoleTheMemberDoesNotHoldThereIsRefused() {
        roles.grant("lisi", Role.SECRETARY, RESIDENTS);
        members.seen(FOCUS, "lisi");

        var outcome = inFocusGroup("demo-admin", "/角色 撤销 lisi 群秘书");

        assertThat(replyText(outcome)).isEqualTo("lisi 在「阳光社区聚焦服务群」没有「群秘书」角色，无需撤销。输入 /角色 列表 查看。");
        assertThat(changes(outcome, RoleRevoked.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void nobodyCanRevokeTheirOwnAdminRole() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);

        var outcome = inFocusGroup("admin-wang", "/角色 撤销 admin-wang 群管理员");

        assertThat(replyText(outcome)).isEqualTo("不能撤销自己的群管理员角色，请另一位群管理员操作。");
        assertThat(changes(outcome, RoleRevoked.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void anotherAdminMayRevokeAGroupAdminRole() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS);

        var outcome = inFocusGroup("demo-admin", "/角色 撤销 admin-wang 群管理员");

        assertThat(changes(outcome, RoleRevoked.class))
                .containsExactly(new RoleRevoked(
                        UserId.of("admin-wang"),
                        Role.ADMIN,
                        Optional.of(FOCUS_CHAT),
                        UserId.of("demo-admin"),
                        Events.NOW));
    }

    @Test
    void anAdminFromTheServiceConfigurationCannotBeRevokedByCommand() {
        roles.grantEverywhere("chief", Role.ADMIN);

        var outcome = privately("chief", "/角色 撤销 demo-admin 群管理员 全部");

        assertThat(replyText(outcome)).isEqualTo("demo-admin 的群管理员身份来自服务配置（bot.admins），不能用命令撤销；请联系部署人员修改配置。");
        assertThat(changes(outcome, RoleRevoked.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aGroupAdminCannotRevokeInAnotherGroup() {
        roles.grant("admin-wang", Role.ADMIN, FOCUS).grant("lisi", Role.SECRETARY, RESIDENTS);

        var outcome = inFocusGroup("admin-wang", "/角色 撤销 lisi 群秘书 阳光小区居民群");

        assertThat(replyText(outcome)).isEqualTo("您不是「阳光小区居民群」的群管理员，不能在那里授予或撤销角色。");
        assertThat(changes(outcome, RoleRevoked.class)).isEmpty();
    }

    // ---- listing ----

    @Test
    void theListShowsEveryStaffRoleByRankWithWhereItComesFrom() {
        roles.grantEverywhere("sw-zhao", Role.SOCIAL_WORKER)
                .grant("lisi", Role.SECRETARY, FOCUS)
                .grant("vol-chen", Role.VOLUNTEER, FOCUS)
                .grant("med-sun", Role.MEDICAL, FOCUS)
                .grant("other-sec", Role.SECRETARY, RESIDENTS);
        members.in(FOCUS, "lisi", "李四");

        var outcome = inFocusGroup("demo-admin", "/角色 列表");

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n",
                        "「阳光社区聚焦服务群」的工作人员：",
                        "群管理员：demo-admin（服务配置）",
                        "社工：sw-zhao（所有群）",
                        "群秘书：李四（lisi）",
                        "医务志愿者：med-sun",
                        "志愿者：vol-chen"));
        assertThat(auditEntry(outcome).detail()).isEqualTo("查看「阳光社区聚焦服务群」的角色列表");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.DONE);
    }

    @Test
    void theListOfAllGroupsShowsOnlyWhatHoldsEverywhere() {
        roles.grantEverywhere("sw-zhao", Role.SOCIAL_WORKER).grant("lisi", Role.SECRETARY, FOCUS);

        var outcome = privately("demo-admin", "/角色 列表 全部");

        assertThat(replyText(outcome)).isEqualTo("所有群的工作人员：\n群管理员：demo-admin（服务配置）\n社工：sw-zhao");
    }

    @Test
    void theListOfAnotherGroupIsOnlyForItsStaff() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);

        var outcome = inFocusGroup("sec-li", "/角色 列表 阳光小区居民群");

        assertThat(replyText(outcome)).isEqualTo("您在「阳光小区居民群」没有查看角色列表的权限。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void theListOfAGroupWithoutStaffSaysSo() {
        var outcome = engine().decide(
                        Events.text().from("demo-admin").inGroup("wrNEW9").saying("/角色 列表"));

        // the configured admin is staff everywhere, so even a fresh chat has one line
        assertThat(replyText(outcome)).isEqualTo("本群（尚未登记）的工作人员：\n群管理员：demo-admin（服务配置）");
    }

    @Test
    void anAdminForAllGroupsIsListedInEachGroupMarkedSo() {
        var noConfiguredAdmins = Bots.bot().groups(groups).roles(roles).build();
        roles.grantEverywhere("chief", Role.ADMIN);

        var outcome = noConfiguredAdmins.decide(
                Events.text().from("chief").privately().saying("/角色 列表 #2"));

        assertThat(replyText(outcome)).isEqualTo("「阳光小区居民群」的工作人员：\n群管理员：chief（所有群）");
    }

    // ---- a grant takes effect; a nickname never does ----

    @Test
    void aGrantedSecretaryCanRunStaffCommandsOnceTheGrantIsStored() {
        members.seen(FOCUS, "sec-new");
        var before = inFocusGroup("sec-new", "/群信息");

        var grant = inFocusGroup("demo-admin", "/角色 授予 sec-new 群秘书");

        // what the pipeline would commit: the grant, into the store the next engine reads
        FakeRoleGrants stored = Fakes.roles();
        for (RoleGranted g : changes(grant, RoleGranted.class)) {
            stored.grant(g.member().value(), g.role(), g.chat().orElseThrow().value());
        }
        var next = Bots.bot().groups(groups).roles(stored).members(members).build();
        var after = next.decide(Events.text().from("sec-new").inGroup(FOCUS).saying("/群信息"));

        assertThat(replyText(before)).isEqualTo("只有群秘书可以查看群信息（/群信息）。如需权限，请联系群管理员。");
        assertThat(replyText(after)).startsWith("【阳光社区聚焦服务群】").contains("群秘书：sec-new");
        // and only there: the grant does not reach the residents' group
        var elsewhere =
                next.decide(Events.text().from("sec-new").inGroup(RESIDENTS).saying("/群信息"));
        assertThat(replyText(elsewhere)).startsWith("只有群秘书可以");
    }

    @Test
    void aNicknameThatSaysSocialWorkerGivesNoStaffRights() {
        members.in(FOCUS, "wangwu", "社工-王五");

        var info = inFocusGroup("wangwu", "/群信息");
        var list = inFocusGroup("wangwu", "/角色 列表");
        var help = inFocusGroup("wangwu", "/帮助");

        assertThat(replyText(info)).isEqualTo("只有群秘书可以查看群信息（/群信息）。如需权限，请联系群管理员。");
        assertThat(replyText(list)).startsWith("只有群秘书可以");
        assertThat(replyText(help)).doesNotContain("/群信息", "/角色");
    }

    // ---- the command itself ----

    @Test
    void theCommandAloneGivesAnOverview() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);

        var outcome = inFocusGroup("sec-li", "/角色");

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n",
                        "角色命令：",
                        "/角色 授予 <成员> <角色> [群]：群管理员授予角色",
                        "/角色 撤销 <成员> <角色> [群]：群管理员撤销角色",
                        "/角色 列表 [群]：查看工作人员",
                        "成员可以写账号、@名字或本群群昵称；群可以写群名、编号，或“全部”表示所有群。"));
    }

    @Test
    void anUnknownSubcommandIsAnsweredWithTheOnesThatExist() {
        var outcome = inFocusGroup("demo-admin", "/角色 删掉 lisi");

        assertThat(replyText(outcome)).isEqualTo("/角色 没有“删掉”这一项。可以用：/角色 授予、/角色 撤销、/角色 列表");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(auditEntry(outcome).action()).isEqualTo("/角色");
    }

    @Test
    void tooFewWordsForAGrantGetTheUsageWithAnExample() {
        var outcome = inFocusGroup("demo-admin", "/角色 授予 lisi");

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/角色 授予 <成员> <角色> [群名、编号或“全部”]\n例如：/角色 授予 @李四 群秘书");
        assertThat(changes(outcome, RoleGranted.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void tooManyWordsForARevokeOrAListGetTheirOwnUsage() {
        var revoke = inFocusGroup("demo-admin", "/角色 撤销 lisi 群秘书 阳光 小区");
        var list = inFocusGroup("demo-admin", "/角色 列表 阳光 小区");

        assertThat(replyText(revoke)).isEqualTo("命令格式不对。用法：/角色 撤销 <成员> <角色> [群名、编号或“全部”]\n例如：/角色 撤销 @李四 群秘书");
        assertThat(replyText(list)).isEqualTo("命令格式不对。用法：/角色 列表 [群名、编号或“全部”]\n例如：/角色 列表");
    }

    @Test
    void everyChangeOfRoleIsOnlyAProposalUntilCommitted() {
        members.seen(FOCUS, "lisi");

        inFocusGroup("demo-admin", "/角色 授予 lisi 群秘书");

        // the engine wrote nothing itself: the grant store is unchanged until the pipeline commits the outcome
        assertThat(roles.grantsOf(UserId.of("lisi"))).isEmpty();
    }

    @Test
    void theSpeakerIsSeenEvenWhenTheCommandIsRefused() {
        var outcome = inFocusGroup("zhangsan", "/角色 授予 lisi 群秘书");

        assertThat(changes(outcome, StateChange.MemberSeen.class))
                .containsExactly(new StateChange.MemberSeen(FOCUS_CHAT, UserId.of("zhangsan"), Events.NOW));
        assertThat(outcome.changes()).hasSize(2).last().isInstanceOf(StateChange.Audited.class);
    }
}
