package org.sanshe.bot.core.engine;

/** The audit keeps the first line of what happened, at most 200 characters: enough to read, not a transcript. */
final class AuditDetails {
    static final int MAX = 200;

    private AuditDetails() {}

    static String shorten(String detail) {
        String first = detail.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl);
        }
        if (first.codePointCount(0, first.length()) <= MAX) {
            return first;
        }
        return first.substring(0, first.offsetByCodePoints(0, MAX - 1)) + "…";
    }
}
