package org.sanshe.bot.core.nickname;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a nickname contains, read once and independently of any format: numbers with what they are marked as (3栋,
 * 2单元, 1202室), tenure words, titles and runs of text, after phone and ID numbers have been blanked out. One pass over
 * the characters, a trie for the words, no regular expressions.
 */
final class Reading {
    static final byte NONE = 0;
    static final byte BUILDING = 1;
    static final byte UNIT = 2;
    static final byte ROOM = 3;
    /** 号: the building when another number follows (3号1202), else the room (1202号). */
    static final byte HAO = 4;
    /** 层: a floor, which the room number already says. */
    static final byte FLOOR = 5;

    /** How the household reads. */
    enum HouseholdState {
        ABSENT,
        COMPLETE,
        NO_BUILDING,
        NO_ROOM,
        AMBIGUOUS
    }

    final char[] s;
    final int n;
    boolean phone;
    boolean idNumber;

    private int numbers;
    private String[] numberValue = new String[4];
    private byte[] numberMarker = new byte[4];
    private int[] numberStart = new int[4];

    Tenure tenure;
    /** The tenure word as typed (业主), for telling the member what was not accepted. */
    String tenureWord;

    boolean tenureConflict;
    final List<Title> titles = new ArrayList<>(2);
    /** The first title as typed (督导专家). */
    String titleWord;

    final List<String> texts = new ArrayList<>(3);

    HouseholdState household = HouseholdState.ABSENT;
    String building = "";
    String unit = "";
    String room = "";

    private byte last; // kind of the previous token: 0 none, 1 number, 2 Han text, 3 Latin text, 4 word
    private int gap; // separator characters since the previous token
    private boolean gapIsOneSpace;
    private final StringBuilder text = new StringBuilder(8);
    private final Keywords.Meaning[] found = new Keywords.Meaning[1];

    private Reading(char[] s) {
        this.s = s;
        this.n = s.length;
    }

    static Reading of(String nickname) {
        Reading r = new Reading(normalise(nickname).toCharArray());
        r.blankPrivateNumbers();
        r.scan();
        r.resolveHousehold();
        return r;
    }

