package org.sanshe.bot.core.rule;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One finding-producing entry of a lexicon: a literal phrase, or a regular expression when written with the
 * {@value #PATTERN_PREFIX} prefix. {@link #text()} is the entry as written, so a {@link Match} names the line that
 * fired and never the personal data a pattern found.
 */
public record Term(String text, Category category, Severity severity) {
    public static final String PATTERN_PREFIX = "re:";

    public Term {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        problemWith(text).ifPresent(p -> {
            throw new IllegalArgumentException("term '" + text + "': " + p);
        });
    }

    public static Term literal(String text, Category category, Severity severity) {
        return new Term(text, category, severity);
    }

    public boolean isPattern() {
        return text.startsWith(PATTERN_PREFIX);
    }

    /** The regular expression without its prefix; only for a pattern. */
    String patternSource() {
        if (!isPattern()) {
            throw new IllegalStateException("not a pattern: " + text);
        }
        return text.substring(PATTERN_PREFIX.length());
    }

    /** The literal as the matcher sees it (see {@link ChatText}); only for a literal. */
    String normalised() {
        if (isPattern()) {
            throw new IllegalStateException("a pattern has no normalised literal: " + text);
        }
        return ChatText.normalisePhrase(text);
    }

    /** Why this text cannot be an entry, if it cannot: the lexicon reader reports it with the line number. */
    static Optional<String> problemWith(String text) {
        if (text.startsWith(PATTERN_PREFIX)) {
            String source = text.substring(PATTERN_PREFIX.length());
            if (source.isEmpty()) {
                return Optional.of("the regular expression after 're:' is empty");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                return Optional.of("bad regular expression: " + e.getDescription() + " at index " + e.getIndex());
            }
            if (pattern.matcher("").matches()) {
                return Optional.of("the regular expression matches the empty text, so it would match every message");
            }
            return Optional.empty();
        }
        if (ChatText.normalisePhrase(text).isEmpty()) {
            return Optional.of("nothing is left after normalising (only spaces or filler punctuation)");
        }
        return Optional.empty();
    }
}
