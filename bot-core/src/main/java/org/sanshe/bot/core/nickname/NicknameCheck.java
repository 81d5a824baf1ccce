package org.sanshe.bot.core.nickname;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.text.Texts;

/**
 * What a nickname says and whether it follows its group's convention. Compliant means: nothing missing, nothing
 * extra, nothing unreadable, and no phone or ID number; separators, order and synonyms are free (3-1202 自住 and
 * 业主·3栋1202 are both compliant and both read as 3栋1202-自住, see {@link #canonical()}).
 *
 * <p>The parts found are reported whatever the outcome, so that a household can be counted and a title claimed by an
 * outsider can be noticed even in a nickname that is not compliant. A suggestion never holds a phone or ID number:
 * those digits are removed before anything else is read. {@link #toString()} shows no part of the nickname, so a check
 * can be logged.
 */
public final class NicknameCheck {
    private final NicknameConvention convention;
    private final List<NicknameProblem> problems;
    private final Household household;
    private final Tenure tenure;
    private final List<Title> titles;
    private final String unaccepted;
    private final String name;
    private final String shop;
    private final NicknameFormat format;
    private final String canonical;
    private final List<String> suggestions;

    NicknameCheck(
            NicknameConvention convention,
            List<NicknameProblem> problems,
            Household household,
            Tenure tenure,
            List<Title> titles,
            String unaccepted,
            String name,
            String shop,
            NicknameFormat format,
            String canonical,
            List<String> suggestions) {
        this.convention = convention;
        this.problems = List.copyOf(problems);
        this.household = household;
        this.tenure = tenure;
        this.titles = List.copyOf(titles);
        this.unaccepted = unaccepted;
        this.name = name;
        this.shop = shop;
        this.format = format;
        this.canonical = canonical;
        this.suggestions = List.copyOf(suggestions);
    }

    public boolean compliant() {
        return problems.isEmpty();
    }

    /** The problems against the nearest format, in the order of {@link NicknameProblem} (privacy risks first). */
    public List<NicknameProblem> problems() {
        return problems;
    }

    public boolean has(NicknameProblem problem) {
        return problems.contains(problem);
    }

    /** Whether the nickname holds a phone or ID number. */
    public boolean privacyRisk() {
        return problems.stream().anyMatch(NicknameProblem::privacyRisk);
    }

    /** The household, when building and room could both be read without guessing. */
    public Optional<Household> household() {
        return Optional.ofNullable(household);
    }

    /** {@link Household#key()}, e.g. {@code 3-2-1202} or {@code 3--1202}, for finding two members of one household. */
    public Optional<String> householdKey() {
        return household().map(Household::key);
    }

    public Optional<Tenure> tenure() {
        return Optional.ofNullable(tenure);
    }

    /** The first title the nickname shows (社工张三 → {@link Title#SOCIAL_WORKER}), accepted here or not. */
    public Optional<Title> title() {
        return titles.isEmpty() ? Optional.empty() : Optional.of(titles.get(0));
    }

    /** Every title the nickname shows, in order. */
    public List<Title> titles() {
        return titles;
    }

    /** The role the first title claims, where the bot has such a role. */
    public Optional<Role> claimedRole() {
        return title().flatMap(Title::role);
    }

    /** Whether the nickname claims to be a worker (社工, 医务, 群管理员, 社区, 督导 …): an outsider doing so is suspect. */
    public boolean claimsStaff() {
        return titles.stream().anyMatch(Title::staff);
    }

    /** The person's name, when the nearest format has one and it was found. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The shop's name, when the nearest format has one and it was found. */
    public Optional<String> shop() {
        return Optional.ofNullable(shop);
    }

    /** The format the nickname follows, or the nearest one; empty when the convention is empty or nothing was read. */
    public Optional<NicknameFormat> format() {
        return Optional.ofNullable(format);
    }

    /** For a compliant nickname: how its format writes it (3-1202 业主 → 3栋1202-自住). */
    public Optional<String> canonical() {
        return Optional.ofNullable(canonical);
    }

    /**
     * For a nickname that is not compliant: the nicknames in canonical form that fix it, as far as the nickname tells
     * (3栋1202 in a residents' group → 3栋1202-自住 and 3栋1202-租住). Empty when something only the member knows is
     * missing (the room, the name, a staff title).
     */
    public List<String> suggestions() {
        return suggestions;
    }

    /** The suggestion, when there is exactly one. */
    public Optional<String> suggestion() {
        return suggestions.size() == 1 ? Optional.of(suggestions.get(0)) : Optional.empty();
    }

    /** One sentence per problem, in the language of {@code texts}. */
    public List<String> explain(Texts texts) {
        String or = texts.get("nickname.or");
        List<String> lines = new ArrayList<>(problems.size());
        for (NicknameProblem p : problems) {
            switch (p) {
                case UNKNOWN_FORMAT:
                    lines.add(texts.get(p.messageKey(), String.join(texts.get("nickname.and"), convention.sources())));
                    break;
                case MISSING_TENURE:
                    lines.add(texts.get(p.messageKey(), String.join(or, convention.tenureWords())));
                    break;
                case TENURE_NOT_ACCEPTED:
                    lines.add(texts.get(
                            p.messageKey(),
                            unaccepted == null ? "" : unaccepted,
                            String.join(or, convention.tenureWords())));
                    break;
                case MISSING_TITLE:
                    lines.add(texts.get(p.messageKey(), String.join(or, convention.titleWords())));
                    break;
                case TITLE_NOT_ACCEPTED:
                    lines.add(texts.get(
                            p.messageKey(),
                            unaccepted == null ? "" : unaccepted,
                            String.join(or, convention.titleWords())));
                    break;
                case MISSING_WORD:
                    lines.add(texts.get(p.messageKey(), missingWords(or)));
                    break;
                default:
                    lines.add(texts.get(p.messageKey()));
            }
        }
        return lines;
    }

    private String missingWords(String or) {
        List<String> words = new ArrayList<>();
        if (format != null) {
            format.parts().stream()
                    .filter(part -> part.kind() == NicknamePart.Kind.LITERAL)
                    .forEach(part -> words.add(part.word()));
        }
        return String.join(or, words);
    }

    /** Outcome and problems only: a nickname is personal data and stays out of logs. */
    @Override
    public String toString() {
        return compliant() ? "NicknameCheck[compliant]" : "NicknameCheck" + problems;
    }
}
