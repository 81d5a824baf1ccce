package org.sanshe.bot.core.nickname;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted form of nickname, written the way deployers and the guidance write it: {@code 楼栋房号-自住},
 * {@code 社工-姓名}, {@code 店名-姓名}. The text is the grammar: it is read into named {@link NicknamePart parts}, and a
 * suggestion is written back in the same words and with the same separators ({@code 社工·姓名} suggests 社工·张三).
 *
 * <p>Words of a format: {@code 楼栋房号} (building, optional unit, room), {@code 楼栋单元房号} (unit required), {@code 姓名},
 * {@code 店名}, {@code 任意昵称} (alone: anything without a staff title), any tenure word of {@link Tenure} (自住, 租住, 房东
 * or a synonym such as 业主), any title of {@link Title} (社工, 医务, 楼门栋长 … or a short form such as 楼长), and a fixed
 * word in 「」 or quotes. Between them a separator ({@code - _ · — ~ + /} or a space) or nothing. Each kind of part at most
 * once. A format that breaks these rules is refused with the reason.
 */
public final class NicknameFormat {
    static final String HOUSEHOLD = "楼栋房号";
    static final String HOUSEHOLD_WITH_UNIT = "楼栋单元房号";
    static final String NAME = "姓名";
    static final String SHOP = "店名";
    static final String ANY = "任意昵称";

    private final String source;
    private final List<NicknamePart> parts;
    private final List<String> separators;
    private final Set<NicknamePart.Kind> kinds;

