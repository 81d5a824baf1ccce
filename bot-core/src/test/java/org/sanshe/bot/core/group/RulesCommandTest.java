package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.audited;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange.GroupRulesSet;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /群规 through the whole engine: a focus-service group with its type's rules, a companion group whose type has none. */
class RulesCommandTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String COMPANION = "wrKEY1";
    private static final ChatId FOCUS_CHAT = ChatId.of(FOCUS);

    private final FakeGroups groups = Fakes.groups()
            .register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE")
            .register(COMPANION, "阳光重点陪助群", "KEY_COMPANION");
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

    private Outcome inGroup(String chat, String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(chat).saying(text));
    }

    private static GroupRulesSet rulesSet(Optional<String> rules, String by) {
        return new GroupRulesSet(FOCUS_CHAT, rules, UserId.of(by), Events.NOW);
    }

    @Test
    void aResidentSeesTheTypesRulesWithTheGroupNameReadyToPaste() {
        var outcome = inGroup(FOCUS, "zhangsan", "@三社助手 /群规");

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n", "【阳光社区聚焦服务群 群规】", "1. 只发布经核实的信息。", "2. 个人隐私请私聊。", "——阳光社区聚焦服务群", "", "（以上内容可直接复制为群公告）"));
        assertThat(audited(outcome)).isFalse();
    }

    @Test
    void theGroupsOwnRulesOverrideTheTypes() {
        groups.withRules(FOCUS, "1. 本群只讨论聚焦服务。\n2. 晚上十点后请勿打扰。");

        var outcome = inGroup(FOCUS, "zhangsan", "/群公约");

        assertThat(replyText(outcome)).isEqualTo("【阳光社区聚焦服务群 群规】\n1. 本群只讨论聚焦服务。\n2. 晚上十点后请勿打扰。\n\n（以上内容可直接复制为群公告）");
    }

    @Test
    void aTypeWithoutRulesSaysThereAreNoneYetAndHowToSetThem() {
        var outcome = inGroup(COMPANION, "zhangsan", "/群规");

        assertThat(replyText(outcome)).isEqualTo("「阳光重点陪助群」还没有群规。群管理员可以用 /群规 设置 群规全文 来设置。");
    }

    @Test
    void anUnregisteredGroupHasNoRules() {
        var outcome = inGroup("wrNEW9", "zhangsan", "/群规");

        assertThat(replyText(outcome)).startsWith("本群还没有登记。请群管理员 @我 输入 /绑定群");
    }

    @Test
    void inAPrivateChatTheRulesAreThoseOfTheChosenGroup() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);
        contexts.choose("sec-li", FOCUS);

        var chosen = engine().decide(Events.text().from("sec-li").privately().saying("/群规"));
        var none = engine().decide(Events.text().from("zhangsan").privately().saying("/群规"));

        assertThat(replyText(chosen)).startsWith("【阳光社区聚焦服务群 群规】");
        assertThat(replyText(none)).isEqualTo("请先告诉我是哪个群：在群里 @我 使用，或在私聊中先输入 /切换 群名或编号。");
    }

    @Test
    void anAdminSetsTheGroupsOwnRulesKeepingEveryLineAndItsPunctuation() {
        String rules = "1. 请文明发言，互相尊重！\n2. 不发广告、不刷屏。\n3. 个人隐私（电话、住址）请私聊社工。";

        var outcome = inGroup(FOCUS, "demo-admin", "@三社助手 /群规 设置\n" + rules);

        assertThat(replyText(outcome)).isEqualTo("已更新「阳光社区聚焦服务群」的群规：\n" + rules);
        assertThat(changes(outcome, GroupRulesSet.class)).containsExactly(rulesSet(Optional.of(rules), "demo-admin"));
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.action()).isEqualTo("/群规 设置");
        assertThat(audit.detail()).isEqualTo("设置「阳光社区聚焦服务群」的群规（" + rules.length() + " 字）");
    }

    @Test
    void rulesTypedOnTheSameLineAsTheCommandKeepTheirLaterLines() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群规 设置 1. 只发布经核实的信息。\n2. 个人隐私请私聊。");

        assertThat(changes(outcome, GroupRulesSet.class))
                .containsExactly(rulesSet(Optional.of("1. 只发布经核实的信息。\n2. 个人隐私请私聊。"), "demo-admin"));
    }

    @Test
    void rulesWithCircledNumbersAndEllipsisAreKeptAsTyped() {
        String rules = "①每户一人入群；②群昵称：楼栋房号……";

        var outcome = inGroup(FOCUS, "demo-admin", "／群规　设置　" + rules);

        assertThat(changes(outcome, GroupRulesSet.class)).containsExactly(rulesSet(Optional.of(rules), "demo-admin"));
    }

    @Test
    void rulesOfExactlyTheLimitAreAccepted() {
        String rules = "规".repeat(1500);

        var outcome = inGroup(FOCUS, "demo-admin", "/群规 设置 " + rules);

        assertThat(changes(outcome, GroupRulesSet.class)).containsExactly(rulesSet(Optional.of(rules), "demo-admin"));
    }

    @Test
    void rulesLongerThanTheLimitAreRefusedNotCut() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群规 设置 " + "规".repeat(1501));

        assertThat(replyText(outcome)).containsPattern("^群规最多 1,?500 个字，您输入了 1,?501 个字。请精简后再试。$");
        assertThat(changes(outcome, GroupRulesSet.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aResidentCannotSetTheRules() {
        var outcome = inGroup(FOCUS, "zhangsan", "/群规 设置 大家随便聊");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以修改群规（/群规 设置）。如需权限，请联系群管理员。");
        assertThat(changes(outcome, GroupRulesSet.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aSecretaryCannotSetTheRulesEither() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);

        var outcome = inGroup(FOCUS, "sec-li", "/群规 修改 新群规");

        assertThat(replyText(outcome)).startsWith("只有群管理员可以修改群规");
        assertThat(changes(outcome, GroupRulesSet.class)).isEmpty();
    }

    @Test
    void settingRulesWithoutTextShowsTheUsage() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群规 设置");

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/群规 设置 <群规全文>\n例如：/群规 设置 1. 只发布经核实的信息……");
    }

    @Test
    void anAdminResetsTheRulesToTheTypes() {
        groups.withRules(FOCUS, "旧的专属群规");

        var outcome = inGroup(FOCUS, "demo-admin", "/群规 恢复默认");

        assertThat(replyText(outcome)).isEqualTo("已将「阳光社区聚焦服务群」的群规恢复为群类型的默认群规。输入 /群规 查看。");
        assertThat(changes(outcome, GroupRulesSet.class)).containsExactly(rulesSet(Optional.empty(), "demo-admin"));
        assertThat(auditEntry(outcome).detail()).isEqualTo("「阳光社区聚焦服务群」的群规恢复默认");
    }

    @Test
    void resettingRulesThatAreAlreadyTheTypesChangesNothing() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群规 重置");

        assertThat(replyText(outcome)).isEqualTo("「阳光社区聚焦服务群」用的已经是群类型的默认群规。");
        assertThat(changes(outcome, GroupRulesSet.class)).isEmpty();
    }

    @Test
    void aResidentCannotResetTheRules() {
        groups.withRules(FOCUS, "专属群规");

        var outcome = inGroup(FOCUS, "zhangsan", "/群规 恢复默认");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以修改群规（/群规 恢复默认）。如需权限，请联系群管理员。");
        assertThat(changes(outcome, GroupRulesSet.class)).isEmpty();
    }

    @Test
    void aWordAfterRulesThatIsNoSubcommandGetsTheSubcommands() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群规 删除");

        assertThat(replyText(outcome)).isEqualTo("/群规 没有“删除”这一项。可以用：/群规 设置、/群规 恢复默认");
    }
}
