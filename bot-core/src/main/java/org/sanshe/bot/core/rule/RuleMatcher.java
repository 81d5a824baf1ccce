package org.sanshe.bot.core.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds crises and rule breaches in chat messages. Compiled once from a {@link Lexicon}: all literal terms, exception
 * phrases, negation cues and breaks go into one {@link TermAutomaton}, so a message is read once for all of them
 * however large the lexicon; the few {@code re:} patterns then run on the folded text, tried only where a match can
 * begin ({@link PatternSearch}). Immutable and thread-safe.
 *
 * <p>What is dropped, in this order (see also {@code config/lexicon/exceptions.tsv}):
 *
 * <ol>
 *   <li><b>Exceptions.</b> A match lying entirely inside an occurrence of an exception phrase is dropped, whatever its
 *       severity: {@code 想死你了} covers {@code 想死}, {@code 跳楼价} covers {@code 跳楼}, {@code 系统崩溃} covers
 *       {@code 崩溃}. A term spelled exactly like the exception is not dropped by it, so a phrase can be an exception
 *       for the words inside it and a finding of its own ({@code 跳楼价} is advertising). Exceptions also cover
 *       pattern matches (a published service number) and negation cues ({@code 没想到} is not {@code 没}).
 *   <li><b>Negations</b>, for crisis matches of severity 1 and 2 only. The match is dropped when a negation cue ends
 *       at most {@value #NEGATION_WINDOW} characters (of the squeezed text, see {@link ChatText}) before the match
 *       starts, with no clause mark ({@code ，。！？；：} or a line break) and no break word ({@code 但是}, {@code 就是})
 *       in between: {@code 没有发高烧}, {@code 差点摔倒}, {@code 预防老人跌倒}. A cue inside the term is part of the
 *       term, not a negation of it: {@code 不想活} starts with {@code 不}, {@code 好几天没见} contains {@code 没}; only
 *       a cue that ends before the match begins counts. <b>Severity 3 is never negated</b>: {@code 我没有不想活} and
 *       {@code 不是要跳楼} still raise SELF_HARM. Safety first: a social worker reading a false alarm costs minutes, a
 *       missed one can cost a life, and the words that most need a second look are exactly the ones people hedge.
 *       Double negation is not resolved ({@code 不是没有摔倒} reads as negated), for the same reason it is only
 *       allowed to silence the less severe terms.
 * </ol>
 *
 * Rule breaches are never negated: {@code 这不是广告} is how advertising starts.
 */
public final class RuleMatcher {
    /** How far before a crisis match a negation cue may end, in squeezed characters. */
    public static final int NEGATION_WINDOW = 4;

    private static final int EXCEPTION = 1;
    private static final int NEGATION = 2;
    private static final int BREAK = 4;
    private static final Term[] NO_TERMS = {};
    private static final int[] NONE = {};

    private final TermAutomaton automaton;
    private final String[] phraseOfWord;
    private final Term[][] termsOfWord;
    private final int[] rolesOfWord;
    private final List<CompiledPattern> patterns;
    private final int literalCount;

    private record CompiledPattern(Term term, PatternSearch search) {}

    private RuleMatcher(
            TermAutomaton automaton,
            String[] phraseOfWord,
            Term[][] termsOfWord,
            int[] rolesOfWord,
            List<CompiledPattern> patterns,
            int literalCount) {
        this.automaton = automaton;
        this.phraseOfWord = phraseOfWord;
        this.termsOfWord = termsOfWord;
        this.rolesOfWord = rolesOfWord;
        this.patterns = patterns;
        this.literalCount = literalCount;
    }

    public static RuleMatcher compile(Lexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        Map<String, Integer> wordIndex = new LinkedHashMap<>();
        Map<Integer, List<Term>> terms = new LinkedHashMap<>();
        Map<Integer, Integer> roles = new LinkedHashMap<>();
        List<CompiledPattern> patterns = new ArrayList<>();
        int literals = 0;
        for (Term t : lexicon.terms()) {
            if (t.isPattern()) {
                patterns.add(new CompiledPattern(t, PatternSearch.of(Pattern.compile(t.patternSource()))));
            } else {
                int w = wordIndex.computeIfAbsent(t.normalised(), k -> wordIndex.size());
                terms.computeIfAbsent(w, k -> new ArrayList<>()).add(t);
                literals++;
            }
        }
        addPhrases(lexicon.exceptions(), EXCEPTION, wordIndex, roles);
        addPhrases(lexicon.negationCues(), NEGATION, wordIndex, roles);
        addPhrases(lexicon.breaks(), BREAK, wordIndex, roles);

        int words = wordIndex.size();
        String[] phrases = wordIndex.keySet().toArray(new String[0]);
        Term[][] termsOfWord = new Term[words][];
        int[] rolesOfWord = new int[words];
        for (int w = 0; w < words; w++) {
            termsOfWord[w] = terms.getOrDefault(w, List.of()).toArray(NO_TERMS);
            rolesOfWord[w] = roles.getOrDefault(w, 0);
        }
        return new RuleMatcher(
                TermAutomaton.build(Arrays.asList(phrases)),
                phrases,
                termsOfWord,
                rolesOfWord,
                List.copyOf(patterns),
                literals);
    }

    private static void addPhrases(
            List<String> phrases, int role, Map<String, Integer> wordIndex, Map<Integer, Integer> roles) {
        for (String phrase : phrases) {
            int w = wordIndex.computeIfAbsent(ChatText.normalisePhrase(phrase), k -> wordIndex.size());
            roles.merge(w, role, (a, b) -> a | b);
        }
    }

    /** What the lexicon finds in one message. Never fails for any text; an empty message finds nothing. */
    public Detection detect(String message) {
        Objects.requireNonNull(message, "message");
        if (message.isEmpty()) {
            return Detection.none();
        }
        ChatText text = ChatText.of(message);
        Hits hits = new Hits();
        automaton.scan(text.squeezed, text.squeezedLength, hits);

        List<Candidate> candidates = new ArrayList<>();
        if (hits.termHits > 0) {
            for (int h = 0; h < hits.count; h++) {
                int word = hits.word[h];
                for (Term t : termsOfWord[word]) {
                    int start = hits.start[h];
                    int end = hits.end[h];
                    candidates.add(new Candidate(
                            t, word, start, end, text.originStartOfSqueezed(start), text.originEndOfSqueezed(end)));
                }
            }
        }
        if (!patterns.isEmpty()) {
            String folded = text.foldedString();
            for (CompiledPattern p : patterns) {
                p.search()
                        .findAll(
                                folded,
                                (start, end) -> candidates.add(new Candidate(
                                        p.term(),
                                        -1,
                                        text.squeezedBefore(start),
                                        text.squeezedBefore(end),
                                        text.originStartOfFolded(start),
                                        text.originEndOfFolded(end))));
            }
        }
        if (candidates.isEmpty()) {
            return Detection.none();
        }
        return classify(text, hits, candidates);
    }

    private Detection classify(ChatText text, Hits hits, List<Candidate> candidates) {
        Map<Category, List<Match>> kept = new EnumMap<>(Category.class);
        List<Suppressed> suppressed = new ArrayList<>();
        for (Candidate c : candidates) {
            Match match = new Match(c.term.text(), c.term.category(), c.term.severity(), c.originStart, c.originEnd);
            int exception = coveringException(hits, c.word, c.start, c.end);
            if (exception >= 0) {
                suppressed.add(new Suppressed(match, Suppressed.Reason.EXCEPTION, phraseOfWord[exception]));
                continue;
            }
            if (c.term.category().isCrisis() && Severity.URGENT.isAbove(c.term.severity())) {
                int cue = negatingCue(text, hits, c.start);
                if (cue >= 0) {
                    suppressed.add(new Suppressed(match, Suppressed.Reason.NEGATION, phraseOfWord[cue]));
                    continue;
                }
            }
            kept.computeIfAbsent(c.term.category(), k -> new ArrayList<>()).add(match);
        }
        List<Finding> crises = new ArrayList<>();
        List<Finding> breaches = new ArrayList<>();
        for (Map.Entry<Category, List<Match>> e : kept.entrySet()) {
            List<Match> matches = e.getValue();
            matches.sort(Detection.TEXT_ORDER);
            Severity highest = Severity.WATCH;
            for (Match m : matches) {
                if (m.severity().isAbove(highest)) {
                    highest = m.severity();
                }
            }
            Finding f = new Finding(e.getKey(), highest, matches);
            (e.getKey().isCrisis() ? crises : breaches).add(f);
        }
        crises.sort(Detection.MOST_URGENT_FIRST);
        breaches.sort(Detection.MOST_URGENT_FIRST);
        return new Detection(crises, breaches, suppressed);
    }

    /** The exception phrase (its word) covering {@code [start, end)}, other than the term's own spelling; or -1. */
    private int coveringException(Hits hits, int ownWord, int start, int end) {
        for (int h = 0; h < hits.count; h++) {
            int w = hits.word[h];
            if ((rolesOfWord[w] & EXCEPTION) != 0 && w != ownWord && hits.start[h] <= start && end <= hits.end[h]) {
                return w;
            }
        }
        return -1;
    }

    /**
     * The negation cue (its word) that denies a crisis match starting at {@code start}, the one ending nearest to it and
     * then the longest ({@code 没有} rather than the {@code 没} inside it); or -1.
     */
    private int negatingCue(ChatText text, Hits hits, int start) {
        int best = -1;
        for (int h = 0; h < hits.count; h++) {
            int w = hits.word[h];
            int cueEnd = hits.end[h];
            if ((rolesOfWord[w] & NEGATION) == 0 || cueEnd > start || start - cueEnd > NEGATION_WINDOW) {
                continue;
            }
            if (coveringException(hits, w, hits.start[h], cueEnd) >= 0) {
                continue; // 没想到 is not 没
            }
            if (clauseEndsBetween(text, hits, cueEnd, start)) {
                continue;
            }
            if (best == -1
                    || cueEnd > hits.end[best]
                    || (cueEnd == hits.end[best] && hits.start[h] < hits.start[best])) {
                best = h;
            }
        }
        return best == -1 ? -1 : hits.word[best];
    }

    private boolean clauseEndsBetween(ChatText text, Hits hits, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ChatText.isClauseMark(text.squeezed[i])) {
                return true;
            }
        }
        for (int h = 0; h < hits.count; h++) {
            int w = hits.word[h];
            if ((rolesOfWord[w] & BREAK) != 0
                    && from <= hits.start[h]
                    && hits.end[h] <= to
                    && coveringException(hits, w, hits.start[h], hits.end[h]) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The number of literal terms and of states of the automaton, and the patterns: for the startup log. */
    @Override
    public String toString() {
        return "RuleMatcher[" + literalCount + " literal terms, " + phraseOfWord.length + " phrases in "
                + automaton.states() + " states, " + patterns.size() + " patterns]";
    }

    /** A term found at {@code [start, end)} of the squeezed text; {@code word} is -1 for a pattern. */
    private record Candidate(Term term, int word, int start, int end, int originStart, int originEnd) {}

    /** Every occurrence the automaton reported, as parallel arrays: most messages have none or a handful. */
    private final class Hits implements TermAutomaton.Hits {
        int[] word = NONE;
        int[] start = NONE;
        int[] end = NONE;
        int count;
        int termHits;

        @Override
        public void hit(int w, int s, int e) {
            if (count == word.length) { // most messages have no hit at all: allocate on the first
                int size = Math.max(8, count * 2);
                word = Arrays.copyOf(word, size);
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
            }
            word[count] = w;
            start[count] = s;
            end[count] = e;
            count++;
            if (termsOfWord[w].length > 0) {
                termHits++;
            }
        }
    }
}
