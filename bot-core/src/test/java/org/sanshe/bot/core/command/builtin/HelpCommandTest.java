package org.sanshe.bot.core.command.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.fixture.TestCommands;

/** /帮助 through the whole engine, with fakes. */
class HelpCommandTest {
    private final Engine engine = Bots.bot()
            .with(TestCommands.staffOnly(), TestCommands.privateOnly())
            .roles(Fakes.roles().grant("sw01", Role.SOCIAL_WORKER, "wrFOCUS1"))
            .admins("boss")
            .build();

    private String answer(String member, String text) {
        return replyText(
                engine.decide(Events.text().from(member).inGroup("wrFOCUS1").saying(text)));
    }

    private String answerPrivately(String member, String text) {
        return replyText(engine.decide(Events.text().from(member).privately().saying(text)));
    }

    @Test
    void listsOnlyHelpWhoAmIRulesAndNicknameForAResidentInAGroup() {
        assertThat(answer("zhangsan", "@三社助手 /帮助"))
                .isEqualTo(String.join(
                        "\n",
                        "您在这里可以使用的命令：",
                        "/帮助（/help）：显示您在这里可以使用的命令",
                        "/我是谁（/whoami）：查看您的账号、所在的群和角色",
                        "/群规（/rules）：查看本群群规，可直接复制为群公告",
                        "/昵称（/nickname）：群昵称：检查一个昵称是否符合本群规范；群秘书可查看未改好的名单",
                        "输入 /帮助 命令名 查看用法和示例。"));
    }

    @Test
    void answersHelpTypedWithFullWidthSlash() {
        assertThat(answer("zhangsan", "@三社助手 ／帮助")).isEqualTo(answer("zhangsan", "/帮助"));
    }

    @Test
    void answersToItsEnglishNameAndAliases() {
        String help = answer("zhangsan", "/帮助");

        assertThat(answer("zhangsan", "/HELP")).isEqualTo(help);
        assertThat(answer("zhangsan", "/菜单")).isEqualTo(help);
        assertThat(answer("zhangsan", "/？")).isEqualTo(help);
    }

    @Test
    void hidesAStaffCommandFromAResident() {
        assertThat(answer("zhangsan", "/帮助")).doesNotContain("/点名");
    }

    @Test
    void showsAStaffCommandToAnAdmin() {
        assertThat(answer("boss", "/帮助")).contains("/点名（/rollcall）：开始一次值班点名");
    }

    @Test
    void showsAStaffCommandToASocialWorkerOnlyWhereTheGrantHolds() {
        assertThat(answer("sw01", "/帮助")).contains("/点名");
        assertThat(replyText(engine.decide(
                        Events.text().from("sw01").inGroup("wrRES1").saying("/帮助"))))
                .doesNotContain("/点名");
    }

    @Test
    void listsOnlyCommandsThatWorkInThisKindOfChat() {
        assertThat(answer("zhangsan", "/帮助")).doesNotContain("/记录");
        assertThat(answerPrivately("zhangsan", "/帮助")).contains("/记录（/record）：记录一次咨询");
    }

    @Test
    void givesTheUsageOfANamedCommand() {
        assertThat(answer("zhangsan", "/帮助 我是谁"))
                .isEqualTo("/我是谁：查看您的账号、所在的群和角色\n用法：/我是谁\n例如：/我是谁\n也可以输入：/我是谁、/whoami、/我的角色");
    }

    @Test
    void givesTheUsageWhenTheNameIsTypedWithASlashOrInEnglish() {
        String detail = answer("zhangsan", "/帮助 我是谁");

        assertThat(answer("zhangsan", "/帮助 /whoami")).isEqualTo(detail);
        assertThat(answer("zhangsan", "/帮助 ／我是谁")).isEqualTo(detail);
        assertThat(answer("zhangsan", "/帮助 WHOAMI")).isEqualTo(detail);
    }

    @Test
    void doesNotDescribeAStaffCommandToAResident() {
        assertThat(answer("zhangsan", "/帮助 点名")).isEqualTo("没有找到命令 点名，或者您在这里不能使用它。输入 /帮助 查看可用命令。");
    }

    @Test
    void describesAStaffCommandToAnAdmin() {
        assertThat(answer("boss", "/帮助 点名")).startsWith("/点名：开始一次值班点名\n用法：/点名");
    }

    @Test
    void saysSoWhenTheNamedCommandDoesNotExist() {
        assertThat(answer("zhangsan", "/帮助 天气")).startsWith("没有找到命令 天气");
    }

    @Test
    void answersInEnglishWithTheEnglishBundle() {
        var english = Bots.bot().english().build();

        String text = replyText(
                english.decide(Events.text().from("zhangsan").privately().saying("/help")));

        assertThat(text).startsWith("Commands you can use here:").contains("(/whoami): Show your account");
    }

    @Test
    void neverEchoesALongUnknownNameIntoTheGroup() {
        String wall = "x".repeat(3000);
        String reply = answer("res01", "/帮助 " + wall);
        assertThat(reply).contains("xxxxxxxxxxxx…").hasSizeLessThan(120);
    }

    @Test
    void doesNotExplainAPrivateOnlyCommandInAGroup() {
        assertThat(answer("res01", "/帮助 记录")).contains("没有找到命令");
        assertThat(answerPrivately("res01", "/帮助 记录")).contains("用法");
    }
}
