package org.sanshe.bot.core.crisis;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.sanshe.bot.core.rule.Folding;

/**
 * A message as crisis detection reads it: traditional script turned simplified with ICU's {@code
 * Traditional-Simplified} transliterator (a kept table, not ours), then folded as the lexicon matcher folds (full width
 * to ASCII, lower case, no spaces, invisible or filler characters; clause marks kept). Slang, pinyin initials,
 * homophones and emoji are the variant spellings of {@code variants.tsv}, read after this. The original text is never changed: the card shows it
 * as written.
 *
 * <p>Only traditional characters are changed, one by one: those the transliterator changes and that either the GB2312
 * character set (the simplified characters in common use) cannot encode ({@code 託 → 托}) or whose simplified form turns
 * back into them ({@code 後 → 后 → 後}). Run over simplified text, the transliterator also changes characters that are
 * simplified and common ({@code 一跤 → 一交}); those pass neither test and are left alone.
 */
public final class CrisisText {
    /** Traditional character → its simplified form; built once from ICU's transliterator and GB2312. */
    private static final Map<Integer, String> SIMPLIFIED;
    /** The keys of {@link #SIMPLIFIED}: a message with none of them (most) is not looked at again. */
    private static final UnicodeSet TRADITIONAL;

    static {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        java.nio.charset.CharsetEncoder gb2312 =
                java.nio.charset.Charset.forName("GB2312").newEncoder();
        Map<Integer, String> map = new HashMap<>();
        UnicodeSet set = new UnicodeSet();
        for (UnicodeSetIterator it = new UnicodeSetIterator(toSimplified.getSourceSet()); it.next(); ) {
            if (it.codepoint == UnicodeSetIterator.IS_STRING) {
                continue;
            }
            String c = new String(Character.toChars(it.codepoint));
            String simplified = toSimplified.transliterate(c);
            if (!simplified.equals(c)
                    && (!gb2312.canEncode(c)
                            || toTraditional.transliterate(simplified).equals(c))) {
                map.put(it.codepoint, simplified);
                set.add(it.codepoint);
            }
        }
        set.freeze();
        SIMPLIFIED = Map.copyOf(map);
        TRADITIONAL = set;
    }

    private CrisisText() {}

    /** Simplified script, spaces that separate clauses made clause marks, folded. Never fails; empty stays empty. */
    public static String normalise(String message) {
        Objects.requireNonNull(message, "message");
        return Folding.squeeze(spacedClauses(simplified(message)));
    }

    /**
     * Many people type a space where a comma belongs (站在楼顶 风好大 不想下去了): such a space becomes a clause mark, so
     * that a frame or a rule reads the clause it is in. A space is taken for a comma when it lies between two runs of at
     * least two non-space characters and a Chinese character touches it; spaces between single characters (想 自 杀, 我
     * 不想活了) and in Latin text are folded away as before.
     */
    static String spacedClauses(String text) {
        StringBuilder b = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isWhitespace(text.charAt(i)) || isLineBreak(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isWhitespace(text.charAt(i)) && !isLineBreak(text.charAt(i))) {
                i++;
            }
            // text[s, i) is a run of spaces; look at the runs either side
            if (s > 0
                    && i < n
                    && (isHan(text.codePointBefore(s)) || isHan(text.codePointAt(i)))
                    && runBefore(text, s) >= 2
                    && runAfter(text, i) >= 2) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                for (int k = s; k < i; k++) {
                    b.setCharAt(k, k == s ? '，' : ' ');
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static int runBefore(String text, int end) {
        int k = end;
        int count = 0;
        while (k > 0 && count < 2 && !Character.isWhitespace(text.charAt(k - 1))) {
            k -= Character.charCount(text.codePointBefore(k));
            count++;
        }
        return count;
    }

    private static int runAfter(String text, int start) {
        int k = start;
        int count = 0;
        while (k < text.length() && count < 2 && !Character.isWhitespace(text.charAt(k))) {
            k += Character.charCount(text.codePointAt(k));
            count++;
        }
        return count;
    }

    /** The message with its traditional characters in simplified form, nothing else changed. */
    public static String simplified(String message) {
        if (TRADITIONAL.containsNone(message)) {
            return message;
        }
        StringBuilder b = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); ) {
            int cp = message.codePointAt(i);
            String s = SIMPLIFIED.get(cp);
            if (s != null) {
                b.append(s);
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
