package org.sanshe.bot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    private Optional<ParsedCommand> parse(String text) {
        return parser.parse(text);
    }

    @Test
    void readsACommandTypedWithAHalfWidthSlash() {
        assertThat(parse("/帮助")).contains(new ParsedCommand("帮助", List.of()));
    }

    @Test
    void readsACommandTypedWithAFullWidthSlash() {
        assertThat(parse("／帮助")).contains(new ParsedCommand("帮助", List.of()));
    }

    @Test
    void splitsArgumentsOnFullWidthSpaces() {
        assertThat(parse("/记录\u3000张三\u3000头痛发热")).contains(new ParsedCommand("记录", List.of("张三", "头痛发热")));
    }

    @Test
    void splitsArgumentsOnMixedSpacesAndTabs() {
        assertThat(parse("/记录 \u3000 张三\t头痛").map(ParsedCommand::args)).contains(List.of("张三", "头痛"));
    }

    @Test
    void skipsTheBotMentionBeforeTheCommand() {
        assertThat(parse("@三社助手 /帮助")).contains(new ParsedCommand("帮助", List.of()));
    }

    @Test
    void skipsSeveralMentionsBeforeTheCommand() {
        assertThat(parse("@三社助手 @张三 /whoami")).contains(new ParsedCommand("whoami", List.of()));
    }

    @Test
    void skipsAMentionEndedByTheSpaceWeComInsertsAfterIt() {
        // WeCom ends a picked @mention with U+2005 (four-per-em space), which NFKC turns into a plain space.
        assertThat(parse("@三社助手\u2005/帮助")).contains(new ParsedCommand("帮助", List.of()));
    }

    @Test
    void ignoresExtraSpacesEverywhere() {
        assertThat(parse("   @三社助手    /帮助     我是谁   ")).contains(new ParsedCommand("帮助", List.of("我是谁")));
    }

    @Test
    void readsAFullWidthCommandTypedOnAPhoneAfterAMention() {
        assertThat(parse("@三社助手　／帮助　我是谁")).contains(new ParsedCommand("帮助", List.of("我是谁")));
    }

    @Test
    void lowerCasesAnEnglishCommandName() {
        assertThat(parse("/HELP")).contains(new ParsedCommand("help", List.of()));
        assertThat(parse("/WhoAmI")).contains(new ParsedCommand("whoami", List.of()));
    }

    @Test
    void keepsTheCaseOfArguments() {
        assertThat(parse("/HELP WhoAmI")).contains(new ParsedCommand("help", List.of("WhoAmI")));
    }

    @Test
    void turnsFullWidthLettersIntoPlainOnes() {
        assertThat(parse("／ＨＥＬＰ")).contains(new ParsedCommand("help", List.of()));
    }

    @Test
    void textWithoutASlashIsNotACommand() {
        assertThat(parse("你好，请问怎么预约核酸？")).isEmpty();
        assertThat(parse("@三社助手 帮助")).isEmpty();
    }

    @Test
    void aSlashInTheMiddleOfASentenceIsNotACommand() {
        assertThat(parse("请问 /帮助 怎么用")).isEmpty();
    }

    @Test
    void aSlashAloneIsNotACommand() {
        assertThat(parse("/")).isEmpty();
        assertThat(parse("／　")).isEmpty();
        assertThat(parse("@三社助手 /")).isEmpty();
    }

    @Test
    void aMentionAloneOrNothingIsNotACommand() {
        assertThat(parse("@三社助手")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("  \u3000 ")).isEmpty();
        assertThat(parse(null)).isEmpty();
    }

    @Test
    void cutsVeryLongInputInsteadOfFailing() {
        String prefix = "/帮助 ";
        String text = prefix + "啊".repeat(100_000);

        Optional<ParsedCommand> parsed = parse(text);

        assertThat(parsed).isPresent();
        assertThat(parsed.get().name()).isEqualTo("帮助");
        assertThat(parsed.get().args()).singleElement().asString().hasSize(CommandParser.MAX_INPUT - prefix.length());
    }

    @Test
    void cutsLongInputInTheMiddleOfAnEmojiWithoutFailing() {
        // an odd prefix puts the cut between the two halves of a surrogate pair
        String text = "/帮助 x" + "😀".repeat(10_000);

        assertThatCode(() -> parse(text)).doesNotThrowAnyException();
        assertThat(parse(text)).map(ParsedCommand::name).contains("帮助");
    }

    @Test
    void survivesAWallOfMentions() {
        String text = "@a ".repeat(20_000) + "/帮助";

        assertThatCode(() -> parse(text)).doesNotThrowAnyException();
        // the command lies beyond the cut, so what remains is only mentions
        assertThat(parse(text)).isEmpty();
    }

    @Test
    void readsACommandGluedToTheMention() {
        assertThat(parser.parse("@三社助手/帮助")).contains(new ParsedCommand("帮助", List.of()));
        assertThat(parser.parse("@三社助手／我是谁")).contains(new ParsedCommand("我是谁", List.of()));
    }
}
