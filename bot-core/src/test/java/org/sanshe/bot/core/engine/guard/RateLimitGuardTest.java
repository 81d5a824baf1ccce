package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeRateLimiter;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.text.Texts;

class RateLimitGuardTest {
    private final FakeRateLimiter limiter = Fakes.limiter().allowing(2);
    private final RateLimitGuard guard = new RateLimitGuard(limiter, Texts.chinese(), 20, Duration.ofMinutes(1));

    private CommandRequest helpFrom(String member) {
        return Requests.parsed(Events.text().from(member).inGroup("wrFOCUS1").saying("/帮助"));
    }

    @Test
    void passesWhileTheLimiterHasRoom() {
        var request = helpFrom("zhangsan");

        assertThat(passed(guard.check(request))).isSameAs(request);
        assertThat(passed(guard.check(helpFrom("zhangsan")))).isNotNull();
    }

    @Test
    void refusesInChineseOnceTheLimiterSaysNo() {
        guard.check(helpFrom("zhangsan"));
        guard.check(helpFrom("zhangsan"));

        assertThat(rejectionText(guard.check(helpFrom("zhangsan")))).isEqualTo("您发送命令太频繁了，请稍等一会儿再试（每 60 秒内有次数限制）。");
    }

    @Test
    void countsEachMemberSeparately() {
        guard.check(helpFrom("zhangsan"));
        guard.check(helpFrom("zhangsan"));

        assertThat(guard.check(helpFrom("lisi"))).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void asksTheLimiterWithTheMemberKeyTheLimitAndTheWindow() {
        guard.check(helpFrom("zhangsan"));

        assertThat(limiter.asked())
                .containsExactly(new FakeRateLimiter.Asked("cmd:zhangsan", 20, Duration.ofMinutes(1)));
    }
}
