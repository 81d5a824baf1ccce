package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.crisis.CrisisBook;
import org.sanshe.bot.core.crisis.CrisisDetector;
import org.sanshe.bot.core.crisis.CrisisReading;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.port.LearnedSignal.Reading;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;

/** On the real rules (config/crisis, config/lexicon): the keys must be what that detector hands over. */
class LookupSignalTest {
    private static final CrisisDetector RULES = rules();

    /** Traditional script, a variant spelling and full-width characters: the key is the detector's text, not ours. */
    private static final String TRADITIONAL = "ＡＢＣ我真的撐不下去了，好累";

    private static final String CHAT = "明天下午三點開會，記得帶材料";

    @Test
    void theKeyIsWhatTheDetectorHandsOver() {
        LookupSignal.Keys keys = new LookupSignal.Keys(RULES);

        assertThat(keys.of(CHAT)).contains(RULES.read(CHAT).normalised());
        assertThat(keys.of(TRADITIONAL)).contains(RULES.read(TRADITIONAL).normalised());
        assertThat(keys.of(CHAT).orElseThrow()).isNotEqualTo(CHAT); // normalised: simplified script
        assertThat(keys.of("   ")).isEmpty(); // nothing to read: the detector never asks
    }

    @Test
    void theDetectorIsGivenTheReadingOfItsOwnText() {
        LookupSignal signal = LookupSignal.of(
                RULES,
                List.of(CHAT, TRADITIONAL),
                List.of(new Reading("SELF_HARM", 0.01), new Reading("SEVERE_DISTRESS", 0.97)));

        CrisisReading chat = RULES.withLearned(signal, 0.9, 0.6).read(CHAT);
        CrisisReading distress = RULES.withLearned(signal, 0.9, 0.6).read(TRADITIONAL);
        CrisisReading distressHigh = RULES.withLearned(signal, 0.99, 0.98).read(TRADITIONAL);

        assertThat(chat.urgency()).isEmpty();
        assertThat(distress.urgency()).contains(Urgency.URGENT);
        assertThat(distressHigh.urgency()).isEqualTo(RULES.read(TRADITIONAL).urgency());
    }

    @Test
    void aTextWithoutAReadingIsAnErrorNotSilence() {
        LookupSignal signal = LookupSignal.of(RULES, List.of(CHAT), List.of(new Reading("SELF_HARM", 0.01)));

        assertThatThrownBy(() -> RULES.withLearned(signal, 0.9, 0.6).read("今天天气不错"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no reading");
    }

    @Test
    void twoTextsReadAlikeMustHaveOneReading() {
        // the same message in traditional and simplified script is one text to the detector
        assertThatThrownBy(() -> LookupSignal.of(
                        RULES,
                        List.of(CHAT, "明天下午三点开会，记得带材料"),
                        List.of(new Reading("SELF_HARM", 0.01), new Reading("SELF_HARM", 0.5))))
                .hasMessageContaining("different readings");
        assertThat(LookupSignal.of(
                                RULES,
                                List.of(CHAT, "明天下午三点开会，记得带材料"),
                                List.of(new Reading("SELF_HARM", 0.01), new Reading("SELF_HARM", 0.01)))
                        .size())
                .isEqualTo(1);
    }

    private static CrisisDetector rules() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path config = dir.resolve("config");
            if (Files.isDirectory(config.resolve("crisis"))) {
                return CrisisDetector.build(
                        CrisisBook.readFolder(config.resolve("crisis")).orElseThrow(),
                        RuleMatcher.compile(
                                Lexicon.readFolder(config.resolve("lexicon")).orElseThrow()));
            }
        }
        throw new IllegalStateException(
                "config/crisis not found above " + Path.of("").toAbsolutePath());
    }
}