    private NicknameFormat(String source, List<NicknamePart> parts, List<String> separators) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.separators = List.copyOf(separators);
        Set<NicknamePart.Kind> k = EnumSet.noneOf(NicknamePart.Kind.class);
        parts.forEach(p -> k.add(p.kind()));
        this.kinds = k;
    }

    /**
     * Reads a format such as {@code 楼栋房号-自住}.
     *
     * @throws IllegalArgumentException naming the format and what is wrong with it
     */
    public static NicknameFormat parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty nickname format");
        }
        Map<String, Keywords.Meaning> vocabulary = Keywords.words();
        List<NicknamePart> parts = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        StringBuilder separator = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isSeparator(c)) {
                separator.append(c);
                i++;
                continue;
            }
            NicknamePart part;
            int length;
            char close = closing(c);
            if (close != 0) {
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    throw error(text, "'" + c + "' is not closed");
                }
                String literal = s.substring(i + 1, end).strip();
                if (literal.isEmpty() || !literal.codePoints().allMatch(NicknameFormat::isWordCharacter)) {
                    throw error(
                            text,
                            "a fixed word in " + c + close + " must be Chinese characters or letters: '" + literal
                                    + "'");
                }
                part = NicknamePart.of(NicknamePart.Kind.LITERAL, literal);
                length = end + 1 - i;
            } else {
                String word = longestWord(s, i, vocabulary);
                if (word == null) {
                    int end = i;
                    while (end < s.length() && !isSeparator(s.charAt(end))) {
                        end++;
                    }
                    throw error(
                            text,
                            "unknown word '" + s.substring(i, end) + "'; a format is made of 楼栋房号,"
                                    + " 楼栋单元房号, 姓名, 店名, 任意昵称, a tenure word (自住, 租住, 房东), a title (社工, 医务, 心理咨询,"
                                    + " 群管理员, 群秘书, 社区志愿者, 楼门栋长, 社区, 督导, 服务对象 …) and fixed words in 「」");
                }
                part = partFor(word, vocabulary.get(word));
                length = word.length();
            }
            if (!parts.isEmpty()) {
                separators.add(rendered(separator));
            }
            separator.setLength(0);
            parts.add(part);
            i += length;
        }
        check(text, parts, separators);
        return new NicknameFormat(text.strip(), parts, separators);
    }

    private static void check(String text, List<NicknamePart> parts, List<String> separators) {
        Set<NicknamePart.Kind> seen = EnumSet.noneOf(NicknamePart.Kind.class);
        for (NicknamePart p : parts) {
            if (p.kind() != NicknamePart.Kind.LITERAL && !seen.add(p.kind())) {
                throw error(text, "'" + p.word() + "': " + describe(p.kind()) + " appears more than once");
            }
        }
        if (seen.contains(NicknamePart.Kind.ANY) && parts.size() > 1) {
            throw error(text, "任意昵称 stands alone");
        }
        if (parts.stream().allMatch(p -> p.kind() == NicknamePart.Kind.LITERAL)) {
            throw error(text, "only fixed words; add 楼栋房号, 姓名, 店名 or a title");
        }
        for (int i = 1; i < parts.size(); i++) {
            if (separators.get(i - 1).isEmpty() && isText(parts.get(i - 1)) && isText(parts.get(i))) {
                throw error(
                        text,
                        "'" + parts.get(i - 1).word() + "' and '" + parts.get(i).word()
                                + "' need a separator between them, or nobody can tell where one ends");
            }
        }
    }

    private static boolean isText(NicknamePart p) {
        return p.kind() == NicknamePart.Kind.NAME
                || p.kind() == NicknamePart.Kind.SHOP
                || p.kind() == NicknamePart.Kind.LITERAL;
    }

    private static String describe(NicknamePart.Kind kind) {
        switch (kind) {
            case HOUSEHOLD:
                return "the household";
            case TENURE:
                return "a tenure word";
            case TITLE:
                return "a title";
            case NAME:
                return "the name";
            case SHOP:
                return "the shop name";
            default:
                return kind.name();
        }
    }

    private static NicknamePart partFor(String word, Keywords.Meaning meaning) {
        if (meaning != null) {
            return meaning.tenure() != null
                    ? NicknamePart.tenure(word, meaning.tenure())
                    : NicknamePart.title(word, meaning.title());
        }
        switch (word) {
            case HOUSEHOLD:
                return NicknamePart.household(word, false);
            case HOUSEHOLD_WITH_UNIT:
                return NicknamePart.household(word, true);
            case NAME:
                return NicknamePart.of(NicknamePart.Kind.NAME, word);
            case SHOP:
                return NicknamePart.of(NicknamePart.Kind.SHOP, word);
            case ANY:
                return NicknamePart.of(NicknamePart.Kind.ANY, word);
            default:
                throw new IllegalStateException(word);
        }
    }

    private static String longestWord(String s, int at, Map<String, Keywords.Meaning> vocabulary) {
        String best = null;
        for (String w : List.of(HOUSEHOLD, HOUSEHOLD_WITH_UNIT, NAME, SHOP, ANY)) {
            if (s.startsWith(w, at) && (best == null || w.length() > best.length())) {
                best = w;
            }
        }
        for (String w : vocabulary.keySet()) {
            if (s.startsWith(w, at) && (best == null || w.length() > best.length())) {
                best = w;
            }
        }
        return best;
    }

    static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '·' || c == '—' || c == '~' || c == ' ' || c == '+' || c == '/' || c == '・'
                || c == '•' || c == '|';
    }

    private static char closing(char c) {
        switch (c) {
            case '「':
                return '」';
            case '"':
                return '"';
            case '“':
                return '”';
            default:
                return 0;
        }
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetter(cp);
    }

    /** Spaces around a mark are dropped (楼栋房号 - 自住 writes 3栋1202-自住); '+' is the guidance's "followed by". */
    private static String rendered(StringBuilder separator) {
        String s = separator.toString();
        String marks = s.replace(" ", "").replace('+', '-');
        if (!marks.isEmpty()) {
            return marks.substring(0, 1);
        }
        return s.isEmpty() ? "" : " ";
    }

    private static IllegalArgumentException error(String text, String reason) {
        return new IllegalArgumentException("nickname format '" + text.strip() + "': " + reason);
    }

    /** The format as configured. */
    public String source() {
        return source;
    }

    public List<NicknamePart> parts() {
        return parts;
    }

    public boolean has(NicknamePart.Kind kind) {
        return kinds.contains(kind);
    }

    public Optional<NicknamePart> part(NicknamePart.Kind kind) {
        return parts.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** Whether the format means the same as another, whatever synonyms or separators each writes. */
    boolean sameAs(NicknameFormat other) {
        return parts.equals(other.parts);
    }

    /** The nickname in this format; every part the format needs a value for must be given. */
    String render(Household household, String name, String shop) {
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                b.append(separators.get(i - 1));
            }
            NicknamePart p = parts.get(i);
            switch (p.kind()) {
                case HOUSEHOLD:
                    b.append(household.canonical());
                    break;
                case NAME:
                    b.append(name);
                    break;
                case SHOP:
                    b.append(shop);
                    break;
                default:
                    b.append(p.word());
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
