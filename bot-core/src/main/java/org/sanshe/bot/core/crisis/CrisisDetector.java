package org.sanshe.bot.core.crisis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.core.rule.Category;
import org.sanshe.bot.core.rule.Detection;
import org.sanshe.bot.core.rule.Finding;
import org.sanshe.bot.core.rule.Folding;
import org.sanshe.bot.core.rule.Match;
import org.sanshe.bot.core.rule.RuleMatcher;
import org.sanshe.bot.core.rule.TermAutomaton;

/**
 * Crisis detection over a message: situations as rules over concepts, the crisis lexicon's terms, frames that move a
 * finding from 紧急 to 留意, and optionally a learned signal that may raise what the rules missed. Immutable and
 * thread-safe once built.
 *
 * <ol>
 *   <li>The message is normalised ({@link CrisisText}: simplified script, folded) and its variant spellings are read
 *       as what they stand for ({@code zs} after 想 as 自杀, 🔪 as 刀).
 *   <li>One pass finds every concept phrase, concept exception and frame cue; a concept phrase inside an exception
 *       phrase does not count. A situation fires when each of its slots has a concept in one clause (范围：句) or in the
 *       message (范围：消息), and none of its 除非 concepts is there.
 *   <li>The lexicon ({@link RuleMatcher}) reads the same normalised text: its crisis terms are findings too (severity 2
 *       and 3 紧急, 1 留意), with its exceptions and negations.
 *   <li>Frames (see {@link Frame}) move a finding to 留意. A threat said first-hand ({@code 我} in the finding's own
 *       clauses, with no cue there) keeps its urgency whatever a media, training or sales cue elsewhere says.
 *   <li>The learned signal, when on, adds a finding the rules missed: 紧急 above {@code urgentAbove} in a message
 *       without any frame cue, 留意 above {@code watchAbove}. It never lowers or removes a rule's finding.
 * </ol>
 */
public final class CrisisDetector {
    /** The concept that marks a clause as said first-hand ({@code 我}, {@code 俺}); optional in concepts.tsv. */
    public static final String FIRST_HAND = "亲历";
    /**
     * The concept that marks a clause as happening now ({@code 现在}, {@code 正在}, {@code 快来}); optional. A finding
     * in such a clause is not lowered by a question, a what-if, or a cue elsewhere in the message: 问一下，我妈现在嘴歪
     * 说话不清 is a call for help.
     */
    public static final String NOW = "此刻";
    /**
     * A lexicon term alone is 紧急 from this severity: 3 means a life may be at risk now (crisis.tsv's header), 2 that a
     * social worker should look today, which is what a 留意 note asks. Described crises are the situation rules' work.
     */
    static final int SEVERITY_URGENT = 3;

    /** Concepts that name who a situation is about, not what happens (for scare quotes). */
    static final Set<String> ACTORS = Set.of("老人", "家人", "独居", "邻居", "孩子", "婴儿", "孕妇", "伴侣或家人", "亲历", "认知障碍", "产后");
    /** How far after a negation cue a finding may start, in normalised characters. */
    static final int NEGATION_REACH = 4;

    private final CrisisBook book;
    private final RuleMatcher lexicon;
    private final LearnedSignal learned;
    private final double urgentAbove;
    private final double watchAbove;
    private final double lowerBelow;

    private final TermAutomaton variantAutomaton;
    private final String[] variantTo;

    private final TermAutomaton phraseAutomaton;
    private final int[][] conceptsOfPhrase;
    private final Frame[][] framesOfPhrase;
    private final boolean[] conceptException;
    private final boolean[] frameException;
    private final String[] conceptNames;
    private final int firstHand;
    private final int now;
    /** By concept: it names who, not what ({@link #ACTORS}). */
    private final boolean[] actors;

    private final CompiledSituation[] situations;

    private record CompiledSituation(Situation situation, int[][] slots, int[] unless) {}

