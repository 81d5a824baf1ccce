package org.sanshe.bot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.fixture.GroupTypesFixture;

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
    void findsAGroupTypeByCodeChineseNameOrAliasInAnyWidthOrCase() {
        GroupTypes types = GroupTypesFixture.standard();

        assertThat(types.find("FOCUS_SERVICE")).map(GroupType::code).contains("FOCUS_SERVICE");
        assertThat(types.find("focus-service")).map(GroupType::code).contains("FOCUS_SERVICE");
        assertThat(types.find("聚焦服务群")).map(GroupType::code).contains("FOCUS_SERVICE");
        assertThat(types.find(" 聚焦群 ")).map(GroupType::code).contains("FOCUS_SERVICE");
        assertThat(types.find("ＲＥＳＩＤＥＮＴＳ")).map(GroupType::code).contains("RESIDENTS");
    }

    @Test
    void doesNotKnowATypeTheDeploymentDidNotDeclare() {
        assertThat(GroupTypesFixture.standard().find("NIGHT_WATCH")).isEmpty();
        assertThat(GroupTypesFixture.standard().chineseNameOf("NIGHT_WATCH")).isEqualTo("NIGHT_WATCH");
    }

    @Test
    void refusesTwoTypesAnsweringToOneName() {
        assertThatThrownBy(() -> new GroupTypes(java.util.List.of(
                        GroupType.named("FOCUS_SERVICE", "聚焦服务群"), GroupType.named("FOCUS", "聚焦服务群"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("聚焦服务群");
    }

    @Test
    void refusesAGroupTypeCodeThatIsNotUpperCase() {
        assertThatThrownBy(() -> GroupType.named("focus", "聚焦服务群")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putsTheGroupNameIntoTheRulesOfItsType() {
        GroupType focus = GroupTypesFixture.standard().byCode("FOCUS_SERVICE").orElseThrow();

        assertThat(focus.rulesFor("阳光社区聚焦服务群")).endsWith("——阳光社区聚焦服务群");
    }
}
