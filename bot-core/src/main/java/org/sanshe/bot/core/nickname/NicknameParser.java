package org.sanshe.bot.core.nickname;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sanshe.bot.core.chat.Role;

/**
 * Checks a nickname against a group type's convention, tolerating what people really type: full-width characters,
 * any separator or none, 栋 / 幢 / 座 / 号楼 / # / 号, 单元 / 单 / 门, 室 / 房 / 号 after the room, Chinese numerals before
 * a marker (三栋), tenure and title synonyms (业主, 租客, 楼长, 医生), and the parts in any order (自住-3栋1202,
 * 张三（社工）).
 *
 * <p>The nickname is read once ({@code Reading}); then each format of the convention is scored by what it misses and
 * what the nickname has beyond it, and the nearest format gives the problems and the suggestions. A missing staff
 * title weighs most, so that a resident's nickname is never read as a worker's with the title left out. Nothing is
 * guessed: what could be read two ways is reported, not chosen.
 */
public final class NicknameParser {
    private static final int MISSING_STAFF_TITLE = 5;
    private static final int WHOLE_HOUSEHOLD = 2;
    private static final int EXTRA_TITLE = 2;

    private NicknameParser() {}

    /** Checks {@code nickname} (null counts as none) against {@code convention}. */
    public static NicknameCheck check(String nickname, NicknameConvention convention) {
        Objects.requireNonNull(convention, "convention");
        String raw = nickname == null ? "" : nickname;
        Reading r = Reading.of(raw);
        Set<NicknameProblem> privacy = EnumSet.noneOf(NicknameProblem.class);
        if (r.phone) {
            privacy.add(NicknameProblem.CONTAINS_PHONE);
        }
        if (r.idNumber) {
            privacy.add(NicknameProblem.CONTAINS_ID_NUMBER);
        }
        Household household =
                r.household == Reading.HouseholdState.COMPLETE ? new Household(r.building, r.unit, r.room) : null;

        if (convention.isEmpty() || (convention.acceptsAny() && raw.isBlank())) {
            return free(convention, r, privacy, household, null);
        }
        if (raw.isBlank()) {
            return new NicknameCheck(
                    convention,
                    List.of(NicknameProblem.EMPTY),
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of());
        }

        Score best = null;
        List<Score> tied = new ArrayList<>(2);
        for (NicknameFormat f : convention.formats()) {
            Score s = score(f, r, household);
            if (s == null) {
                continue;
            }
            if (best == null || s.betterThan(best)) {
                best = s;
                tied.clear();
                tied.add(s);
            } else if (s.score == best.score && s.matched == best.matched) {
                tied.add(s);
            }
        }
        if (best == null) { // only 任意昵称, and the nickname claims a staff title
            return staffWhereNoneIsAccepted(convention, r, privacy, household);
        }
        if (best.format.has(NicknamePart.Kind.ANY)) {
            return free(convention, r, privacy, household, best.format);
        }

        Set<NicknameProblem> problems = EnumSet.copyOf(privacy);
        NicknameFormat format = best.format;
        if (best.matched == 0) {
            problems.add(NicknameProblem.UNKNOWN_FORMAT);
            format = null;
        } else {
            problems.addAll(best.problems);
        }
        List<String> suggestions = new ArrayList<>(tied.size());
        String canonical = null;
        if (problems.isEmpty()) {
            canonical = best.render(household);
        } else if (format != null) {
            for (Score s : tied) {
                if (s.renderable) {
                    String suggestion = s.render(household);
                    if (!suggestions.contains(suggestion)) {
                        suggestions.add(suggestion);
                    }
                }
            }
        }
        return new NicknameCheck(
                convention,
                List.copyOf(problems),
                household,
                r.tenure,
                r.titles,
                best.unaccepted,
                best.name,
                best.shop,
                format,
                canonical,
                suggestions);
    }

    /** No convention, or 任意昵称: only the privacy risks count. */
    private static NicknameCheck free(
            NicknameConvention convention,
            Reading r,
            Set<NicknameProblem> privacy,
            Household household,
            NicknameFormat format) {
        String cleaned = r.withoutPrivateNumbers();
        boolean fine = privacy.isEmpty();
        return new NicknameCheck(
                convention,
                List.copyOf(privacy),
                household,
                r.tenure,
                r.titles,
                null,
                null,
                null,
                format,
                fine && !cleaned.isEmpty() ? cleaned : null,
                !fine && !cleaned.isEmpty() ? List.of(cleaned) : List.of());
    }