    /**
     * NFKC: full-width digits, letters and marks, the ideographic space. Plain ASCII and Han text, full-width ASCII,
     * common CJK punctuation and emoji are handled here without {@link Normalizer} (they are what nicknames are made
     * of, and NFKC maps them exactly so or not at all); anything else goes through it.
     */
    static String normalise(String raw) {
        char[] out = null;
        int length = raw.length();
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
                continue;
            }
            char mapped;
            if (c >= 0xFF01 && c <= 0xFF5E) {
                mapped = (char) (c - 0xFEE0);
            } else if (c == 0x3000) {
                mapped = ' ';
            } else if (stable(c)) {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && stableSupplementary(raw.codePointAt(i))) {
                i++;
                continue;
            } else {
                return Normalizer.normalize(raw, Normalizer.Form.NFKC);
            }
            if (out == null) {
                out = raw.toCharArray();
            }
            out[i] = mapped;
        }
        return out == null ? raw : new String(out);
    }

    /** BMP characters of nicknames that NFKC leaves alone: · — • 、。〈〉《》「」『』【】 ・ and the emoji joiners. */
    private static boolean stable(char c) {
        return c == '·'
                || c == '—'
                || c == '•'
                || (c >= 0x3001 && c <= 0x3003)
                || (c >= 0x3005 && c <= 0x3011)
                || c == '・'
                || c == 0xFE0F
                || c == 0x200D
                || (c >= 0x3400 && c <= 0x4DBF);
    }

    /** Emoji and pictographs (U+1F300–U+1FAFF) and the CJK extension ideographs, which NFKC leaves alone. */
    private static boolean stableSupplementary(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x2EBEF) || (cp >= 0x30000 && cp <= 0x3134F);
    }

    boolean isEmpty() {
        return numbers == 0 && tenure == null && !tenureConflict && titles.isEmpty() && texts.isEmpty();
    }

    int numbers() {
        return numbers;
    }

    // ---- phone and ID numbers ----

    /**
     * Blanks out phone and ID numbers so that nothing later reads them: any run of 7 or more digits (15 or 18, or 17
     * and an X, is an ID number; the rest are phones), and digit groups of 3–8 joined by one '-' or space that make a
     * mobile number (138 1234 5678), a landline with its area code (0755-87654321) or an ID number (18 in all).
     */
    private void blankPrivateNumbers() {
        int[] starts = null;
        int[] ends = null;
        int runs = 0;
        for (int i = 0; i < n; ) {
            if (!isDigit(s[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isDigit(s[j])) {
                j++;
            }
            if (starts == null) {
                starts = new int[4];
                ends = new int[4];
            } else if (runs == starts.length) {
                starts = java.util.Arrays.copyOf(starts, runs * 2);
                ends = java.util.Arrays.copyOf(ends, runs * 2);
            }
            starts[runs] = i;
            ends[runs] = j;
            runs++;
            i = j;
        }
        if (runs == 0) {
            return;
        }
        boolean[] blanked = new boolean[runs];
        // groups first, so that 0755-87654321 and 110101 19900307 1234 go as a whole
        for (int k = 0; k < runs; k++) {
            int first = ends[k] - starts[k];
            if (first < 3 || first > 8) {
                continue;
            }
            int total = first;
            for (int m = k + 1; m < runs; m++) {
                int length = ends[m] - starts[m];
                char between = s[ends[m - 1]];
                if (length < 3 || length > 8 || starts[m] - ends[m - 1] != 1 || (between != '-' && between != ' ')) {
                    break;
                }
                total += length;
                boolean x = xAt(ends[m]);
                boolean id = total == 18 || (total == 17 && x);
                boolean mobile = total == 11 && first == 3 && s[starts[k]] == '1' && s[starts[k] + 1] >= '3';
                boolean landline = s[starts[k]] == '0' && first <= 4 && total >= 10 && total <= 12;
                if (id || mobile || landline) {
                    idNumber |= id;
                    phone |= !id;
                    blank(starts[k], id && x ? ends[m] + 1 : ends[m]);
                    for (int b = k; b <= m; b++) {
                        blanked[b] = true;
                    }
                    if (!id) {
                        blankCountryCode(starts[k]);
                    }
                    k = m;
                    break;
                }
            }
        }
        for (int k = 0; k < runs; k++) {
            int length = ends[k] - starts[k];
            if (blanked[k] || length < 7) {
                continue;
            }
            boolean x = xAt(ends[k]);
            if (length == 18 || length == 15 || (length == 17 && x)) {
                idNumber = true;
                blank(starts[k], length == 17 ? ends[k] + 1 : ends[k]);
            } else {
                phone = true;
                blank(starts[k], ends[k]);
                blankCountryCode(starts[k]);
            }
        }
    }

    /** +86 before a phone number that starts at {@code at}, with or without a space or '-' between. */
    private void blankCountryCode(int at) {
        int i = at - 1;
        if (i >= 0 && (s[i] == ' ' || s[i] == '-')) {
            i--;
        }
        if (i >= 1 && s[i] == '6' && s[i - 1] == '8' && (i < 2 || !isDigit(s[i - 2]))) {
            blank(i - 1, i + 1);
            if (i >= 2 && s[i - 2] == '+') {
                s[i - 2] = ' ';
            }
        }
    }

    private boolean xAt(int i) {
        return i < n && (s[i] == 'X' || s[i] == 'x');
    }

    private void blank(int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = ' ';
        }
    }

    // ---- tokens ----

    private void scan() {
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (isDigit(c)) {
                int j = i;
                while (j < n && isDigit(s[j])) {
                    j++;
                }
                i = number(i, j, stripZeros(i, j));
            } else if (isLatin(c)) {
                int j = i;
                while (j < n && isLatin(s[j])) {
                    j++;
                }
                if (j - i <= 2 && j < n && isDigit(s[j])) { // A3栋, B12-1202
                    int k = j;
                    while (k < n && isDigit(s[k])) {
                        k++;
                    }
                    i = number(i, k, upper(i, j) + stripZeros(j, k));
                } else if (j - i <= 2 && buildingMarkerAt(j)) { // A栋, B座
                    i = number(i, j, upper(i, j));
                } else {
                    latin(i, j);
                    i = j;
                }
            } else if (isHan(c) || Character.isHighSurrogate(c) && i + 1 < n && isHan(Character.codePointAt(s, i))) {
                i = han(i);
            } else {
                endText();
                if (gap == 0) {
                    gapIsOneSpace = c == ' ';
                } else {
                    gapIsOneSpace = false;
                }
                gap++;
                i++;
            }
        }
        endText();
    }

    /** A number from {@code from} to {@code to} and the marker right after it; returns where reading goes on. */
    private int number(int from, int to, String value) {
        endText();
        int i = to;
        if (i + 1 < n && s[i] == ' ' && isMarker(s[i + 1])) { // 3 栋 1202
            i++;
        }
        byte marker = NONE;
        int length = 0;
        if (i < n) {
            char c = s[i];
            char next = i + 1 < n ? s[i + 1] : 0;
            if (c == '号' && next == '楼') {
                marker = BUILDING;
                length = 2;
            } else if (c == '单' && next == '元') {
                marker = UNIT;
                length = 2;
            } else if (c == '栋' || c == '幢' || c == '座' || c == '楼' || c == '#') {
                marker = BUILDING;
                length = 1;
            } else if (c == '单' || c == '门') {
                marker = UNIT;
                length = 1;
            } else if (c == '室' || c == '房' || c == '户') {
                marker = ROOM;
                length = 1;
            } else if (c == '号') {
                marker = HAO;
                length = 1;
            } else if (c == '层') {
                marker = FLOOR;
                length = 1;
            }
        }
        if (length > 0) {
            // a marker may also begin a word: 3栋长 and 3号楼长 are the building and its head, so a building marker
            // counts for both; 1202房东 and 1202房主 are a tenure word, so 房 there is no room marker
            if (Keywords.all().longest(s, i, n, found) > length) {
                length = 0;
                if (marker != BUILDING) {
                    marker = NONE;
                }
            } else if (length == 2 && Keywords.all().longest(s, i + 1, n, found) >= 2) {
                length = 1;
            }
        }
        addNumber(value, marker, from);
        last = 1;
        gap = 0;
        return i + length;
    }

    private void addNumber(String value, byte marker, int start) {
        if (numbers == numberValue.length) {
            numberValue = java.util.Arrays.copyOf(numberValue, numbers * 2);
            numberMarker = java.util.Arrays.copyOf(numberMarker, numbers * 2);
            numberStart = java.util.Arrays.copyOf(numberStart, numbers * 2);
        }
        numberValue[numbers] = value;
        numberMarker[numbers] = marker;
        numberStart[numbers] = start;
        numbers++;
    }

    private static boolean isMarker(char c) {
        switch (c) {
            case '栋':
            case '幢':
            case '座':
            case '楼':
            case '#':
            case '号':
            case '单':
            case '门':
            case '室':
            case '房':
            case '户':
            case '层':
                return true;
            default:
                return false;
        }
    }

    private boolean buildingMarkerAt(int i) {
        if (i >= n) {
            return false;
        }
        char c = s[i];
        return c == '栋' || c == '幢' || c == '座' || c == '#' || (c == '号' && i + 1 < n && s[i + 1] == '楼');
    }

    private void latin(int from, int to) {
        String word = new String(s, from, to - from);
        if (last == 3 && gap == 1 && gapIsOneSpace && text.length() == 0 && !texts.isEmpty()) {
            texts.set(texts.size() - 1, texts.get(texts.size() - 1) + " " + word); // Lily Wang
        } else {
            endText();
            texts.add(word);
        }
        last = 3;
        gap = 0;
    }

    /** A Han character: a Chinese numeral before a marker, the start of a word, or part of a run of text. */
    private int han(int i) {
        boolean inText = last == 2 && gap == 0;
        if (!inText) {
            int end = i;
            while (end < n && end - i < 3 && numeral(s[end]) >= 0) {
                end++;
            }
            if (end > i && end < n && (buildingMarkerAt(end) || s[end] == '单' || s[end] == '门' || s[end] == '楼')) {
                int value = chineseNumber(i, end);
                if (value > 0) {
                    return number(i, end, Integer.toString(value));
                }
            }
        }
        int word = Keywords.all().longest(s, i, n, found);
        if (word > 0) {
            endText();
            Keywords.Meaning m = found[0];
            if (m.tenure() != null) {
                if (tenure == null && !tenureConflict) {
                    tenure = m.tenure();
                    tenureWord = new String(s, i, word);
                } else if (tenure != m.tenure()) {
                    tenureConflict = true;
                    tenure = null;
                }
            } else if (!titles.contains(m.title())) {
                if (titles.isEmpty()) {
                    titleWord = new String(s, i, word);
                }
                titles.add(m.title());
            }
            last = 4;
            gap = 0;
            return i + word;
        }
        int width = Character.isHighSurrogate(s[i]) ? 2 : 1;
        if (!inText) {
            endText();
        }
        text.append(s, i, width);
        last = 2;
        gap = 0;
        return i + width;
    }

    private void endText() {
        if (text.length() > 0) {
            texts.add(text.toString());
            text.setLength(0);
        }
    }

    private int chineseNumber(int from, int to) {
        int value = 0;
        int current = 0;
        for (int i = from; i < to; i++) {
            int d = numeral(s[i]);
            if (d == 10) {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else {
                current = current * 10 + d;
            }
        }
        return value + current;
    }

    private static int numeral(char c) {
        switch (c) {
            case '零':
            case '〇':
                return 0;
            case '一':
                return 1;
            case '二':
            case '两':
                return 2;
            case '三':
                return 3;
            case '四':
                return 4;
            case '五':
                return 5;
            case '六':
                return 6;
            case '七':
                return 7;
            case '八':
                return 8;
            case '九':
                return 9;
            case '十':
                return 10;
            default:
                return -1;
        }
    }

    // ---- the household ----

    /**
     * Which number is the building, the unit and the room. Marked numbers (3栋, 2单元, 1202室) say so; unmarked ones
     * fill what is missing in the order building, unit, room, as people write them (3-2-1202). Whatever could be split
     * more than one way is ambiguous, never guessed: 31202 alone may be 3栋1202 or 31栋202.
     */
    private void resolveHousehold() {
        int count = 0;
        int lastIndex = -1;
        for (int k = 0; k < numbers; k++) {
            if (numberMarker[k] != FLOOR) {
                count++;
                lastIndex = k;
            }
        }
        if (count == 0) {
            return;
        }
        String b = null;
        String u = null;
        String r = null;
        String[] unmarked = new String[count];
        int free = 0;
        boolean anyMarker = false;
        for (int k = 0; k < numbers; k++) {
            byte marker = numberMarker[k];
            if (marker == FLOOR) {
                continue;
            }
            if (marker == HAO) {
                marker = k == lastIndex ? ROOM : BUILDING;
            }
            String v = numberValue[k];
            if (marker == BUILDING) {
                if (b != null) {
                    household = HouseholdState.AMBIGUOUS;
                    return;
                }
                b = v;
                anyMarker = true;
            } else if (marker == UNIT) {
                if (u != null) {
                    household = HouseholdState.AMBIGUOUS;
                    return;
                }
                u = v;
                anyMarker = true;
            } else if (marker == ROOM) {
                if (r != null) {
                    household = HouseholdState.AMBIGUOUS;
                    return;
                }
                r = v;
                anyMarker = true;
            } else {
                unmarked[free++] = v;
            }
        }
        if (free == 1) {
            String v = unmarked[0];
            if (b == null && r == null) {
                if (!anyMarker && v.length() >= 5) {
                    household = HouseholdState.AMBIGUOUS;
                    return;
                }
                if (v.length() >= 3) {
                    r = v;
                } else {
                    b = v;
                }
            } else if (r == null) {
                r = v;
            } else if (b == null) {
                b = v;
            } else if (u == null && v.length() <= 2) {
                u = v;
            } else {
                household = HouseholdState.AMBIGUOUS;
                return;
            }
        } else if (free == 2) {
            if (b == null && r == null) {
                b = unmarked[0];
                r = unmarked[1];
            } else if (b != null && u == null && r == null && unmarked[0].length() <= 2) {
                u = unmarked[0];
                r = unmarked[1];
            } else if (r != null && b == null && u == null && unmarked[1].length() <= 2) {
                b = unmarked[0];
                u = unmarked[1];
            } else {
                household = HouseholdState.AMBIGUOUS;
                return;
            }
        } else if (free == 3) {
            if (b == null && u == null && r == null && unmarked[1].length() <= 2) {
                b = unmarked[0];
                u = unmarked[1];
                r = unmarked[2];
            } else {
                household = HouseholdState.AMBIGUOUS;
                return;
            }
        } else if (free > 3) {
            household = HouseholdState.AMBIGUOUS;
            return;
        }
        building = b == null ? "" : b;
        unit = u == null ? "" : u;
        room = r == null ? "" : r;
        if (b != null && r != null) {
            household = HouseholdState.COMPLETE;
        } else if (r != null) {
            household = HouseholdState.NO_BUILDING;
        } else {
            household = HouseholdState.NO_ROOM;
        }
    }

    /** The nickname without phone and ID numbers, separators squeezed and trimmed: what 任意昵称 suggests. */
    String withoutPrivateNumbers() {
        StringBuilder b = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c == ' ') {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        int end = b.length();
        while (end > 0 && NicknameFormat.isSeparator(b.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && NicknameFormat.isSeparator(b.charAt(start))) {
            start++;
        }
        return b.substring(start, end);
    }

    // ---- characters ----

    private String stripZeros(int from, int to) {
        int i = from;
        while (i < to - 1 && s[i] == '0') {
            i++;
        }
        return new String(s, i, to - i);
    }

    private String upper(int from, int to) {
        char[] c = new char[to - from];
        for (int i = from; i < to; i++) {
            char ch = s[i];
            c[i - from] = ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch;
        }
        return new String(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHan(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFF);
    }
}
