package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.ParsedCommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.text.Texts;

class ParseGuardTest {
    private final ParseGuard guard = new ParseGuard(Texts.chinese());

    @Test
    void dropsPlainTextInAGroupWithoutAWord() {
        var request = Requests.arriving(
                Events.text().from("zhangsan").inGroup("wrRES1").saying("今天几点发物资？"));

        assertThat(guard.check(request)).isInstanceOf(Verdict.Drop.class);
    }

    @Test
    void answersPlainTextInAPrivateChatWithAHint() {
        var request =
                Requests.arriving(Events.text().from("zhangsan").privately().saying("你好"));

        assertThat(rejectionText(guard.check(request))).isEqualTo("您好，我是三社联动群助手。请输入以 / 开头的命令，例如 /帮助 查看我能做什么。");
    }

    @Test
    void passesACommandOnWithWhatWasParsed() {
        var request = Requests.arriving(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("@三社助手 ／帮助　我是谁"));

        var next = passed(guard.check(request));

        assertThat(next.parsed()).contains(new ParsedCommand("帮助", List.of("我是谁")));
        assertThat(next.command()).isEmpty();
        assertThat(next.event()).isSameAs(request.event());
    }
}
