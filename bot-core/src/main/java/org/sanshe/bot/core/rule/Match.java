package org.sanshe.bot.core.rule;

import java.util.Objects;

/**
 * Where a lexicon entry matched a message. {@code start} and {@code end} (exclusive) are UTF-16 offsets into the message
 * as received, before normalising, so a caller can mask exactly what was found; {@code term} is the lexicon entry as
 * written (for a pattern its {@code re:} text, never the matched personal data).
 */
public record Match(String term, Category category, Severity severity, int start, int end) {
    public Match {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
