package org.sanshe.bot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The free text after a command (new group rules, a group's name) keeps its characters as typed, while the name and
 * the words the command reads are normalised (NFKC) as before.
 */
class ArgumentsAsTypedTest {
    private final CommandParser parser = new CommandParser();

    private ParsedCommand parse(String text) {
        return parser.parse(text).orElseThrow();
    }

    @Test
    void keepsChinesePunctuationWhileTheWordsAreNormalised() {
        var parsed = parse("/群规 设置 请文明发言，互相尊重！");

        assertThat(parsed.rawArgs()).isEqualTo("设置 请文明发言，互相尊重！");
        assertThat(parsed.args()).containsExactly("设置", "请文明发言,互相尊重!");
        assertThat(parsed.rest(1)).isEqualTo("请文明发言，互相尊重！");
    }

    @Test
    void keepsLineBreaks() {
        var parsed = parse("@三社助手 /群规 设置\n1. 只发布经核实的信息。\n2. 个人隐私（电话、住址）请私聊。");

        assertThat(parsed.rest(1)).isEqualTo("1. 只发布经核实的信息。\n2. 个人隐私（电话、住址）请私聊。");
    }

    @Test
    void makesFullWidthAndWeComSpacesPlain() {
        var parsed = parse("@三社助手\u2005／群规　设置　①每户一人入群；②群昵称：楼栋房号……");

        assertThat(parsed.name()).isEqualTo("群规");
        assertThat(parsed.rawArgs()).isEqualTo("设置 ①每户一人入群；②群昵称：楼栋房号……");
    }

    @Test
    void keepsAGroupNameAsTypedAfterTheType() {
        var parsed = parse("@三社助手 ／绑定群 聚焦服务群 阳光社区（一期）聚焦群");

        assertThat(parsed.args()).containsExactly("聚焦服务群", "阳光社区(一期)聚焦群");
        assertThat(parsed.rest(1)).isEqualTo("阳光社区（一期）聚焦群");
    }

    @Test
    void withoutArgumentsThereIsNoText() {
        assertThat(parse("／群规").rawArgs()).isEmpty();
    }

    @Test
    void fallsBackToTheNormalisedTextWhenNormalisingSplitsAWordTyped() {
        // NFKC turns the diaeresis U+00A8 into a space and a combining mark: the typed words no longer line up
        var parsed = parse("/群规 设置 a\u00A8b");

        assertThat(parsed.args()).isEqualTo(List.of("设置", "a", "\u0308b"));
        assertThat(parsed.rawArgs()).isEqualTo("设置 a \u0308b");
    }
}
