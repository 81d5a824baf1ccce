package org.sanshe.bot.core.rule;

import java.util.Objects;

/**
 * A line of a lexicon file that cannot be used, and why. {@code line} counts from 1; 0 means the file (or folder) as a
 * whole. {@link #toString()} reads like a compiler message: {@code crisis.tsv:12: unknown category 'SELFHARM' …}.
 */
public record LexiconError(String source, int line, String content, String reason) {
    private static final int SHOWN = 80;

    public LexiconError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    @Override
    public String toString() {
        String where = line == 0 ? source : source + ":" + line;
        if (content.isEmpty()) {
            return where + ": " + reason;
        }
        String shown = content.length() > SHOWN ? content.substring(0, SHOWN) + "…" : content;
        return where + ": " + reason + ": " + shown.replace("\t", "⇥");
    }
}
