package org.sanshe.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.moderation.BreachAction;
import org.sanshe.bot.core.moderation.RuleBook;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** config/rules.yml as packaged, and the mistakes in such a file that stop the start with the entry named. */
class RuleBookLoaderTest {
    private static final GroupTypes TYPES = GroupTypesLoader.load(new ClassPathResource("group-types.yml"));

    private static RuleBook yaml(String text) {
        return RuleBookLoader.load(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test rules"), TYPES);
    }

    @Test
    void thePackagedFileCoversEveryLexiconRuleAndOffShiftPerGroupType() {
        RuleBook book = RuleBookLoader.load(new ClassPathResource("rules.yml"), TYPES);

        assertThat(book.rules().keySet())
                .containsExactlyInAnyOrder(
                        "RUMOUR", "SUPERSTITION", "PORN_VIOLENCE", "ADVERTISING", "PRIVATE_INFO", "OFF_SHIFT");
        assertThat(book.warningLimit()).isEqualTo(3);
        assertThat(book.warningDecay()).isEqualTo(Duration.ofDays(30));
        assertThat(book.quietPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(book.actions("ADVERTISING", "RESIDENTS"))
                .containsExactlyInAnyOrder(BreachAction.REMIND, BreachAction.WARN);
        assertThat(book.actions("OFF_SHIFT", "RESIDENTS")).isEmpty();
        assertThat(book.actions("OFF_SHIFT", "FOCUS_SERVICE")).containsExactly(BreachAction.REMIND);
        assertThat(book.actions("PRIVATE_INFO", "PREVENTION_WORK")).isEmpty();
        assertThat(book.rule("PRIVATE_INFO").orElseThrow().exempts(Set.of(Role.SECRETARY)))
                .isTrue();
        assertThat(book.rule("PRIVATE_INFO").orElseThrow().exempts(Set.of(Role.VOLUNTEER)))
                .isFalse();
    }

    @Test
    void aSmallFileTakesTheDefaultsAndTheDeployersOwnWords() {
        RuleBook book = yaml("""
                rules:
                  - rule: ADVERTISING
                    name: 商业广告
                    actions: [remind]
                    reminder: "{群名}请勿发广告"
                """);
        assertThat(book.warningLimit()).isEqualTo(3);
        assertThat(book.rule("ADVERTISING").orElseThrow().name()).contains("商业广告");
        assertThat(book.rule("ADVERTISING").orElseThrow().reminder()).contains("{群名}请勿发广告");
        assertThat(book.actions("ADVERTISING", "RESIDENTS")).containsExactly(BreachAction.REMIND);
    }

    @Test
    void mistakesStopTheStartNamingTheEntry() {
        assertThatThrownBy(() -> yaml("rules:\n  - rule: ADVERTISING\n    actions: [SHAME]\n"))
                .hasMessageContaining("rules[0].actions")
                .hasMessageContaining("SHAME");
        assertThatThrownBy(() -> yaml("rules:\n  - rule: ADVERTISING\n    exempt: [队长]\n"))
                .hasMessageContaining("rules[0].exempt")
                .hasMessageContaining("队长");
        assertThatThrownBy(() -> yaml("rules:\n  - rule: ADVERTISING\ngroup-types:\n  NIGHT:\n    ADVERTISING: []\n"))
                .hasMessageContaining("group-types.NIGHT");
        assertThatThrownBy(() -> yaml("rules:\n  - rule: ADVERTISING\ngroup-types:\n  RESIDENTS:\n    GOSSIP: []\n"))
                .hasMessageContaining("unknown rule GOSSIP");
        assertThatThrownBy(() -> yaml("warning-decay: 30天\nrules:\n  - rule: ADVERTISING\n"))
                .hasMessageContaining("warning-decay")
                .hasMessageContaining("P30D");
        assertThatThrownBy(() -> yaml("rules:\n  - rule: ADVERTISING\n  - rule: ADVERTISING\n"))
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> yaml("rule: ADVERTISING\n")).hasMessageContaining("'rules'");
    }
}