    private static NicknameCheck staffWhereNoneIsAccepted(
            NicknameConvention convention, Reading r, Set<NicknameProblem> privacy, Household household) {
        Set<NicknameProblem> problems = EnumSet.copyOf(privacy);
        problems.add(NicknameProblem.TITLE_NOT_ACCEPTED);
        return new NicknameCheck(
                convention,
                List.copyOf(problems),
                household,
                r.tenure,
                r.titles,
                r.titleWord,
                null,
                null,
                null,
                null,
                List.of());
    }

    /** How far a nickname is from one format; null when the format cannot apply at all. */
    private static Score score(NicknameFormat f, Reading r, Household household) {
        Score s = new Score(f);
        if (f.has(NicknamePart.Kind.ANY)) {
            for (Title t : r.titles) {
                if (t.staff()) {
                    return null;
                }
            }
            s.matched = 1;
            return s;
        }
        List<String> texts = r.texts;
        boolean copied = false;
        Title formTitle = null;
        for (NicknamePart p : f.parts()) {
            switch (p.kind()) {
                case HOUSEHOLD:
                    household(s, p, r);
                    break;
                case TENURE:
                    if (r.tenureConflict) {
                        s.problem(NicknameProblem.CONFLICTING_TENURE, 1);
                        s.renderable = false;
                        s.matched++;
                    } else if (r.tenure == null) {
                        s.problem(NicknameProblem.MISSING_TENURE, 1);
                    } else if (r.tenure == p.tenureOrNull()) {
                        s.matched++;
                    } else {
                        s.problem(NicknameProblem.TENURE_NOT_ACCEPTED, 1);
                        s.unaccepted = r.tenureWord;
                        s.renderable = false;
                        s.matched++;
                    }
                    break;
                case TITLE:
                    formTitle = p.titleOrNull();
                    if (r.titles.contains(formTitle)) {
                        s.matched++;
                    } else if (r.titles.isEmpty()) {
                        s.problem(NicknameProblem.MISSING_TITLE, formTitle.staff() ? MISSING_STAFF_TITLE : 1);
                        s.renderable &= !formTitle.staff();
                    } else {
                        s.problem(NicknameProblem.TITLE_NOT_ACCEPTED, 1);
                        s.unaccepted = r.titleWord;
                        s.renderable = false;
                        s.matched++;
                    }
                    break;
                case LITERAL:
                    if (!copied) {
                        texts = new ArrayList<>(texts);
                        copied = true;
                    }
                    if (!takeLiteral(texts, p.word())) {
                        s.problem(NicknameProblem.MISSING_WORD, 1);
                    }
                    break;
                default: // NAME and SHOP: below, in the order of the format
            }
        }
        texts(s, f, texts);

        // what the nickname has beyond the format
        boolean headOfBuilding = r.household == Reading.HouseholdState.NO_ROOM
                && r.unit.isEmpty()
                && formTitle != null
                && formTitle.role().filter(role -> role == Role.BUILDING_HEAD).isPresent();
        if (!f.has(NicknamePart.Kind.HOUSEHOLD) && r.household != Reading.HouseholdState.ABSENT && !headOfBuilding) {
            if (household != null) {
                s.problem(NicknameProblem.EXTRA_HOUSEHOLD, WHOLE_HOUSEHOLD);
            } else {
                s.problem(NicknameProblem.EXTRA_TEXT, 1);
            }
        }
        if (!f.has(NicknamePart.Kind.TENURE) && (r.tenure != null || r.tenureConflict)) {
            s.problem(NicknameProblem.EXTRA_TENURE, 1);
        }
        // a second title, or one where the format has none (a wrong title is TITLE_NOT_ACCEPTED, above)
        if (r.titles.size() > 1 || (formTitle == null && !r.titles.isEmpty())) {
            s.problem(NicknameProblem.EXTRA_TITLE, EXTRA_TITLE);
        }
        return s;
    }

