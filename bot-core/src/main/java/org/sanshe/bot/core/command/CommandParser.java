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
    static final int MAX_INPUT = 4096;

    public Optional<ParsedCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        t = Normalizer.normalize(t, Normalizer.Form.NFKC).strip();
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
        return Optional.of(new ParsedCommand(name, words.subList(1, words.size()), rawArgs));
    }
}
