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
}
