package org.sanshe.bot.core.engine;

/** The audit keeps the first line of what happened, at most 200 characters: enough to read, not a transcript. */
public final class AuditDetails {
    static final int MAX = 200;

    private AuditDetails() {}

    static String shorten(String detail) {
        return cut(firstLine(detail), MAX);
    }

    static String firstLine(String text) {
        String first = text.strip();
        int nl = first.indexOf('\n');
        return nl >= 0 ? first.substring(0, nl) : first;
    }

    /** At most {@code max} code points, one line, "…" when cut. */
    public static String cut(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }
}
