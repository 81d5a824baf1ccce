package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
import org.sanshe.bot.core.group.GroupInfoCommand;
import org.sanshe.bot.core.role.RoleCommand;
import org.sanshe.bot.core.text.Texts;

class RoleGuardTest {
    private final RoleGuard guard = new RoleGuard(Texts.chinese());
    private final Command rollcall = TestCommands.staffOnly();

    private CommandRequest rollcallBy(Role... roles) {
        return Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/点名"), rollcall, roles);
    }

    @Test
    void refusesAResidentAStaffCommandNamingTheRoleNeeded() {
        String text = rejectionText(guard.check(rollcallBy()));

        assertThat(text).isEqualTo("只有社工可以使用 /点名。如需权限，请联系群管理员。");
    }

    @Test
    void refusesRolesRankedBelowSocialWorker() {
        assertThat(guard.check(rollcallBy(Role.SECRETARY))).isInstanceOf(Verdict.Reject.class);
        assertThat(guard.check(rollcallBy(Role.MEDICAL, Role.COUNSELOR))).isInstanceOf(Verdict.Reject.class);
        assertThat(guard.check(rollcallBy(Role.VOLUNTEER))).isInstanceOf(Verdict.Reject.class);
    }

    @Test
    void letsASocialWorkerRunIt() {
        var request = rollcallBy(Role.SOCIAL_WORKER);

        assertThat(passed(guard.check(request))).isSameAs(request);
    }

    @Test
    void letsAnAdminRunItBecauseRank100IsAtLeast80() {
        assertThat(guard.check(rollcallBy(Role.ADMIN))).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void judgesByTheHighestOfSeveralRoles() {
        assertThat(guard.check(rollcallBy(Role.VOLUNTEER, Role.SOCIAL_WORKER))).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void letsAResidentRunAnOpenCommand() {
        var request = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/公告 明天停水"), TestCommands.groupOnly());

        assertThat(guard.check(request)).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void refusesASubcommandSayingWhatItWouldHaveDone() {
        var role = new RoleCommand();
        var grant = Requests.resolved(
                        Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/角色 授予 @李四 群秘书"), role)
                .withSub(role.spec().subcommand("授予").orElseThrow());

        assertThat(rejectionText(guard.check(grant))).isEqualTo("只有群管理员可以授予角色（/角色 授予）。如需权限，请联系群管理员。");
    }

    @Test
    void judgesASubcommandByItsOwnRoleNotTheCommands() {
        var role = new RoleCommand();
        var list = Requests.resolved(
                        Events.text().from("sec-li").inGroup("wrFOCUS1").saying("/角色 列表"), role, Role.SECRETARY)
                .withSub(role.spec().subcommand("列表").orElseThrow());
        var grant = Requests.resolved(
                        Events.text().from("sec-li").inGroup("wrFOCUS1").saying("/角色 授予 a 志愿者"), role, Role.SECRETARY)
                .withSub(role.spec().subcommand("授予").orElseThrow());

        assertThat(guard.check(list)).isInstanceOf(Verdict.Continue.class);
        assertThat(rejectionText(guard.check(grant))).startsWith("只有群管理员可以授予角色");
    }

    @Test
    void refusesACommandThatDeclaresWhatItDoesInThoseWords() {
        var info = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/群信息"), new GroupInfoCommand());

        assertThat(rejectionText(guard.check(info))).isEqualTo("只有群秘书可以查看群信息（/群信息）。如需权限，请联系群管理员。");
    }

    @Test
    void aVolunteerIsStaffButNotASecretary() {
        var info = Requests.resolved(
                Events.text().from("vol-chen").inGroup("wrFOCUS1").saying("/群信息"),
                new GroupInfoCommand(),
                Role.VOLUNTEER,
                Role.BUILDING_HEAD);

        assertThat(guard.check(info)).isInstanceOf(Verdict.Reject.class);
    }
}
