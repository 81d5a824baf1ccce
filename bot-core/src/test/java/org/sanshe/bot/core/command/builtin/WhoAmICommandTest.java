package org.sanshe.bot.core.command.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /我是谁 through the whole engine, with fakes. */
class WhoAmICommandTest {
    private final FakeGroups groups = Fakes.groups()
            .register("wrFOCUS1", "阳光小区聚焦服务一群", "FOCUS_SERVICE")
            .register("wrNIGHT1", "夜间值守群", "NIGHT_WATCH");
    private final FakeRoleGrants roles = Fakes.roles();

    private String answerInGroup(String chat, String member, String text) {
        var engine = Bots.bot().groups(groups).roles(roles).admins("boss").build();
        return replyText(engine.decide(Events.text().from(member).inGroup(chat).saying(text)));
    }

    @Test
    void namesTheUserTheGroupAndItsChineseTypeInARegisteredGroup() {
        assertThat(answerInGroup("wrFOCUS1", "zhangsan", "@三社助手 /我是谁"))
                .isEqualTo("您的账号：zhangsan\n所在位置：阳光小区聚焦服务一群（聚焦服务群）\n您的角色：居民");
    }

    @Test
    void showsAConfiguredAdminAsGroupAdministrator() {
        assertThat(answerInGroup("wrFOCUS1", "boss", "/我是谁")).endsWith("您的角色：群管理员");
    }

    @Test
    void showsAStoredGrantByItsChineseName() {
        roles.grant("sw01", Role.SOCIAL_WORKER, "wrFOCUS1");

        assertThat(answerInGroup("wrFOCUS1", "sw01", "/我是谁")).endsWith("您的角色：社工");
    }

    @Test
    void showsOnlyTheGrantsThatHoldInThisGroup() {
        roles.grant("sw01", Role.SOCIAL_WORKER, "wrFOCUS1");

        assertThat(answerInGroup("wrNIGHT1", "sw01", "/我是谁")).endsWith("您的角色：居民");
    }

    @Test
    void listsSeveralRolesHighestFirst() {
        roles.grantEverywhere("doc01", Role.MEDICAL).grant("doc01", Role.SOCIAL_WORKER, "wrFOCUS1");

        assertThat(answerInGroup("wrFOCUS1", "doc01", "/我是谁")).endsWith("您的角色：社工、医务志愿者");
    }

    @Test
    void combinesTheConfiguredAdminWithStoredGrants() {
        roles.grant("boss", Role.SECRETARY, "wrFOCUS1");

        assertThat(answerInGroup("wrFOCUS1", "boss", "/我是谁")).endsWith("您的角色：群管理员、群秘书");
    }

    @Test
    void showsTheTypeCodeOfAGroupTypeTheDeploymentAdded() {
        assertThat(answerInGroup("wrNIGHT1", "zhangsan", "/我是谁")).contains("所在位置：夜间值守群（NIGHT_WATCH）");
    }

    @Test
    void saysAnUnregisteredGroupIsNotRegisteredYet() {
        assertThat(answerInGroup("wrUNKNOWN", "zhangsan", "/我是谁"))
                .contains("所在位置：一个尚未登记的群")
                .contains("尚未登记");
    }

    @Test
    void saysAPrivateChatIsAPrivateChat() {
        var engine = Bots.bot().groups(groups).build();

        String text = replyText(
                engine.decide(Events.text().from("zhangsan").privately().saying("/我是谁")));

        assertThat(text).isEqualTo("您的账号：zhangsan\n所在位置：与我的私聊\n您的角色：居民");
    }

    @Test
    void answersToItsEnglishNameAndAlias() {
        String answer = answerInGroup("wrFOCUS1", "zhangsan", "/我是谁");

        assertThat(answerInGroup("wrFOCUS1", "zhangsan", "/WHOAMI")).isEqualTo(answer);
        assertThat(answerInGroup("wrFOCUS1", "zhangsan", "/我的角色")).isEqualTo(answer);
    }
}
