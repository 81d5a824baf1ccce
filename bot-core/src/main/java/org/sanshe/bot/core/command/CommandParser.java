package org.sanshe.bot.core.command;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a slash-command the way people type it on a phone: full-width {@code ／} and spaces (NFKC), any number of
 * leading {@code @mentions} (WeCom puts "@机器人" in the text of an AI-bot message), extra spaces, Chinese or English
 * names in any case.
 */
public final class CommandParser {
    private static final Pattern LEADING_MENTION = Pattern.compile("^@[^\\s/]*\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A word of the text as typed: what NFKC and {@link #SPACES} would read as one argument. */
    private static final Pattern TYPED_WORD = Pattern.compile("[^\\s\\p{Zs}]+");

    static final int MAX_INPUT = 4096;

    public Optional<ParsedCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String typed = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        String t = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        String before;
        do {
            before = t;
            t = LEADING_MENTION.matcher(t).replaceFirst("").strip();
        } while (!t.equals(before));
        if (!t.startsWith("/")) {
            return Optional.empty();
        }
        String body = t.substring(1).strip();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = Arrays.asList(SPACES.split(body));
        String name = words.get(0).toLowerCase(Locale.ROOT);
        String rawArgs = body.substring(words.get(0).length()).strip();
        List<String> args = words.subList(1, words.size());
        return Optional.of(new ParsedCommand(name, args, asTyped(typed, rawArgs, args.size())));
    }

    /**
     * The argument text with its characters as typed: NFKC would turn the full-width punctuation of group rules and
     * names into ASCII (，！（）① into ,!()1). It is the last {@code words} words of the original text, with unusual
     * spaces made plain and line breaks kept; when that does not read as the normalised arguments, those are kept.
     */
    private static String asTyped(String typed, String normalised, int words) {
        if (words == 0) {
            return normalised;
        }
        List<Integer> starts = new java.util.ArrayList<>();
        var m = TYPED_WORD.matcher(typed);
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.size() < words) {
            return normalised;
        }
        String tail = typed.substring(starts.get(starts.size() - words)).strip().replaceAll("\\p{Zs}", " ");
        return Normalizer.normalize(tail, Normalizer.Form.NFKC).strip().equals(normalised) ? tail : normalised;
    }
}