    private CrisisDetector(
            CrisisBook book,
            RuleMatcher lexicon,
            LearnedSignal learned,
            double urgentAbove,
            double watchAbove,
            double lowerBelow) {
        this.book = book;
        this.lexicon = lexicon;
        this.learned = learned;
        this.urgentAbove = urgentAbove;
        this.watchAbove = watchAbove;
        this.lowerBelow = lowerBelow;

        List<String> variantFrom = new ArrayList<>(book.variants().keySet());
        this.variantAutomaton = variantFrom.isEmpty() ? null : TermAutomaton.build(variantFrom);
        this.variantTo = variantFrom.stream().map(k -> book.variants().get(k)).toArray(String[]::new);

        Map<String, Integer> conceptIndex = new LinkedHashMap<>();
        for (Set<String> cs : book.conceptsOfPhrase().values()) {
            cs.forEach(c -> conceptIndex.computeIfAbsent(c, k -> conceptIndex.size()));
        }
        this.conceptNames = conceptIndex.keySet().toArray(new String[0]);
        this.firstHand = conceptIndex.getOrDefault(FIRST_HAND, -1);
        this.now = conceptIndex.getOrDefault(NOW, -1);
        this.actors = new boolean[conceptNames.length];
        for (int i = 0; i < conceptNames.length; i++) {
            actors[i] = ACTORS.contains(conceptNames[i]);
        }

        Map<String, Integer> phraseIndex = new LinkedHashMap<>();
        book.conceptsOfPhrase().keySet().forEach(p -> phraseIndex.computeIfAbsent(p, k -> phraseIndex.size()));
        book.conceptExceptions().forEach(p -> phraseIndex.computeIfAbsent(p, k -> phraseIndex.size()));
        book.framesOfPhrase().keySet().forEach(p -> phraseIndex.computeIfAbsent(p, k -> phraseIndex.size()));
        book.frameExceptions().forEach(p -> phraseIndex.computeIfAbsent(p, k -> phraseIndex.size()));
        int n = phraseIndex.size();
        this.conceptsOfPhrase = new int[n][];
        this.framesOfPhrase = new Frame[n][];
        this.conceptException = new boolean[n];
        this.frameException = new boolean[n];
        for (Map.Entry<String, Integer> e : phraseIndex.entrySet()) {
            int w = e.getValue();
            Set<String> cs = book.conceptsOfPhrase().getOrDefault(e.getKey(), Set.of());
            conceptsOfPhrase[w] = cs.stream().mapToInt(conceptIndex::get).toArray();
            framesOfPhrase[w] =
                    book.framesOfPhrase().getOrDefault(e.getKey(), Set.of()).toArray(new Frame[0]);
            conceptException[w] = book.conceptExceptions().contains(e.getKey());
            frameException[w] = book.frameExceptions().contains(e.getKey());
        }
        this.phraseAutomaton = n == 0 ? null : TermAutomaton.build(List.copyOf(phraseIndex.keySet()));

        this.situations = book.situations().stream()
                .map(s -> new CompiledSituation(
                        s,
                        s.slots().stream()
                                .map(slot -> slot.stream()
                                        .mapToInt(c -> conceptIndex.getOrDefault(c, -1))
                                        .toArray())
                                .toArray(int[][]::new),
                        s.unless().stream()
                                .mapToInt(c -> conceptIndex.getOrDefault(c, -1))
                                .toArray()))
                .toArray(CompiledSituation[]::new);
    }

