package org.sanshe.bot.core.rule;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the lexicon format, collecting every bad line rather than stopping at the first.
 *
 * <pre>
 * # comment
 * term&lt;TAB&gt;CATEGORY&lt;TAB&gt;severity[&lt;TAB&gt;# note]
 * re:pattern&lt;TAB&gt;CATEGORY&lt;TAB&gt;severity
 * phrase&lt;TAB&gt;EXCEPTION | NEGATION | BREAK
 * </pre>
 *
 * Columns are separated by TAB characters and stripped of surrounding spaces; categories are case-insensitive. The same
 * phrase listed twice for the same purpose (even with another severity) is an error, naming the first line, because a
 * deployer editing one of the two would not know the other exists.
 */
final class LexiconReader {
    private static final String EXCEPTION = "EXCEPTION";
    private static final String NEGATION = "NEGATION";
    private static final String BREAK = "BREAK";
    private static final String FORMAT =
            "expected term<TAB>CATEGORY<TAB>severity or phrase<TAB>EXCEPTION|NEGATION|BREAK";

    private final List<Term> terms = new ArrayList<>();
    private final List<String> exceptions = new ArrayList<>();
    private final List<String> negationCues = new ArrayList<>();
    private final List<String> breaks = new ArrayList<>();
    private final List<LexiconError> errors = new ArrayList<>();
    /** Purpose and normalised text of each entry read so far, to where it was first seen. */
    private final Map<String, String> firstSeen = new HashMap<>();

    void read(String source, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            readLine(source, i + 1, i == 0 ? withoutByteOrderMark(lines[i]) : lines[i]);
        }
    }

    /** Decodes line by line, so a byte that is not UTF-8 is reported on its own line. */
    void read(String source, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] raw = Arrays.copyOfRange(bytes, start, i);
                try {
                    String decoded =
                            decoder.decode(ByteBuffer.wrap(raw)).toString().replace("\r", "");
                    readLine(source, line, line == 1 ? withoutByteOrderMark(decoded) : decoded);
                } catch (CharacterCodingException e) {
                    errors.add(new LexiconError(source, line, "", "not UTF-8 (save the file as UTF-8)"));
                }
                line++;
                start = i + 1;
            }
        }
    }

    void fileError(String source, String reason) {
        errors.add(new LexiconError(source, 0, "", reason));
    }

    LexiconParse result() {
        if (!errors.isEmpty()) {
            return new LexiconParse.Invalid(errors);
        }
        return new LexiconParse.Parsed(new Lexicon(terms, exceptions, negationCues, breaks));
    }

    private void readLine(String source, int line, String content) {
        String trimmed = content.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        List<String> fields = Arrays.stream(content.split("\t", -1))
                .map(String::strip)
                .collect(Collectors.toCollection(ArrayList::new));
        while (fields.size() > 1 && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1); // trailing TABs
        }
        if (fields.size() > 2 && fields.get(fields.size() - 1).startsWith("#")) {
            fields.remove(fields.size() - 1); // a note for the next person who edits the line
        }
        Optional<String> problem = problemWith(fields, content);
        if (problem.isPresent()) {
            errors.add(new LexiconError(source, line, content, problem.get()));
            return;
        }
        String where = source + ":" + line;
        String text = fields.get(0);
        String kind = fields.get(1).toUpperCase(Locale.ROOT).replace('-', '_');
        String key;
        if (isMarker(kind)) {
            key = kind + "\u0000" + ChatText.normalisePhrase(text);
        } else {
            String normalised = text.startsWith(Term.PATTERN_PREFIX) ? text : ChatText.normalisePhrase(text);
            key = kind + "\u0000" + normalised;
        }
        String earlier = firstSeen.putIfAbsent(key, where);
        if (earlier != null) {
            errors.add(new LexiconError(source, line, content, "listed twice for " + kind + ", first at " + earlier));
            return;
        }
        switch (kind) {
            case EXCEPTION:
                exceptions.add(text);
                break;
            case NEGATION:
                negationCues.add(text);
                break;
            case BREAK:
                breaks.add(text);
                break;
            default:
                terms.add(new Term(
                        text,
                        Category.valueOf(kind),
                        Severity.ofLevel(Integer.parseInt(fields.get(2))).orElseThrow()));
        }
    }

    private static Optional<String> problemWith(List<String> fields, String content) {
        if (fields.size() < 2) {
            if (content.strip().chars().anyMatch(Character::isWhitespace)) {
                return Optional.of(
                        "no TAB between the columns (an editor may have turned TABs into spaces); " + FORMAT);
            }
            return Optional.of(FORMAT);
        }
        String text = fields.get(0);
        if (text.isEmpty()) {
            return Optional.of("the first column (the term) is empty");
        }
        String kind = fields.get(1).toUpperCase(Locale.ROOT).replace('-', '_');
        if (isMarker(kind)) {
            if (fields.size() != 2) {
                return Optional.of("an " + kind + " line has no severity or other columns: phrase<TAB>" + kind);
            }
            if (text.startsWith(Term.PATTERN_PREFIX)) {
                return Optional.of("only terms can be regular expressions, not an " + kind);
            }
            if (ChatText.normalisePhrase(text).isEmpty()) {
                return Optional.of("nothing is left after normalising (only spaces or filler punctuation)");
            }
            return Optional.empty();
        }
        if (!isCategory(kind)) {
            return Optional.of("unknown category '" + fields.get(1) + "'; one of "
                    + Arrays.stream(Category.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", EXCEPTION, NEGATION, BREAK");
        }
        if (fields.size() != 3) {
            return Optional.of(
                    fields.size() == 2 ? "the severity (1, 2 or 3) is missing" : "too many columns; " + FORMAT);
        }
        if (!fields.get(2).matches("[123]")) {
            return Optional.of("severity must be 1, 2 or 3, not '" + fields.get(2) + "'");
        }
        return Term.problemWith(text);
    }

    private static boolean isMarker(String kind) {
        return kind.equals(EXCEPTION) || kind.equals(NEGATION) || kind.equals(BREAK);
    }

    private static boolean isCategory(String kind) {
        return Arrays.stream(Category.values()).anyMatch(c -> c.name().equals(kind));
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
