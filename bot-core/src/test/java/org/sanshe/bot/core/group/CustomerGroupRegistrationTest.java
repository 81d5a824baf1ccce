package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupDetails;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupLookedUp;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /登记客户群, the second half: WeCom has described the customer group, or refused to. */
class CustomerGroupRegistrationTest {
    private static final ChatId CUSTOMER = ChatId.of("wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAAA");
    private static final Conversation ASKED_IN = Conversation.direct(Channel.APP, UserId.of("demo-admin"));

    private static final Member OWNER =
            new Member(UserId.of("sw-zhang"), Optional.of("张三"), Optional.of("社工-张三"), MemberKind.STAFF);
    private static final Member AUNT_WANG =
            new Member(UserId.of("wmAAA1"), Optional.of("王阿姨"), Optional.of("5栋1202-自住"), MemberKind.EXTERNAL);
    private static final Member UNCLE_LI =
            new Member(UserId.of("wmBBB2"), Optional.of("老李"), Optional.empty(), MemberKind.EXTERNAL);

    private final FakeRoleGrants roles = Fakes.roles();

    private Engine engine() {
        return Bots.bot().roles(roles).admins("demo-admin").build();
    }

    private static CustomerGroupLookedUp described(Optional<String> requestedName, List<Member> members) {
        return new CustomerGroupLookedUp(
                Events.nextId(),
                ASKED_IN,
                CUSTOMER,
                "RESIDENTS",
                requestedName,
                Optional.of(new CustomerGroupDetails("阳光小区5栋业主群", OWNER.id(), members)),
                Optional.empty(),
                Events.NOW);
    }

    private static CustomerGroupLookedUp refusedByWeCom(int errorCode) {
        return new CustomerGroupLookedUp(
                Events.nextId(),
                ASKED_IN,
                CUSTOMER,
                "RESIDENTS",
                Optional.empty(),
                Optional.empty(),
                Optional.of(errorCode),
                Events.NOW);
    }

