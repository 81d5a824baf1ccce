package org.sanshe.bot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;

class CommandSpecTest {

    private static CommandSpec spec(int minArgs, int maxArgs) {
        return new CommandSpec("record", "记录", List.of("登记"), Role.SECRETARY, Scope.PRIVATE, minArgs, maxArgs);
    }

    @Test
    void namesTheChineseNameFirstThenTheKeyThenTheAliases() {
        assertThat(spec(0, 1).names()).containsExactly("记录", "record", "登记");
    }

    @Test
    void findsItsTextsUnderItsKey() {
        var spec = spec(0, 1);

        assertThat(spec.helpKey()).isEqualTo("command.record.help");
        assertThat(spec.usageKey()).isEqualTo("command.record.usage");
        assertThat(spec.exampleKey()).isEqualTo("command.record.example");
    }

    @Test
    void refusesANegativeMinimum() {
        assertThatThrownBy(() -> spec(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> spec(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record");
    }

    @Test
    void scopeAllowsOnlyTheRightKindOfConversation() {
        var group = Conversation.group(Channel.AIBOT, ChatId.of("wrFOCUS1"), UserId.of("u1"));
        var direct = Conversation.direct(Channel.AIBOT, UserId.of("u1"));

        assertThat(Scope.GROUP.allows(group)).isTrue();
        assertThat(Scope.GROUP.allows(direct)).isFalse();
        assertThat(Scope.PRIVATE.allows(direct)).isTrue();
        assertThat(Scope.PRIVATE.allows(group)).isFalse();
        assertThat(Scope.ANY.allows(group)).isTrue();
        assertThat(Scope.ANY.allows(direct)).isTrue();
    }

    @Test
    void aReplyIsNeverBlank() {
        assertThatThrownBy(() -> Reply.text(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reply.text("好的").text()).contains("好的");
    }
}
