package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.command.SubcommandSpec;
import org.sanshe.bot.core.command.builtin.HelpCommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
import org.sanshe.bot.core.group.RulesCommand;
import org.sanshe.bot.core.role.RoleCommand;
import org.sanshe.bot.core.text.Texts;

class ResolveSubcommandGuardTest {
    private final ResolveSubcommandGuard guard = new ResolveSubcommandGuard(Texts.chinese());
    private final Command role = new RoleCommand();

    private static CommandRequest typed(String text, Command command) {
        return Requests.resolved(
                Events.text().from("demo-admin").inGroup("wrFOCUS1").saying(text), command, Role.ADMIN);
    }

    @Test
    void findsTheSubcommandTheFirstWordNames() {
        var request = passed(guard.check(typed("/角色 授予 lisi 群秘书", role)));

        assertThat(request.sub()).map(SubcommandSpec::key).contains("grant");
        assertThat(request.requiredRole()).isEqualTo(Role.ADMIN);
        assertThat(request.displayName()).isEqualTo("/角色 授予");
    }

    @Test
    void findsASubcommandByAliasEnglishNameOrFullWidthLetters() {
        assertThat(passed(guard.check(typed("/角色 添加 lisi 群秘书", role))).sub())
                .map(SubcommandSpec::key)
                .contains("grant");
        assertThat(passed(guard.check(typed("/角色 remove lisi 群秘书", role))).sub())
                .map(SubcommandSpec::key)
                .contains("revoke");
        assertThat(passed(guard.check(typed("/角色 ＬＳ", role))).sub())
                .map(SubcommandSpec::key)
                .contains("list");
        assertThat(passed(guard.check(typed("/群规 默认", new RulesCommand()))).sub())
                .map(SubcommandSpec::key)
                .contains("reset");
    }

    @Test
    void theCommandAloneHasNoSubcommandAndNeedsTheCommandsRole() {
        var request = passed(guard.check(typed("/角色", role)));

        assertThat(request.sub()).isEmpty();
        assertThat(request.requiredRole()).isEqualTo(Role.SECRETARY);
        assertThat(request.displayName()).isEqualTo("/角色");
    }

    @Test
    void aWordThatNamesNoSubcommandGetsTheListOfThem() {
        String text = rejectionText(guard.check(typed("/角色 删掉 lisi", role)));

        assertThat(text).isEqualTo("/角色 没有“删掉”这一项。可以用：/角色 授予、/角色 撤销、/角色 列表");
    }

    @Test
    void aLongUnknownWordIsShortenedInTheAnswer() {
        String text = rejectionText(guard.check(typed("/群规 " + "乱".repeat(40), new RulesCommand())));

        assertThat(text).isEqualTo("/群规 没有“" + "乱".repeat(12) + "…”这一项。可以用：/群规 设置、/群规 恢复默认");
    }

    @Test
    void aResidentIsNotToldWhichSubcommandsStaffHave() {
        var resident = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/角色 删掉 lisi"), role);

        assertThat(rejectionText(guard.check(resident))).isEqualTo("没有找到命令 /角色 删掉。输入 /帮助 查看可用命令。");
    }

    @Test
    void aSecretaryIsOfferedOnlyTheSubcommandsTheyMayRun() {
        var secretary = Requests.resolved(
                Events.text().from("lisi").inGroup("wrFOCUS1").saying("/角色 删掉 x"), role, Role.SECRETARY);

        assertThat(rejectionText(guard.check(secretary))).endsWith("可以用：/角色 列表");
    }

    @Test
    void aCommandWithoutSubcommandsPassesUntouched() {
        var request = typed("/帮助 角色", new HelpCommand());

        assertThat(passed(guard.check(request))).isSameAs(request);
    }

    @Test
    void aWordIsAnArgumentWhereTheCommandAloneTakesOne() {
        var show = new SubcommandSpec("show", "显示", List.of(), Role.RESIDENT, 0, 0);
        var command = new TestCommands.Answering(
                new CommandSpec("notice", "通知", List.of(), Role.RESIDENT, Scope.ANY, 0, 1, List.of(show)), "ok");

        var request = passed(guard.check(typed("/通知 明天", command)));

        assertThat(request.sub()).isEmpty();
        assertThat(passed(guard.check(typed("/通知 显示", command))).sub()).contains(show);
        assertThat(rejectionText(guard.check(typed("/通知 明天 停水", command)))).isEqualTo("/通知 没有“明天”这一项。可以用：/通知 显示");
    }
}