    @Test
    void theGroupIsRegisteredWithItsMembersAndTheAdminSeesWhoIsInIt() {
        List<Member> members = List.of(OWNER, AUNT_WANG, UNCLE_LI);

        var outcome = engine().decide(described(Optional.of("阳光小区5栋居民群"), members));

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n",
                        "已登记客户群「阳光小区5栋居民群」（线上小区居民群）。",
                        "群主：社工-张三（sw-zhang）",
                        "成员 3 人（员工 1 人，微信用户 2 人）：",
                        "· 社工-张三（sw-zhang）（员工）",
                        "· 5栋1202-自住（wmAAA1）（微信用户）",
                        "· 老李（wmBBB2）（微信用户）",
                        "输入 /切换 阳光小区5栋居民群 可在私聊中管理这个群。"));
        assertThat(changes(outcome, StateChange.GroupRegistered.class))
                .containsExactly(new StateChange.GroupRegistered(
                        CUSTOMER, "阳光小区5栋居民群", "RESIDENTS", Channel.CUSTOMER, UserId.of("demo-admin"), Events.NOW));
        assertThat(changes(outcome, StateChange.MembersListed.class))
                .containsExactly(new StateChange.MembersListed(CUSTOMER, members, Events.NOW));
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.actor()).isEqualTo(UserId.of("demo-admin"));
        assertThat(audit.action()).isEqualTo("/登记客户群");
        assertThat(audit.chat()).contains(CUSTOMER);
        assertThat(audit.detail()).isEqualTo("登记客户群「阳光小区5栋居民群」，类型 RESIDENTS，成员 3 人");
    }

    @Test
    void withoutARequestedNameTheGroupKeepsTheNameWeComGave() {
        var outcome = engine().decide(described(Optional.empty(), List.of(OWNER)));

        assertThat(changes(outcome, StateChange.GroupRegistered.class))
                .singleElement()
                .extracting(StateChange.GroupRegistered::name)
                .isEqualTo("阳光小区5栋业主群");
    }

    @Test
    void anOwnerWhoIsNotListedIsShownByAccount() {
        var outcome = engine().decide(described(Optional.of("阳光小区5栋居民群"), List.of(AUNT_WANG)));

        assertThat(replyText(outcome)).contains("群主：sw-zhang\n成员 1 人（员工 0 人，微信用户 1 人）：");
    }

    @Test
    void aBigGroupIsListedUpToThirtyAndTheRestCounted() {
        List<Member> members = new ArrayList<>();
        IntStream.rangeClosed(1, 45)
                .forEach(i -> members.add(
                        new Member(UserId.of("wm" + i), Optional.of("居民" + i), Optional.empty(), MemberKind.EXTERNAL)));

        var outcome = engine().decide(described(Optional.of("阳光小区5栋居民群"), members));

        String text = replyText(outcome);
        assertThat(text).contains("· 居民30（wm30）（微信用户）\n……还有 15 人\n输入 /切换");
        assertThat(text).doesNotContain("居民31");
        assertThat(changes(outcome, StateChange.MembersListed.class))
                .singleElement()
                .satisfies(l -> assertThat(l.members()).hasSize(45));
    }

    @Test
    void aGroupWeComCannotFindIsExplainedInWords() {
        var outcome = engine().decide(refusedByWeCom(86003));

        assertThat(replyText(outcome)).isEqualTo("没能登记客户群 wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAAA：没有找到这个客户群，请检查客户群ID。");
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(audit.detail()).isEqualTo("errcode 86003");
    }

    @Test
    void aMissingPermissionIsExplainedSoTheAdminKnowsWhatToChange() {
        var outcome = engine().decide(refusedByWeCom(48002));

        assertThat(replyText(outcome)).endsWith("本应用没有客户联系权限：请在管理后台把它设为“客户联系”的可调用应用。");
    }

    @Test
    void anErrorCodeWithoutAnExplanationIsShownAsItIs() {
        var outcome = engine().decide(refusedByWeCom(12345));

        assertThat(replyText(outcome)).isEqualTo("没能登记客户群 wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAAA：企业微信返回错误码 12345");
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void anAdminWhoLostTheRoleWhileWeComWasAnsweringIsRefused() {
        var asked = described(Optional.empty(), List.of(OWNER));
        var withoutTheAdmin = Bots.bot().roles(roles).build();

        var outcome = withoutTheAdmin.decide(asked);

        assertThat(replyText(outcome)).isEqualTo("只有在所有群有效的群管理员（或该群的群管理员）可以登记客户群。");
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
        assertThat(changes(outcome, StateChange.MembersListed.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void anAdminForAllGroupsByGrantIsStillAnAdmin() {
        roles.grantEverywhere("chief", Role.ADMIN);
        var asked = new CustomerGroupLookedUp(
                Events.nextId(),
                Conversation.direct(Channel.APP, UserId.of("chief")),
                CUSTOMER,
                "RESIDENTS",
                Optional.empty(),
                Optional.of(new CustomerGroupDetails("阳光小区5栋业主群", OWNER.id(), List.of(OWNER))),
                Optional.empty(),
                Events.NOW);

        var outcome = Bots.bot().roles(roles).build().decide(asked);

        assertThat(changes(outcome, StateChange.GroupRegistered.class)).hasSize(1);
    }

    @Test
    void aChatBoundAsAnInternalGroupWhileWeComAnsweredIsNotRegisteredAsACustomerGroup() {
        var groups = Fakes.groups().register(CUSTOMER.value(), "社区工作群", "PREVENTION_WORK", Channel.AIBOT);

        var outcome = Bots.bot()
                .roles(roles)
                .groups(groups)
                .admins("demo-admin")
                .build()
                .decide(described(Optional.empty(), List.of(OWNER)));

        assertThat(replyText(outcome)).contains("已经作为内部群「社区工作群」登记过了");
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
        assertThat(changes(outcome, StateChange.MembersListed.class)).isEmpty();
    }

    @Test
    void aTypeRemovedFromConfigurationWhileWeComAnsweredIsExplained() {
        var types = new org.sanshe.bot.core.chat.GroupTypes(
                List.of(org.sanshe.bot.core.chat.GroupType.named("FOCUS_SERVICE", "聚焦服务群")));

        var outcome = Bots.bot()
                .roles(roles)
                .types(types)
                .admins("demo-admin")
                .build()
                .decide(described(Optional.empty(), List.of(OWNER)));

        assertThat(replyText(outcome)).contains("群类型 RESIDENTS 已不在配置中");
        assertThat(changes(outcome, StateChange.GroupRegistered.class)).isEmpty();
    }
}
