package org.sanshe.bot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatValuesTest {

    @Test
    void refusesBlankIds() {
        assertThatThrownBy(() -> ChatId.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void printsAnIdAsItsValue() {
        assertThat(ChatId.of("wrFOCUS1")).hasToString("wrFOCUS1");
        assertThat(UserId.of("zhangsan")).hasToString("zhangsan");
    }

    @Test
    void ordersAGroupConversationByItsChat() {
        var a = Conversation.group(Channel.AIBOT, ChatId.of("wrFOCUS1"), UserId.of("zhangsan"));
        var b = Conversation.group(Channel.AIBOT, ChatId.of("wrFOCUS1"), UserId.of("lisi"));

        assertThat(a.isGroup()).isTrue();
        assertThat(a.orderingKey()).isEqualTo("g:wrFOCUS1").isEqualTo(b.orderingKey());
    }

    @Test
    void ordersAPrivateConversationByItsMember() {
        var c = Conversation.direct(Channel.APP, UserId.of("zhangsan"));

        assertThat(c.isGroup()).isFalse();
        assertThat(c.chat()).isEmpty();
        assertThat(c.orderingKey()).isEqualTo("p:zhangsan");
    }

    @Test
    void aChatAndAMemberWithTheSameValueDoNotShareAnOrderingKey() {
        var group = Conversation.group(Channel.AIBOT, ChatId.of("x1"), UserId.of("u"));
        var direct = Conversation.direct(Channel.AIBOT, UserId.of("x1"));

        assertThat(group.orderingKey()).isNotEqualTo(direct.orderingKey());
    }

    @Test
    void knowsTheBuiltInGroupTypesByCode() {
        assertThat(GroupType.builtIn("FOCUS_SERVICE"))
                .map(GroupType::chineseName)
                .contains("聚焦服务群");
        assertThat(GroupType.builtIn("RESIDENTS")).map(GroupType::chineseName).contains("线上小区居民群");
        assertThat(GroupType.builtIn("KEY_COMPANION"))
                .map(GroupType::chineseName)
                .contains("重点陪助群");
    }

    @Test
    void doesNotKnowAGroupTypeADeploymentAdded() {
        assertThat(GroupType.builtIn("NIGHT_WATCH")).isEmpty();
        assertThat(GroupType.builtIn("focus_service")).isEmpty();
    }

    @Test
    void builtInGroupTypeCodesAreUnique() {
        assertThat(GroupType.BUILT_IN).extracting(GroupType::code).doesNotHaveDuplicates();
    }
}
