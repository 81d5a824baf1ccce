package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;
import org.sanshe.bot.core.command.builtin.HelpCommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
import org.sanshe.bot.core.text.Texts;

class ResolveCommandGuardTest {
    private final ResolveCommandGuard guard =
            new ResolveCommandGuard(new CommandRegistry(BuiltinCommands.all()), Texts.chinese());

    private static CommandRequest typed(String text) {
        return Requests.parsed(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying(text));
    }

    @Test
    void resolvesACommandByAnyOfItsNames() {
        assertThat(passed(guard.check(typed("/帮助"))).command()).get().isInstanceOf(HelpCommand.class);
        assertThat(passed(guard.check(typed("/菜单"))).command()).get().isInstanceOf(HelpCommand.class);
        assertThat(passed(guard.check(typed("/Help"))).command()).get().isInstanceOf(HelpCommand.class);
    }

    @Test
    void keepsWhatWasParsedWhenItResolves() {
        var request = typed("/帮助 我是谁");

        assertThat(passed(guard.check(request)).parsed()).isEqualTo(request.parsed());
    }

    @Test
    void asksDidYouMeanForACloseName() {
        assertThat(rejectionText(guard.check(typed("/帮主")))).isEqualTo("没有找到命令 /帮主。您是不是想输入 /帮助？");
    }

    @Test
    void offersEveryCloseNameJoinedByOr() {
        var guard = new ResolveCommandGuard(
                new CommandRegistry(List.of(TestCommands.named("abcdef", "甲"), TestCommands.named("abcdeg", "乙"))),
                Texts.chinese());

        assertThat(rejectionText(guard.check(typed("/abcdex")))).contains("您是不是想输入 /abcdef 或 /abcdeg");
    }

    @Test
    void answersPlainlyUnknownWhenNothingIsClose() {
        String text = rejectionText(guard.check(typed("/天气预报")));

        assertThat(text).isEqualTo("没有找到命令 /天气预报。输入 /帮助 查看可用命令。");
        assertThat(text).doesNotContain("您是不是想输入");
    }

    @Test
    void shortensALongUnknownNameBeforeEchoingIt() {
        String text = rejectionText(guard.check(typed("/" + "x".repeat(500))));

        assertThat(text).contains("/" + "x".repeat(12) + "…").doesNotContain("x".repeat(13));
    }
}