    /**
     * A detector over the book and the lexicon, rules only. Every situation's examples are read at once: one that does
     * not fire its rule is an error (listed with the others in the exception), so a rule edited into uselessness stops
     * the start.
     */
    public static CrisisDetector build(CrisisBook book, RuleMatcher lexicon) {
        CrisisDetector d = new CrisisDetector(book, lexicon, LearnedSignal.OFF, 1, 1, 0);
        List<BookError> errors = d.checkExamples();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("situation examples that do not fire their rule:\n"
                    + String.join("\n", errors.stream().map(BookError::toString).toList()));
        }
        return d;
    }

    /** The same rules with a learned signal and its two thresholds (0–1, {@code watchAbove <= urgentAbove}). */
    public CrisisDetector withLearned(LearnedSignal signal, double urgentAbove, double watchAbove) {
        return withLearned(signal, urgentAbove, watchAbove, 0);
    }

    /**
     * The same rules with a learned signal: it raises what the rules missed (紧急 at or above {@code urgentAbove} in a
     * message without frame cues, 留意 at or above {@code watchAbove}), and where a situation rule (not an explicit
     * term) found 紧急 but the model reads the message as a crisis with a probability below {@code lowerBelow}, that
     * finding goes to the social worker as 留意: two readings that disagree get a person's look without the chain. 0
     * turns the lowering off; nothing is ever dropped.
     */
    public CrisisDetector withLearned(LearnedSignal signal, double urgentAbove, double watchAbove, double lowerBelow) {
        Objects.requireNonNull(signal, "signal");
        if (!(0 <= watchAbove && watchAbove <= urgentAbove && urgentAbove <= 1)) {
            throw new IllegalArgumentException("thresholds: need 0 <= watch <= urgent <= 1");
        }
        if (!(0 <= lowerBelow && lowerBelow <= watchAbove)) {
            throw new IllegalArgumentException("thresholds: need 0 <= lower <= watch");
        }
        return new CrisisDetector(book, lexicon, signal, urgentAbove, watchAbove, lowerBelow);
    }

    /** Each situation example that does not fire its own rule. */
    List<BookError> checkExamples() {
        List<BookError> errors = new ArrayList<>();
        for (Situation s : book.situations()) {
            for (String example : s.examples()) {
                if (!read(example).situations().contains(s.name())) {
                    errors.add(new BookError(s.source(), s.line(), "规则「" + s.name() + "」的例句没有触发它：" + example));
                }
            }
        }
        return errors;
    }

    public CrisisBook book() {
        return book;
    }

    /** The lexicon matcher, whose breaches are read from {@link CrisisReading#lexicon()}. */
    public RuleMatcher lexicon() {
        return lexicon;
    }

    /** Reads one message. Never fails for any text. */
    public CrisisReading read(String message) {
        Objects.requireNonNull(message, "message");
        String normalised = variants(CrisisText.normalise(message));
        if (normalised.isEmpty()) {
            return new CrisisReading(normalised, List.of(), List.of(), Detection.none());
        }
        Text text = new Text(normalised);
        text.scareQuoted = scareQuoted(message, normalised);
        if (phraseAutomaton != null) {
            phraseAutomaton.scan(text.chars, text.chars.length, text);
        }
        text.dropCovered(conceptException, frameException);

        List<Candidate> candidates = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        for (CompiledSituation cs : situations) {
            Candidate c = match(cs, text);
            if (c != null) {
                candidates.add(c);
                fired.add(cs.situation().name());
            }
        }
        Detection lexical = lexicon.detect(normalised);
        for (Finding f : lexical.crises()) {
            int start = Integer.MAX_VALUE;
            int end = 0;
            List<int[]> spans = new ArrayList<>();
            for (Match m : f.matches()) {
                start = Math.min(start, m.start());
                end = Math.max(end, m.end());
                spans.add(new int[] {m.start(), m.end()});
            }
            Urgency u = f.severity().level() >= SEVERITY_URGENT ? Urgency.URGENT : Urgency.WATCH;
            String term = f.matches().get(0).term();
            candidates.add(new Candidate(
                    f.category(), u, f.severity().level(), "词语「" + term + "」", CrisisFinding.Source.TERM, spans));
        }

        Map<Category, CrisisFinding> best = new EnumMap<>(Category.class);
        for (Candidate c : candidates) {
            Set<Frame> frames = framesOver(c, text);
            boolean explicit = c.source == CrisisFinding.Source.TERM && c.severity >= 3;
            if (!explicit && frames.stream().anyMatch(Frame::elsewhere)) {
                continue; // a described situation in a drama, a course, an advert, a joke or a what-if: nobody here
            }
            if (explicit && frames.stream().anyMatch(Frame::notAboutAnyoneHere)) {
                continue; // even 自杀 in a prevention course, a clinic's advert, a joke or a general question
            }
            Urgency u = frames.isEmpty() ? c.urgency : Urgency.WATCH;
            String basis = frames.isEmpty() ? c.basis : c.basis + "（" + framesText(frames) + "）";
            keepBetter(best, new CrisisFinding(c.category, u, c.severity, basis, c.source, frames));
        }
        boolean urgentAlready = best.values().stream().anyMatch(f -> f.urgency().isUrgent());
        boolean doubtful = lowerBelow > 0
                && best.values().stream()
                        .anyMatch(f -> f.urgency().isUrgent() && f.source() == CrisisFinding.Source.SITUATION);
        // with 紧急 found, the model could only add a second card's worth: its 5 ms are spent only to doubt a situation
        if (learned != LearnedSignal.OFF && (!urgentAlready || doubtful)) {
            Optional<LearnedSignal.Reading> reading = learned.read(normalised);
            if (reading.isPresent() && urgentAlready) {
                double p = reading.get().probability();
                if (p < lowerBelow) {
                    for (CrisisFinding f : List.copyOf(best.values())) {
                        if (f.urgency().isUrgent() && f.source() == CrisisFinding.Source.SITUATION) {
                            best.put(
                                    f.category(),
                                    new CrisisFinding(
                                            f.category(),
                                            Urgency.WATCH,
                                            f.severity(),
                                            f.basis() + String.format("（模型存疑 %.2f）", p),
                                            f.source(),
                                            f.frames()));
                        }
                    }
                }
            } else if (reading.isPresent()) {
                LearnedSignal.Reading r = reading.get();
                Optional<Category> cat = crisisCategory(r.category());
                if (cat.isPresent() && r.probability() >= watchAbove) {
                    boolean framed = text.anyFrameButNegation();
                    Urgency u = r.probability() >= urgentAbove && !framed ? Urgency.URGENT : Urgency.WATCH;
                    String basis = String.format("模型判断（%.2f）", r.probability());
                    boolean rulesHaveIt =
                            best.values().stream().anyMatch(f -> f.urgency().compareTo(u) <= 0);
                    if (!rulesHaveIt) { // it only adds what the rules did not find at this urgency
                        keepBetter(
                                best,
                                new CrisisFinding(
                                        cat.get(),
                                        u,
                                        u.isUrgent() ? 3 : 1,
                                        basis,
                                        CrisisFinding.Source.LEARNED,
                                        Set.of()));
                    }
                }
            }
        }
        List<CrisisFinding> crises = new ArrayList<>(best.values());
        crises.sort((a, b) -> {
            int c = a.urgency().compareTo(b.urgency());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(b.severity(), a.severity());
            return c != 0
                    ? c
                    : Integer.compare(a.category().priority(), b.category().priority());
        });
        return new CrisisReading(normalised, crises, fired, lexical);
    }

    private static Optional<Category> crisisCategory(String code) {
        try {
            Category c = Category.valueOf(code);
            return c.isCrisis() ? Optional.of(c) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void keepBetter(Map<Category, CrisisFinding> best, CrisisFinding f) {
        CrisisFinding old = best.get(f.category());
        if (old == null
                || f.urgency().compareTo(old.urgency()) < 0
                || (f.urgency() == old.urgency() && f.severity() > old.severity())
                || (f.urgency() == old.urgency()
                        && f.severity() == old.severity()
                        && f.source() == CrisisFinding.Source.SITUATION
                        && old.source() != CrisisFinding.Source.SITUATION)) {
            best.put(f.category(), f);
        }
    }

    private static String framesText(Set<Frame> frames) {
        StringBuilder b = new StringBuilder();
        for (Frame f : frames) {
            if (b.length() > 0) {
                b.append("、");
            }
            b.append(f.chinese());
        }
        return b.toString();
    }

    /** A situation's first match in the message, or null. */
    private Candidate match(CompiledSituation cs, Text text) {
        int clauses = cs.situation().clauseScope() ? text.clauseCount : 1;
        for (int clause = 0; clause < clauses; clause++) {
            int only = cs.situation().clauseScope() ? clause : -1;
            if (text.anyConcept(cs.unless, only) >= 0) {
                continue;
            }
            List<int[]> spans = new ArrayList<>();
            boolean all = true;
            for (int[] slot : cs.slots) {
                int hit = text.anyConcept(slot, only);
                if (hit < 0) {
                    all = false;
                    break;
                }
                spans.add(new int[] {text.start[hit], text.end[hit], isActor(text.word[hit]) ? 1 : 0});
            }
            if (all) {
                Situation s = cs.situation();
                return new Candidate(
                        s.category(),
                        s.urgency(),
                        s.urgency().isUrgent() ? 3 : 1,
                        s.name(),
                        CrisisFinding.Source.SITUATION,
                        spans);
            }
        }
        return null;
    }

    /** The frames whose cues reach this candidate. */
    private Set<Frame> framesOver(Candidate c, Text text) {
        int first = Integer.MAX_VALUE;
        int c0 = Integer.MAX_VALUE;
        int c1 = -1;
        for (int[] span : c.spans) {
            first = Math.min(first, span[0]);
            c0 = Math.min(c0, text.clauseAt(span[0]));
            c1 = Math.max(c1, text.clauseAt(Math.max(span[0], span[1] - 1)));
        }
        Set<Frame> frames = EnumSet.noneOf(Frame.class);
        boolean firstHandHere = firstHand >= 0 && text.conceptInClauses(firstHand, c0, c1);
        boolean nowHere = now >= 0 && text.conceptInClauses(now, c0, c1);
        boolean elsewhereCueHere = false;
        if (!nowHere
                && !text.scareQuoted.isEmpty()
                && c.spans.stream().allMatch(span -> isActorSpan(span) || quoted(text, span))) {
            frames.add(Frame.FIGURATIVE); // every word it rests on, but who, is in scare quotes: 我妈“家暴”遥控器
        }
        for (int h = 0; h < text.count; h++) {
            if (text.frameOff[h]) {
                continue;
            }
            int hc = text.clauseAt(text.start[h]);
            for (Frame f : framesOfPhrase[text.word[h]]) {
                if ((f.reach() == Frame.Reach.MESSAGE || f.reach() == Frame.Reach.MESSAGE_EVEN_FIRST_HAND)
                        && hc >= c0
                        && hc <= c1) {
                    elsewhereCueHere = true;
                }
            }
        }
        for (int h = 0; h < text.count; h++) {
            if (text.frameOff[h]) {
                continue;
            }
            int hs = text.start[h];
            int he = text.end[h];
            int hc = text.clauseAt(hs);
            for (Frame f : framesOfPhrase[text.word[h]]) {
                boolean reaches = switch (f.reach()) {
                    case BEFORE_CUE -> first < he && !insideAnySpan(c, hs, he);
                    case CLAUSE_BEFORE -> negates(c, text, hc, he);
                    case CLAUSE_AND_NEXT -> !nowHere && precedes(c, text, hc, he);
                    case MESSAGE -> !nowHere && !(firstHandHere && !elsewhereCueHere);
                    case MESSAGE_EVEN_FIRST_HAND -> !nowHere;
                    case CLAUSE -> spanInClause(c, text, hc);
                };
                if (reaches && f.appliesTo(c.category)) {
                    frames.add(f);
                }
            }
        }
        return frames;
    }

    /** A cue in clause {@code hc} ending at {@code he} before one of the candidate's spans in that clause or the next. */
    private static boolean precedes(Candidate c, Text text, int hc, int he) {
        for (int[] span : c.spans) {
            int sc = text.clauseAt(span[0]);
            if ((sc == hc || sc == hc + 1) && he <= span[0]) {
                return true;
            }
        }
        return false;
    }

    private static boolean spanInClause(Candidate c, Text text, int clause) {
        for (int[] span : c.spans) {
            if (text.clauseAt(span[0]) == clause) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActorSpan(int[] span) {
        return span.length > 2 && span[2] == 1;
    }

    /** A phrase that names only who (孩子, 老人, 我妈): the words of a situation that say nothing of what happens. */
    private boolean isActor(int word) {
        int[] concepts = conceptsOfPhrase[word];
        if (concepts.length == 0) {
            return false;
        }
        for (int c : concepts) {
            if (!actors[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean quoted(Text text, int[] span) {
        for (int[] q : text.scareQuoted) {
            if (span[0] < q[1] && q[0] < span[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word of one to four characters in quotation marks, not after a verb of saying: {@code 绿萝“自杀”了} is a figure
     * of speech, {@code 他说“不想活了”} is what someone said. The places of its occurrences in the normalised text.
     */
    private static List<int[]> scareQuoted(String message, String normalised) {
        java.util.regex.Matcher m = SCARE_QUOTES.matcher(message);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            String before = message.substring(Math.max(0, m.start() - 3), m.start());
            if (SAYING.matcher(before).find()) {
                continue;
            }
            String word = CrisisText.normalise(m.group(1));
            if (word.isEmpty()) {
                continue;
            }
            for (int at = normalised.indexOf(word); at >= 0; at = normalised.indexOf(word, at + 1)) {
                found.add(new int[] {at, at + word.length()});
            }
        }
        return found;
    }

    private static final java.util.regex.Pattern SCARE_QUOTES =
            java.util.regex.Pattern.compile("[“\"「『‘]\\s*([^“”\"「」『』‘’\\s]{1,4})\\s*[”\"」』’]");
    private static final java.util.regex.Pattern SAYING = java.util.regex.Pattern.compile("[说說道喊问問讲講写寫发發叫骂罵]");

    private static boolean insideAnySpan(Candidate c, int s, int e) {
        for (int[] span : c.spans) {
            if (span[0] <= s && e <= span[1]) {
                return true; // a cue inside the term itself (不想活 has no 没事, but 没事干 might)
            }
        }
        return false;
    }

    /** A negation cue in clause {@code hc}, ending at {@code he}, just before one of the candidate's spans there. */
    private static boolean negates(Candidate c, Text text, int hc, int he) {
        for (int[] span : c.spans) {
            if (text.clauseAt(span[0]) == hc && he <= span[0] && span[0] - he <= NEGATION_REACH) {
                return true;
            }
        }
        return false;
    }

    /** Reads variant spellings as what they stand for: leftmost, then longest, never overlapping. */
    String variants(String normalised) {
        if (variantAutomaton == null || normalised.isEmpty()) {
            return normalised;
        }
        char[] chars = normalised.toCharArray();
        int[][] found = {new int[8], new int[8], new int[8]};
        int[] count = {0};
        variantAutomaton.scan(chars, chars.length, (w, s, e) -> {
            if (count[0] == found[0].length) {
                for (int k = 0; k < 3; k++) {
                    found[k] = Arrays.copyOf(found[k], count[0] * 2);
                }
            }
            found[0][count[0]] = w;
            found[1][count[0]] = s;
            found[2][count[0]] = e;
            count[0]++;
        });
        if (count[0] == 0) {
            return normalised;
        }
        StringBuilder out = new StringBuilder(normalised.length() + 8);
        int at = 0;
        while (true) {
            int pick = -1;
            for (int h = 0; h < count[0]; h++) {
                if (found[1][h] < at) {
                    continue;
                }
                if (pick < 0
                        || found[1][h] < found[1][pick]
                        || (found[1][h] == found[1][pick] && found[2][h] > found[2][pick])) {
                    pick = h;
                }
            }
            if (pick < 0) {
                break;
            }
            out.append(normalised, at, found[1][pick]).append(variantTo[found[0][pick]]);
            at = found[2][pick];
        }
        out.append(normalised, at, normalised.length());
        return out.toString();
    }

    @Override
    public String toString() {
        return "CrisisDetector[" + book.variants().size() + " variants, " + conceptNames.length + " concepts in "
                + book.conceptsOfPhrase().size() + " phrases, "
                + book.framesOfPhrase().size() + " frame cues, "
                + situations.length + " situations, " + lexicon + (learned == LearnedSignal.OFF ? "" : ", learned")
                + "]";
    }

    private record Candidate(
            Category category,
            Urgency urgency,
            int severity,
            String basis,
            CrisisFinding.Source source,
            List<int[]> spans) {}

    /** The normalised message with its phrase hits and clause numbers. */
    private final class Text implements TermAutomaton.Hits {
        final char[] chars;
        final int[] clauseStarts;
        final int clauseCount;
        int[] word = new int[16];
        int[] start = new int[16];
        int[] end = new int[16];
        List<int[]> scareQuoted = List.of();
        boolean[] conceptOff = new boolean[0];
        boolean[] frameOff = new boolean[0];
        int count;

        Text(String normalised) {
            chars = normalised.toCharArray();
            int marks = 0;
            for (char ch : chars) {
                if (Folding.isClauseMark(ch)) {
                    marks++;
                }
            }
            clauseStarts = new int[marks + 1];
            int k = 1;
            for (int i = 0; i < chars.length; i++) {
                if (Folding.isClauseMark(chars[i])) {
                    clauseStarts[k++] = i + 1;
                }
            }
            clauseCount = marks + 1;
        }

        @Override
        public void hit(int w, int s, int e) {
            if (count == word.length) {
                word = Arrays.copyOf(word, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            word[count] = w;
            start[count] = s;
            end[count] = e;
            count++;
        }

        int clauseAt(int pos) {
            int i = Arrays.binarySearch(clauseStarts, pos);
            return i >= 0 ? i : -i - 2;
        }

        /** A concept or frame hit inside an exception phrase of its kind (other than itself) does not count as one. */
        void dropCovered(boolean[] conceptExc, boolean[] frameExc) {
            conceptOff = new boolean[count];
            frameOff = new boolean[count];
            for (int h = 0; h < count; h++) {
                conceptOff[h] = conceptsOfPhrase[word[h]].length == 0;
                frameOff[h] = framesOfPhrase[word[h]].length == 0;
                for (int x = 0; x < count; x++) {
                    if (word[x] == word[h] || start[x] > start[h] || end[h] > end[x]) {
                        continue;
                    }
                    conceptOff[h] |= conceptExc[word[x]];
                    frameOff[h] |= frameExc[word[x]];
                }
            }
            // a frame cue that straddles the edge of a concept phrase is another reading of the same words: 叫不醒了
            // is not 醒了, 没人接了 is not 接了
            for (int h = 0; h < count; h++) {
                for (int x = 0; x < count && !frameOff[h]; x++) {
                    if (x == h || conceptOff[x] || conceptsOfPhrase[word[x]].length == 0) {
                        continue;
                    }
                    boolean overlap = start[x] < end[h] && start[h] < end[x];
                    boolean nested =
                            (start[x] <= start[h] && end[h] <= end[x]) || (start[h] <= start[x] && end[x] <= end[h]);
                    if (overlap && !nested) {
                        frameOff[h] = true;
                    }
                }
            }
        }

        /** The first hit of one of {@code concepts} in clause {@code only} (-1: anywhere); or -1. */
        int anyConcept(int[] concepts, int only) {
            for (int h = 0; h < count; h++) {
                if (conceptOff[h]) {
                    continue;
                }
                if (only >= 0 && clauseAt(start[h]) != only) {
                    continue;
                }
                for (int c : conceptsOfPhrase[word[h]]) {
                    for (int want : concepts) {
                        if (c == want) {
                            return h;
                        }
                    }
                }
            }
            return -1;
        }

        boolean conceptInClauses(int concept, int c0, int c1) {
            for (int h = 0; h < count; h++) {
                if (conceptOff[h]) {
                    continue;
                }
                int hc = clauseAt(start[h]);
                if (hc < c0 || hc > c1) {
                    continue;
                }
                for (int c : conceptsOfPhrase[word[h]]) {
                    if (c == concept) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * A frame cue other than a negation anywhere in the message. A negation cue (没, 不是) is in most Chinese
         * sentences and reaches only a few characters; the model reads negation itself (its harmless classes include
         * negated messages), so a negation elsewhere does not hold its finding at 留意.
         */
        boolean anyFrameButNegation() {
            for (int h = 0; h < count; h++) {
                if (!frameOff[h]) {
                    for (Frame f : framesOfPhrase[word[h]]) {
                        if (f != Frame.NEGATED) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
