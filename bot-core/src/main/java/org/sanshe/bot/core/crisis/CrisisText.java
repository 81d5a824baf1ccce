package org.sanshe.bot.core.crisis;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.Objects;
import org.sanshe.bot.core.rule.Folding;

/**
 * A message as crisis detection reads it: traditional script turned simplified by ICU's {@code Traditional-Simplified}
 * transliterator (a kept table, not ours), then folded as the lexicon matcher folds (full width to ASCII, lower case,
 * no spaces, invisible or filler characters; clause marks kept). Slang, pinyin initials, homophones and emoji are
 * {@link Variants}, applied after this. The original text is never changed: the card shows it as written.
 */
public final class CrisisText {
    private static final String TRANSFORM = "Traditional-Simplified";
    /** Characters the transliterator may change: a message with none of them (most) skips it. */
    private static final UnicodeSet TRADITIONAL;
    /** A transliterator keeps state while it runs: one per thread. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRANSFORM));

    static {
        UnicodeSet set = new UnicodeSet(Transliterator.getInstance(TRANSFORM).getSourceSet());
        set.freeze();
        TRADITIONAL = set;
    }

    private CrisisText() {}

    /** Simplified script, folded. Never fails; an empty message stays empty. */
    public static String normalise(String message) {
        Objects.requireNonNull(message, "message");
        return Folding.squeeze(simplified(message));
    }

    /** The message in simplified script, nothing else changed. */
    public static String simplified(String message) {
        if (TRADITIONAL.containsNone(message)) {
            return message;
        }
        return TO_SIMPLIFIED.get().transliterate(message);
    }
}
