package org.sanshe.bot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanshe.bot.core.fixture.TestCommands.named;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.builtin.BuiltinCommands;
import org.sanshe.bot.core.command.builtin.HelpCommand;
import org.sanshe.bot.core.command.builtin.WhoAmICommand;

class CommandRegistryTest {
    private final CommandRegistry builtins = new CommandRegistry(BuiltinCommands.all());

    private String keyOf(String typed) {
        return builtins.find(typed).orElseThrow().spec().key();
    }

    @Test
    void findsACommandByItsChineseName() {
        assertThat(builtins.find("帮助")).get().isInstanceOf(HelpCommand.class);
        assertThat(builtins.find("我是谁")).get().isInstanceOf(WhoAmICommand.class);
    }

    @Test
    void findsACommandByItsKeyInAnyCase() {
        assertThat(keyOf("help")).isEqualTo("help");
        assertThat(keyOf("HELP")).isEqualTo("help");
        assertThat(keyOf("WhoAmI")).isEqualTo("whoami");
    }

    @Test
    void findsACommandByAnAlias() {
        assertThat(keyOf("菜单")).isEqualTo("help");
        assertThat(keyOf("?")).isEqualTo("help");
        assertThat(keyOf("我的角色")).isEqualTo("whoami");
    }

    @Test
    void findsAnAliasInAnyCase() {
        var registry = new CommandRegistry(List.of(named("rollcall", "点名", "RC")));

        assertThat(registry.find("rc")).isPresent();
        assertThat(registry.find("Rc")).isPresent();
    }

    @Test
    void findsNothingForAnUnknownName() {
        assertThat(builtins.find("天气")).isEmpty();
        assertThat(builtins.find("帮")).isEmpty();
    }

    @Test
    void listsCommandsInTheOrderTheyWereGiven() {
        assertThat(builtins.all())
                .extracting(c -> c.spec().key())
                .containsExactly(
                        "help",
                        "whoami",
                        "rules",
                        "groupinfo",
                        "use",
                        "role",
                        "bind",
                        "register",
                        "audit",
                        "escalate",
                        "ack",
                        "handover",
                        "raise",
                        "falsealarm",
                        "useful",
                        "resolve",
                        "escalations",
                        "nickname",
                        "households");
    }

    @Test
    void refusesTwoCommandsWithTheSameChineseName() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(new HelpCommand(), named("ask", "帮助"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("帮助")
                .hasMessageContaining("help")
                .hasMessageContaining("ask");
    }

    @Test
    void refusesTwoCommandsSharingAnAliasWrittenInDifferentCase() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(named("first", "甲", "Go"), named("second", "乙", "go"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used by both first and second");
    }

    @Test
    void refusesAnAliasThatIsAnotherCommandsKey() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(new WhoAmICommand(), named("me", "我", "WHOAMI"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("whoami")
                .hasMessageContaining("me");
    }

    @Test
    void suggestsHelpForAOneCharacterSlipInItsChineseName() {
        assertThat(builtins.closestNames("帮主", 3)).containsExactly("帮助");
    }

    @Test
    void allowsOnlyOneSlipInATwoCharacterName() {
        // allowed distance is max(1, min(2, length / 2)) of the candidate: 1 for 帮助
        assertThat(builtins.closestNames("邦主", 3)).isEmpty();
    }

    @Test
    void doesNotSuggestFromPinyin() {
        assertThat(builtins.closestNames("bangzhu", 3)).isEmpty();
    }

    @Test
    void suggestsWhoamiForADoubledLetter() {
        assertThat(builtins.closestNames("whoamii", 3)).containsExactly("whoami");
    }

    @Test
    void allowsTwoSlipsInALongerEnglishName() {
        assertThat(builtins.closestNames("hlep", 3)).containsExactly("help");
        assertThat(builtins.closestNames("whoaim", 3)).containsExactly("whoami");
        assertThat(builtins.closestNames("wohaim", 3)).isEmpty();
    }

    @Test
    void suggestsNothingForSomethingUnrelated() {
        assertThat(builtins.closestNames("天气预报", 3)).isEmpty();
        assertThat(builtins.closestNames("weather", 3)).isEmpty();
    }

    @Test
    void putsTheClosestNameFirstAndStopsAtTheLimit() {
        var registry = new CommandRegistry(List.of(named("abcdxy", "甲"), named("abcdef", "乙")));

        assertThat(registry.closestNames("abcdeg", 3)).containsExactly("abcdef", "abcdxy");
        assertThat(registry.closestNames("abcdeg", 1)).containsExactly("abcdef");
    }

    @Test
    void measuresEditDistanceByInsertionsDeletionsAndSubstitutions() {
        assertThat(CommandRegistry.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(CommandRegistry.distance("", "帮助")).isEqualTo(2);
        assertThat(CommandRegistry.distance("帮助", "帮助")).isZero();
    }

    @Test
    void treatsFullWidthAndHalfWidthNamesAsTheSameName() {
        Command half = new org.sanshe.bot.core.command.builtin.HelpCommand();
        Command full = new Command() {
            @Override
            public CommandSpec spec() {
                return new CommandSpec(
                        "other", "其他", List.of("？"), org.sanshe.bot.core.chat.Role.RESIDENT, Scope.ANY, 0, 0);
            }

            @Override
            public Reply execute(CommandContext context) {
                return Reply.none();
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CommandRegistry(List.of(half, full)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("help")
                .hasMessageContaining("other");
    }
}
