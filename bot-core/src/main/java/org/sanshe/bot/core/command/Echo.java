package org.sanshe.bot.core.command;

/** What a person typed may be repeated in a reply only briefly: a wall of text is never echoed into a group. */
public final class Echo {
    private static final int MAX_CODE_POINTS = 12;

    private Echo() {}

    /** At most 12 code points (never half an emoji), with "…" when cut. */
    public static String shorten(String typed) {
        if (typed.codePointCount(0, typed.length()) <= MAX_CODE_POINTS) {
            return typed;
        }
        return typed.substring(0, typed.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }
}
