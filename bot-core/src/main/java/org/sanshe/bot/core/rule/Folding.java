package org.sanshe.bot.core.rule;

/** The matcher's folding of a message, for other readers of chat text (the crisis detector). */
public final class Folding {
    private Folding() {}

    /**
     * NFKC, ASCII lower case, without spaces, invisible and filler characters and ellipses; clause marks kept (see
     * {@link ChatText}).
     */
    public static String squeeze(String text) {
        return ChatText.normalisePhrase(text);
    }

    /** {@code , 。 . ! ? ; :} (ASCII or full width) and line breaks end a clause. */
    public static boolean isClauseMark(char c) {
        return ChatText.isClauseMark(c);
    }
}
