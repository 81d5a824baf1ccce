package org.sanshe.bot.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Category;
import org.sanshe.bot.core.rule.Term;

/**
 * Every crisis term and every situation example also fires when written in traditional script, and with each variant
 * spelling of variants.tsv put in place of what it stands for.
 */
class SurfaceFormsTest {
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    /** The crisis terms that fire on their own (some only fire in context, e.g. a term an exception covers). */
    private static List<Term> crisisTermsThatFire() {
        List<Term> terms = new ArrayList<>();
        for (Term t : CrisisFiles.LEXICON.literals()) {
            if (t.category().isCrisis() && firesCategory(t.text(), t.category())) {
                terms.add(t);
            }
        }
        return terms;
    }

    private static boolean firesCategory(String message, Category category) {
        return CrisisFiles.read(message).crises().stream().anyMatch(f -> f.category() == category);
    }

    @Test
    void almostEveryCrisisTermFiresOnItsOwn() {
        long crisisTerms = CrisisFiles.LEXICON.literals().stream()
                .filter(t -> t.category().isCrisis())
                .count();
        assertThat(crisisTermsThatFire()).hasSizeGreaterThan((int) (crisisTerms * 0.95));
    }

    @Test
    void everyCrisisTermFiresInTraditionalScript() {
        List<String> failures = new ArrayList<>();
        for (Term t : crisisTermsThatFire()) {
            String traditional = TO_TRADITIONAL.transliterate(t.text());
            if (!firesCategory(traditional, t.category())) {
                failures.add(t.text() + " → " + traditional);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everySituationExampleFiresInTraditionalScript() {
        List<String> failures = new ArrayList<>();
        for (Situation s : CrisisFiles.BOOK.situations()) {
            for (String example : s.examples()) {
                String traditional = TO_TRADITIONAL.transliterate(example);
                if (!CrisisFiles.read(traditional).situations().contains(s.name())) {
                    failures.add(s.name() + ": " + traditional);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyVariantSpellingIsReadAsWhatItStandsFor() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> v : CrisisFiles.BOOK.variants().entrySet()) {
            String variant = v.getKey();
            String meaning = v.getValue();
            for (Term t : crisisTermsThatFire()) {
                if (t.text().contains(meaning)) {
                    checked++;
                    String written = t.text().replace(meaning, variant);
                    if (!firesCategory(written, t.category())) {
                        failures.add(t.text() + " as " + written);
                    }
                }
            }
            for (Situation s : CrisisFiles.BOOK.situations()) {
                for (String example : s.examples()) {
                    String normal = CrisisText.normalise(example);
                    if (normal.contains(meaning)) {
                        checked++;
                        String written = normal.replace(meaning, variant);
                        if (!CrisisFiles.read(written).situations().contains(s.name())) {
                            failures.add(s.name() + " as " + written);
                        }
                    }
                }
            }
            assertThat(CrisisFiles.DETECTOR.variants("x" + variant + "x"))
                    .as("variant %s", variant)
                    .contains(meaning);
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void slangAndEmojiRaiseTheRightCrisis() {
        assertThat(urgency("我真的想zs")).contains(Urgency.URGENT);
        assertThat(urgency("想紫砂了")).contains(Urgency.URGENT);
        assertThat(urgency("bxh了，太累")).contains(Urgency.URGENT);
        assertThat(urgency("我想自殺")).contains(Urgency.URGENT);
        assertThat(urgency("佢話唔想活")).contains(Urgency.URGENT);
        assertThat(urgency("楼下有人拿着🔪在楼道里乱挥")).contains(Urgency.URGENT);
        assertThat(urgency("奶奶摔到了，爬不起来")).contains(Urgency.URGENT);
    }

    private static java.util.Optional<Urgency> urgency(String message) {
        return CrisisFiles.read(message).urgency();
    }
}
