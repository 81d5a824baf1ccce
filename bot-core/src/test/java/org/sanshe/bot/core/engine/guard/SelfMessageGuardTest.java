package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.dropReason;
import static org.sanshe.bot.core.fixture.Verdicts.passed;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;

class SelfMessageGuardTest {
    private final SelfMessageGuard guard = new SelfMessageGuard(Set.of(UserId.of("sanshe-bot")));

    @Test
    void dropsWhatTheBotItselfSaid() {
        var request = Requests.arriving(
                Events.text().from("sanshe-bot").inGroup("wrFOCUS1").saying("/帮助"));

        assertThat(dropReason(guard.check(request))).isNotBlank();
    }

    @Test
    void passesAMembersMessageUnchanged() {
        var request = Requests.arriving(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/帮助"));

        assertThat(passed(guard.check(request))).isSameAs(request);
    }

    @Test
    void dropsOwnMessagesInAPrivateChatToo() {
        var request =
                Requests.arriving(Events.text().from("sanshe-bot").privately().saying("您好"));

        assertThat(guard.check(request)).isInstanceOf(Verdict.Drop.class);
    }
}
