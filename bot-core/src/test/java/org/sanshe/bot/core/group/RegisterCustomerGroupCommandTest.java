package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /登记客户群, the first half: from a private chat, an admin asks the bot to read a customer group from WeCom. */
class RegisterCustomerGroupCommandTest {
    private static final String CUSTOMER = "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAAA";

    private final FakeGroups groups = Fakes.groups().register("wrFOCUS1", "阳光社区聚焦服务群", "FOCUS_SERVICE");
    private final FakeRoleGrants roles = Fakes.roles();
    private final FakePrivateContexts contexts = Fakes.contexts();

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .contexts(contexts)
                .admins("demo-admin")
                .build();
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    @Test
    void anAdminAsksWeComForTheGroupAndAnswersOnlyWhenWeComHasAnswered() {
        TextReceived asked = Events.text()
                .from("demo-admin")
                .privately()
                .via(Channel.APP)
                .saying("/登记客户群 " + CUSTOMER + " 小区居民群 阳光小区5栋居民群");

        var outcome = engine().decide(asked);

        assertThat(outcome.outbound())
                .containsExactly(new Outbound.LookUpCustomerGroup(
                        ChatId.of(CUSTOMER),
                        "RESIDENTS",
                        Optional.of("阳光小区5栋居民群"),
                        Conversation.direct(Channel.APP, UserId.of("demo-admin")),
                        asked.id().value()));
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.action()).isEqualTo("/登记客户群");
        assertThat(audit.detail()).isEqualTo("请求读取客户群 " + CUSTOMER + "，类型 RESIDENTS");
    }

    @Test
    void withoutANameTheNameWeComKnowsIsUsedLater() {
        var outcome = privately("demo-admin", "/登记 " + CUSTOMER + " 聚焦群");

        assertThat(outcome.outbound()).singleElement().isInstanceOfSatisfying(Outbound.LookUpCustomerGroup.class, l -> {
            assertThat(l.typeCode()).isEqualTo("FOCUS_SERVICE");
            assertThat(l.name()).isEmpty();
        });
    }

    @Test
    void aCustomerGroupRegisteredBeforeMayBeReadAgain() {
        groups.register(CUSTOMER, "阳光小区5栋居民群", "RESIDENTS", Channel.CUSTOMER);

        var outcome = privately("demo-admin", "/登记客户群 " + CUSTOMER + " 居民群");

        assertThat(outcome.outbound()).singleElement().isInstanceOf(Outbound.LookUpCustomerGroup.class);
    }

    @Test
    void somethingThatIsNoChatIdIsRefused() {
        var outcome = privately("demo-admin", "/登记客户群 阳光小区 居民群");

        assertThat(replyText(outcome)).isEqualTo("“阳光小区”不像客户群ID。客户群ID由字母、数字、_ 和 - 组成，可以在企业微信管理后台或客户群详情中找到。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aTooShortChatIdIsRefused() {
        var outcome = privately("demo-admin", "/登记客户群 wr1 居民群");

        assertThat(replyText(outcome)).startsWith("“wr1”不像客户群ID。");
    }

    @Test
    void anUnknownTypeIsRefusedWithTheTypesThatExist() {
        var outcome = privately("demo-admin", "/登记客户群 " + CUSTOMER + " 篮球群");

        assertThat(replyText(outcome)).startsWith("没有“篮球群”这种群类型。可用的群类型：\n核心服务群：线上小区居民群、聚焦服务群、重点陪助群");
        assertThat(outcome.outbound()).noneMatch(o -> o instanceof Outbound.LookUpCustomerGroup);
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void anInternalGroupCannotBeRegisteredAsACustomerGroup() {
        var outcome = privately("demo-admin", "/登记客户群 wrFOCUS1 居民群");

        assertThat(replyText(outcome)).isEqualTo("这个群已经作为内部群「阳光社区聚焦服务群」登记过了，不能再登记为客户群。");
        assertThat(outcome.outbound()).noneMatch(o -> o instanceof Outbound.LookUpCustomerGroup);
    }

    @Test
    void aTooLongNameIsRefusedBeforeAskingWeCom() {
        var outcome = privately("demo-admin", "/登记客户群 " + CUSTOMER + " 居民群 " + "阳".repeat(61));

        assertThat(replyText(outcome)).isEqualTo("群名需要是 1–60 个字。");
        assertThat(outcome.outbound()).noneMatch(o -> o instanceof Outbound.LookUpCustomerGroup);
    }

    @Test
    void inAGroupItIsRefusedAndTheAdminIsToldToWriteToTheBotPrivately() {
        var outcome = engine().decide(
                        Events.text().from("demo-admin").inGroup("wrFOCUS1").saying("/登记客户群 " + CUSTOMER + " 居民群"));

        assertThat(replyText(outcome)).isEqualTo("/登记客户群 请在与我的私聊中使用。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aResidentCannotRegisterACustomerGroup() {
        var outcome = privately("zhangsan", "/登记客户群 " + CUSTOMER + " 居民群");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以登记客户群（/登记客户群）。如需权限，请联系群管理员。");
        assertThat(outcome.outbound()).noneMatch(o -> o instanceof Outbound.LookUpCustomerGroup);
    }

    @Test
    void anAdminOfAnotherGroupOnlyCannotRegisterANewCustomerGroup() {
        roles.grant("admin-wang", Role.ADMIN, "wrFOCUS1");
        contexts.choose("admin-wang", "wrFOCUS1");

        var outcome = privately("admin-wang", "/登记客户群 " + CUSTOMER + " 居民群");

        assertThat(replyText(outcome)).isEqualTo("只有在所有群有效的群管理员（或该群的群管理员）可以登记客户群。");
        assertThat(outcome.outbound()).noneMatch(o -> o instanceof Outbound.LookUpCustomerGroup);
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void theChatIdAndTheTypeAreRequired() {
        var outcome = privately("demo-admin", "/登记客户群 " + CUSTOMER);

        assertThat(replyText(outcome))
                .isEqualTo("命令格式不对。用法：/登记客户群 <客户群ID> <群类型> [群名]\n"
                        + "例如：/登记客户群 wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAAA 小区居民群 阳光小区5栋居民群");
    }
}
