package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.Command;
import org.sanshe.bot.core.command.builtin.HelpCommand;
import org.sanshe.bot.core.command.builtin.WhoAmICommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
import org.sanshe.bot.core.group.RulesCommand;
import org.sanshe.bot.core.role.RoleCommand;
import org.sanshe.bot.core.text.Texts;

class ArityGuardTest {
    private final ArityGuard guard = new ArityGuard(Texts.chinese());

    private static CommandRequest typed(String text, Command command) {
        return Requests.resolved(Events.text().from("zhangsan").privately().saying(text), command);
    }

    @Test
    void refusesTooManyArgumentsForWhoAmIWithUsageAndExample() {
        String text = rejectionText(guard.check(typed("/我是谁 张三", new WhoAmICommand())));

        assertThat(text).isEqualTo("命令格式不对。用法：/我是谁\n例如：/我是谁");
    }

    @Test
    void refusesTooFewArguments() {
        String text = rejectionText(guard.check(typed("/记录 3栋1202", TestCommands.privateOnly())));

        assertThat(text).isEqualTo("命令格式不对。用法：/记录 居民 内容\n例如：/记录 3栋1202 头痛发热");
    }

    @Test
    void passesTheNumberOfArgumentsTheSpecAllows() {
        var none = typed("/帮助", new HelpCommand());
        var one = typed("/帮助 我是谁", new HelpCommand());
        var many = typed("/记录 3栋1202 头痛 发热 两天", TestCommands.privateOnly());

        assertThat(passed(guard.check(none))).isSameAs(none);
        assertThat(passed(guard.check(one))).isSameAs(one);
        assertThat(passed(guard.check(many))).isSameAs(many);
    }

    @Test
    void refusesOneArgumentMoreThanHelpTakes() {
        assertThat(rejectionText(guard.check(typed("/帮助 我是谁 多余", new HelpCommand()))))
                .contains("用法：/帮助 [命令名]")
                .contains("例如：/帮助 我是谁");
    }

    @Test
    void countsASubcommandsArgumentsAfterItsWordAndQuotesItsUsage() {
        var role = new RoleCommand();
        var grant = role.spec().subcommand("授予").orElseThrow();
        var tooFew = typed("/角色 授予 lisi", role).withSub(grant);
        var enough = typed("/角色 授予 lisi 群秘书", role).withSub(grant);
        var withGroup = typed("/角色 授予 lisi 群秘书 全部", role).withSub(grant);
        var tooMany = typed("/角色 授予 lisi 群秘书 全部 多余", role).withSub(grant);

        assertThat(rejectionText(guard.check(tooFew)))
                .isEqualTo("命令格式不对。用法：/角色 授予 <成员> <角色> [群名、编号或“全部”]\n例如：/角色 授予 @李四 群秘书");
        assertThat(passed(guard.check(enough))).isSameAs(enough);
        assertThat(passed(guard.check(withGroup))).isSameAs(withGroup);
        assertThat(rejectionText(guard.check(tooMany))).startsWith("命令格式不对。用法：/角色 授予");
    }

    @Test
    void aSubcommandWithoutArgumentsRefusesOne() {
        var rules = new RulesCommand();
        var reset = typed("/群规 恢复默认 现在", rules)
                .withSub(rules.spec().subcommand("恢复默认").orElseThrow());

        assertThat(rejectionText(guard.check(reset))).isEqualTo("命令格式不对。用法：/群规 恢复默认\n例如：/群规 恢复默认");
    }

    @Test
    void aCommandWithSubcommandsTypedAloneIsCountedAsItself() {
        var rules = typed("/群规", new RulesCommand());

        assertThat(passed(guard.check(rules))).isSameAs(rules);
    }
}