    private static void household(Score s, NicknamePart p, Reading r) {
        switch (r.household) {
            case ABSENT:
                s.problem(NicknameProblem.MISSING_HOUSEHOLD, WHOLE_HOUSEHOLD);
                s.renderable = false;
                return;
            case NO_BUILDING:
                s.problem(NicknameProblem.MISSING_BUILDING, 1);
                break;
            case NO_ROOM:
                s.problem(NicknameProblem.MISSING_ROOM, 1);
                break;
            case AMBIGUOUS:
                s.problem(NicknameProblem.AMBIGUOUS_HOUSEHOLD, 1);
                break;
            default:
                if (p.unitRequired() && r.unit.isEmpty()) {
                    s.problem(NicknameProblem.MISSING_UNIT, 1);
                } else {
                    s.matched++;
                    return;
                }
        }
        s.renderable = false;
        s.matched++;
    }

    /** The name and shop slots of a format take the runs of text in order; what is left over is extra. */
    private static void texts(Score s, NicknameFormat f, List<String> texts) {
        NicknamePart first = null;
        NicknamePart second = null;
        for (NicknamePart p : f.parts()) {
            if (p.kind() == NicknamePart.Kind.NAME || p.kind() == NicknamePart.Kind.SHOP) {
                if (first == null) {
                    first = p;
                } else {
                    second = p;
                }
            }
        }
        int slots = first == null ? 0 : second == null ? 1 : 2;
        int available = texts.size();
        if (slots == 2 && available == 1) {
            s.problem(NicknameProblem.SHOP_AND_NAME_NOT_SEPARATED, 1);
            s.renderable = false;
            s.matched++;
            return;
        }
        if (slots >= 1) {
            fill(s, first, available > 0 ? texts.get(0) : null);
        }
        if (slots == 2) {
            fill(s, second, available > 1 ? texts.get(1) : null);
        }
        if (available > slots) {
            s.problem(NicknameProblem.EXTRA_TEXT, available - slots);
        }
    }

    private static void fill(Score s, NicknamePart slot, String text) {
        boolean name = slot.kind() == NicknamePart.Kind.NAME;
        if (text == null) {
            s.problem(name ? NicknameProblem.MISSING_NAME : NicknameProblem.MISSING_SHOP, 1);
            s.renderable = false;
            return;
        }
        s.matched++;
        if (name) {
            if (!isName(text)) {
                s.problem(NicknameProblem.UNCLEAR_NAME, 1);
                s.renderable = false;
                return;
            }
            s.name = text;
        } else {
            s.shop = text;
        }
    }

    /** 2–4 Han characters, or Latin letters (2–30, with single spaces: Lily Wang). */
    static boolean isName(String text) {
        char c = text.charAt(0);
        if (Reading.isLatin(c)) {
            return text.length() >= 2 && text.length() <= 30;
        }
        int count = text.codePointCount(0, text.length());
        return count >= 2 && count <= 4;
    }

    /** Takes a fixed word from the runs of text: a whole run, or the start or end of one (物业张三). */
    private static boolean takeLiteral(List<String> texts, String word) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).equals(word)) {
                texts.remove(i);
                return true;
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t.startsWith(word)) {
                texts.set(i, t.substring(word.length()));
                return true;
            }
            if (t.endsWith(word)) {
                texts.set(i, t.substring(0, t.length() - word.length()));
                return true;
            }
        }
        return false;
    }

    /** A format's distance from the nickname. */
    private static final class Score {
        final NicknameFormat format;
        final Set<NicknameProblem> problems = EnumSet.noneOf(NicknameProblem.class);
        int score;
        int matched;
        boolean renderable = true;
        String name;
        String shop;
        /** The word as typed that the format does not accept (业主 where 房东 is asked for). */
        String unaccepted;

        Score(NicknameFormat format) {
            this.format = format;
        }

        void problem(NicknameProblem p, int weight) {
            problems.add(p);
            score += weight;
        }

        boolean betterThan(Score other) {
            return score < other.score || (score == other.score && matched > other.matched);
        }

        String render(Household household) {
            return format.render(household, name, shop);
        }
    }
}
