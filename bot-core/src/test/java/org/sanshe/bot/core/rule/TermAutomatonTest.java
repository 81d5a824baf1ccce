package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {

    /** An occurrence: which word, where. */
    record Hit(int word, int start, int end) {}

    private static List<Hit> scan(TermAutomaton automaton, String text) {
        List<Hit> hits = new ArrayList<>();
        automaton.scan(text.toCharArray(), text.length(), (w, s, e) -> hits.add(new Hit(w, s, e)));
        return hits;
    }

    /** The obvious way: every word, every start position, with String.indexOf. */
    private static List<Hit> naive(List<String> words, String text) {
        List<Hit> hits = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
                hits.add(new Hit(w, i, i + word.length()));
            }
        }
        return hits;
    }

    @Test
    void findsOverlappingAndNestedWordsInOnePass() {
        List<String> words = List.of("he", "she", "his", "hers");
        TermAutomaton automaton = TermAutomaton.build(words);

        assertThat(scan(automaton, "ushers"))
                .containsExactly(new Hit(1, 1, 4), new Hit(0, 2, 4), new Hit(3, 2, 6)); // by end, longest first
    }

    @Test
    void findsChineseTermsInsideLongerOnesAndThroughFailureLinks() {
        List<String> words = List.of("不想活", "想活", "活着没意思", "没意思", "着没");
        TermAutomaton automaton = TermAutomaton.build(words);

        assertThat(scan(automaton, "我不想活着没意思")).containsExactlyInAnyOrderElementsOf(naive(words, "我不想活着没意思"));
        assertThat(scan(automaton, "我不想活着没意思")).hasSize(5);
    }

    @Test
    void reportsARepeatedWordUnderEachOfItsIndexes() {
        TermAutomaton automaton = TermAutomaton.build(List.of("跳楼", "跳楼"));

        assertThat(scan(automaton, "跳楼")).containsExactlyInAnyOrder(new Hit(0, 0, 2), new Hit(1, 0, 2));
    }

    @Test
    void refusesAnEmptyWord() {
        assertThatThrownBy(() -> TermAutomaton.build(List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
    }

    @Test
    void agreesWithANaiveScanOnRandomTextsAndDictionaries() {
        Random random = new Random(20_240_611L);
        String[] alphabets = {"ab", "abc", "不想活了", "a\uD83D\uDE2D不"};
        for (int round = 0; round < 2_000; round++) {
            String alphabet = alphabets[round % alphabets.length];
            List<String> words = new ArrayList<>();
            int wordCount = 1 + random.nextInt(12);
            for (int w = 0; w < wordCount; w++) {
                words.add(randomString(random, alphabet, 1 + random.nextInt(5)));
            }
            String text = randomString(random, alphabet, random.nextInt(60));
            TermAutomaton automaton = TermAutomaton.build(words);

            assertThat(scan(automaton, text))
                    .as("round %d: words %s in '%s'", round, words, text)
                    .containsExactlyInAnyOrderElementsOf(naive(words, text));
        }
    }

    @Test
    void agreesWithANaiveScanForALargeDictionary() {
        Random random = new Random(7L);
        String alphabet = "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年";
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 5_000; w++) {
            words.add(randomString(random, alphabet, 2 + random.nextInt(4)));
        }
        TermAutomaton automaton = TermAutomaton.build(words);
        for (int round = 0; round < 50; round++) {
            String text = randomString(random, alphabet, 200);
            assertThat(scan(automaton, text)).containsExactlyInAnyOrderElementsOf(naive(words, text));
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
