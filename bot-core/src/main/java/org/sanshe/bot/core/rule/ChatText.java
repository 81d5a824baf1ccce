package org.sanshe.bot.core.rule;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A message as the matcher reads it, in two forms that both remember where each of their characters came from in the
 * message as received:
 *
 * <ul>
 *   <li><b>folded</b>: NFKC (full-width letters, digits and punctuation become ASCII, {@code …} becomes {@code ...})
 *       and ASCII lower case; nothing removed. The {@code re:} patterns run on this form, so they see spaces and
 *       separators exactly as typed and must allow for them ({@code 138 1234 5678}).
 *   <li><b>squeezed</b>: the folded form without spaces, zero-width and combining characters, filler punctuation
 *       ({@code · * _ ~ - — = + | / \ ' " “ ” ‘ ’}) and ellipses (a run of two or more {@code .} or {@code 。}), so
 *       {@code 不 想 活 了}, {@code 不~想~活~了} and {@code 不想……活了} read as {@code 不想活了}. Literal terms, exception
 *       phrases and negation cues match this form. Clause marks ({@code , 。 . ! ? ; :} and line breaks, single) are
 *       kept: they end a negation's reach.
 * </ul>
 *
 * Normalising is per code point (the same result as NFKC of the whole text for everything but combining sequences,
 * whose marks the squeezed form drops anyway), which keeps the offset maps exact and the common characters fast.
 */
final class ChatText {
    private static final String FILLER = "·•‧∙・*_~-—–=+|/\\'\"“”‘’`^﹏";

    /** Marks a map that is the identity: the common case, where no character changed length and none was dropped. */
    private static final int[] IDENTITY = {};

    final String original;
    final char[] folded;
    final int foldedLength;
    /** For each folded character, where in {@link #original} the code point it came from starts; or identity. */
    private final int[] foldedFrom;

    final char[] squeezed;
    final int squeezedLength;
    /** For each squeezed character, its index in {@link #folded} (strictly increasing); or identity. */
    private final int[] squeezedAt;

    private ChatText(
            String original,
            char[] folded,
            int foldedLength,
            int[] foldedFrom,
            char[] squeezed,
            int squeezedLength,
            int[] squeezedAt) {
        this.original = original;
        this.folded = folded;
        this.foldedLength = foldedLength;
        this.foldedFrom = foldedFrom;
        this.squeezed = squeezed;
        this.squeezedLength = squeezedLength;
        this.squeezedAt = squeezedAt;
    }

    /**
     * Both forms in two passes. Typical chat (Chinese, ASCII, full-width punctuation, no spaces) allocates a single
     * array: folding keeps every length, so no offset map is needed, and when nothing is squeezed out the squeezed form
     * is the folded one.
     */
    static ChatText of(String original) {
        int n = original.length();
        char[] folded = new char[n];
        int[] from = IDENTITY;
        int f = 0;
        for (int i = 0; i < n; ) {
            char c = original.charAt(i);
            char fast = foldFast(c);
            if (fast != 0 && from == IDENTITY) {
                folded[f++] = fast;
                i++;
                continue;
            }
            if (from == IDENTITY) { // the first character that may change length: from here on, keep a map
                from = new int[folded.length];
                for (int k = 0; k < f; k++) {
                    from[k] = k;
                }
            }
            if (fast != 0) {
                if (f == folded.length) {
                    folded = Arrays.copyOf(folded, f * 2 + 8);
                    from = Arrays.copyOf(from, f * 2 + 8);
                }
                folded[f] = fast;
                from[f] = i;
                f++;
                i++;
                continue;
            }
            int next = i + Character.charCount(original.codePointAt(i));
            String nfkc = Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
            if (f + nfkc.length() > folded.length) {
                int size = Math.max(folded.length * 2, f + nfkc.length() + 8);
                folded = Arrays.copyOf(folded, size);
                from = Arrays.copyOf(from, size);
            }
            for (int k = 0; k < nfkc.length(); k++) {
                folded[f] = lowerAscii(nfkc.charAt(k));
                from[f] = i;
                f++;
            }
            i = next;
        }

        char[] squeezed = folded;
        int[] at = IDENTITY;
        int s = 0;
        for (int j = 0; j < f; j++) {
            char c = folded[j];
            int skip = 0;
            if (c == '.' || c == '。') {
                int run = 1;
                while (j + run < f && (folded[j + run] == '.' || folded[j + run] == '。')) {
                    run++;
                }
                if (run > 1) { // an ellipsis: hesitation inside a clause, not its end
                    skip = run;
                }
            } else if (DROPPED[c]) {
                skip = 1;
            }
            if (skip > 0) {
                if (at == IDENTITY) { // the first character squeezed out: from here on, a copy and a map
                    squeezed = Arrays.copyOf(folded, f);
                    at = new int[f];
                    for (int k = 0; k < s; k++) {
                        at[k] = k;
                    }
                }
                j += skip - 1;
                continue;
            }
            if (at != IDENTITY) {
                squeezed[s] = c;
                at[s] = j;
            }
            s++;
        }
        return new ChatText(original, folded, f, from, squeezed, s, at);
    }

    /** A lexicon phrase as the matcher compares it: the squeezed form. */
    static String normalisePhrase(String phrase) {
        ChatText t = of(phrase);
        return new String(t.squeezed, 0, t.squeezedLength);
    }

    /** Ends a clause, and so the reach of a negation cue. */
    static boolean isClauseMark(char c) {
        switch (c) {
            case ',':
            case '。':
            case '.':
            case '!':
            case '?':
            case ';':
            case ':':
            case '\n':
            case '\r':
                return true;
            default:
                return false;
        }
    }

    String foldedString() {
        return new String(folded, 0, foldedLength);
    }

    String squeezedString() {
        return new String(squeezed, 0, squeezedLength);
    }

    /** Offset in the original message where the folded character at {@code index} came from. */
    int originStartOfFolded(int index) {
        return foldedFrom == IDENTITY ? index : foldedFrom[index];
    }

    /** Offset in the original message just after the folded characters ending before {@code end}. */
    int originEndOfFolded(int end) {
        if (foldedFrom == IDENTITY) {
            return end;
        }
        int start = foldedFrom[end - 1];
        return start + Character.charCount(original.codePointAt(start));
    }

    int originStartOfSqueezed(int index) {
        return originStartOfFolded(foldedIndexOf(index));
    }

    int originEndOfSqueezed(int end) {
        return originEndOfFolded(foldedIndexOf(end - 1) + 1);
    }

    private int foldedIndexOf(int squeezedIndex) {
        return squeezedAt == IDENTITY ? squeezedIndex : squeezedAt[squeezedIndex];
    }

    /** How many squeezed characters come from folded characters before {@code foldedIndex}. */
    int squeezedBefore(int foldedIndex) {
        if (squeezedAt == IDENTITY) {
            return Math.min(foldedIndex, squeezedLength);
        }
        int lo = 0;
        int hi = squeezedLength;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (squeezedAt[mid] < foldedIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * NFKC and lower case for the characters of ordinary Chinese chat without calling {@link Normalizer}; 0 when the
     * character needs the general path. A test compares this with {@link Normalizer} over the whole BMP.
     */
    static char foldFast(char c) {
        if (c < 0x80) {
            return lowerAscii(c);
        }
        if (c >= 0x4E00 && c <= 0x9FFF) { // CJK unified ideographs: NFKC leaves them alone
            return c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) { // full-width ASCII forms
            return lowerAscii((char) (c - 0xFEE0));
        }
        if (c >= 0x3008 && c <= 0x3011) { // 〈〉《》「」『』【】
            return c;
        }
        switch (c) {
            case 0x3000: // ideographic space
                return ' ';
            case 0x3001: // 、
            case 0x3002: // 。
            case 0x2018: // ‘
            case 0x2019: // ’
            case 0x201C: // “
            case 0x201D: // ”
            case 0x2014: // —
            case 0x00B7: // ·
                return c;
            default:
                return 0;
        }
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@link #droppedSlowly} for every BMP character, decided once: 64 KiB read on every character of every message. */
    private static final boolean[] DROPPED = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            DROPPED[c] = droppedSlowly((char) c);
        }
    }

    private static boolean droppedSlowly(char c) {
        if (c == '\n' || c == '\r') {
            return false;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return true; // zero-width spaces and joiners, soft hyphens, variation selectors, combining marks
        }
        return FILLER.indexOf(c) >= 0;
    }
}
