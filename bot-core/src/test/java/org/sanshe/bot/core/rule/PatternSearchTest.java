package org.sanshe.bot.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternSearchTest {
    private static final String ALPHABET = "0123456789013813+-- x栋号楼室单元弄一二十十三a座我住的电话\n。";

    private static List<List<Integer>> skipping(PatternSearch search, String text) {
        List<List<Integer>> found = new ArrayList<>();
        search.findAll(text, (s, e) -> found.add(List.of(s, e)));
        return found;
    }

    private static List<List<Integer>> everywhere(Pattern p, String text) {
        List<List<Integer>> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                found.add(List.of(m.start(), m.end()));
            }
        }
        return found;
    }

    @Test
    void theShippedPatternsAreTriedOnlyWhereAMatchCanBegin() {
        for (Term t : Lexicons.REAL.patterns()) {
            assertThat(PatternSearch.of(Pattern.compile(t.patternSource())).startCharacters())
                    .as(t.text())
                    .isLessThan(3_000); // digits, letters, a few Chinese numerals, and the surrogates
        }
    }

    @Test
    void aPatternThatNeedsTheTextBeforeItIsTriedEverywhere() {
        assertThat(PatternSearch.of(Pattern.compile("(?<=电话)1[0-9]+")).startCharacters())
                .isEqualTo(Character.MAX_VALUE + 1);
        assertThat(PatternSearch.of(Pattern.compile("\\B1")).startCharacters()).isEqualTo(Character.MAX_VALUE + 1);
        assertThat(skipping(PatternSearch.of(Pattern.compile("(?<=电话)1[0-9]+")), "电话13812345678"))
                .containsExactly(List.of(2, 13));
    }

    @Test
    void findsExactlyWhatFindFindsOnRandomTexts() {
        List<Pattern> patterns = new ArrayList<>();
        Lexicons.REAL.patterns().forEach(t -> patterns.add(Pattern.compile(t.patternSource())));
        for (String source : List.of(
                "1[3-9]",
                "(?<![0-9])[0-9]{3}",
                "(?:\\+?86)?1[0-9]{2}",
                "^1",
                "1$",
                "(?m)^[0-9]",
                "(?=1)[0-9]{2}",
                "a|栋[0-9]",
                "(?i)A座",
                "x*1",
                ".单元",
                "[^0-9]号",
                "[0-9]*",
                "(?<!\\+)8(?!6)")) {
            patterns.add(Pattern.compile(source));
        }
        List<PatternSearch> searches =
                patterns.stream().map(PatternSearch::of).toList(); // built once: each tries all 65,536 characters
        Random random = new Random(11L);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = b.toString();
            for (int k = 0; k < patterns.size(); k++) {
                Pattern p = patterns.get(k);
                assertThat(skipping(searches.get(k), text))
                        .as("%s in '%s'", p, text)
                        .isEqualTo(everywhere(p, text));
            }
        }
    }
}
