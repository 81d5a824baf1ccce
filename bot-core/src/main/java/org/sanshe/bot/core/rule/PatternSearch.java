package org.sanshe.bot.core.rule;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one {@code re:} pattern over a folded message, trying it only where a match can begin.
 *
 * <p>{@link Matcher#find()} tries a pattern at every position, and for the lexicon's patterns (which start with a
 * lookbehind and a character class) that costs more than everything else the matcher does. So, when the pattern is
 * compiled, each BMP character is tried alone: if the pattern neither matches it nor asks for more input
 * ({@link Matcher#hitEnd()}), no match can begin with that character, and the search skips it. At the remaining
 * positions the pattern is tried in place ({@code lookingAt} on a region with transparent bounds, so lookbehinds see
 * the text before), which finds exactly what {@code find()} would.
 *
 * <p>Trying a character alone is only a safe over-estimate when nothing in the pattern needs text before the match to
 * succeed. A positive lookbehind ({@code (?<=}) or a word boundary ({@code \b}, {@code \B}) or {@code \G} can, so such a
 * pattern is tried everywhere, as {@code find()} would. Negative lookbehinds, as in the shipped patterns, can only
 * refuse, so they are safe. Surrogates are always tried.
 */
final class PatternSearch {
    /** Receives each non-empty match as folded offsets. */
    @FunctionalInterface
    interface Found {
        void found(int start, int end);
    }

    private final Pattern pattern;
    private final BitSet starts;
    private final boolean everywhere;

    private PatternSearch(Pattern pattern, BitSet starts, boolean everywhere) {
        this.pattern = pattern;
        this.starts = starts;
        this.everywhere = everywhere;
    }

    static PatternSearch of(Pattern pattern) {
        String source = pattern.pattern();
        if (source.contains("(?<=") || source.contains("\\b") || source.contains("\\B") || source.contains("\\G")) {
            return new PatternSearch(pattern, new BitSet(), true);
        }
        BitSet starts = new BitSet(Character.MAX_VALUE + 1);
        Matcher m = pattern.matcher("");
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                starts.set(c);
                continue;
            }
            m.reset(String.valueOf((char) c));
            if (m.lookingAt() || m.hitEnd()) {
                starts.set(c);
            }
        }
        return new PatternSearch(pattern, starts, false);
    }

    /** How many BMP characters can begin a match (all of them when the pattern is tried everywhere). */
    int startCharacters() {
        return everywhere ? Character.MAX_VALUE + 1 : starts.cardinality();
    }

    void findAll(String folded, Found found) {
        Matcher m = pattern.matcher(folded);
        if (everywhere) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.found(m.start(), m.end());
                }
            }
            return;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int length = folded.length();
        int i = 0;
        while (i < length) {
            if (!starts.get(folded.charAt(i))) {
                i++;
                continue;
            }
            m.region(i, length);
            if (m.lookingAt() && m.end() > i) {
                found.found(i, m.end());
                i = m.end();
            } else {
                i++;
            }
        }
    }
}
