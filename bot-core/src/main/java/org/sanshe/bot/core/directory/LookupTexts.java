package org.sanshe.bot.core.directory;

import java.util.List;
import java.util.stream.Collectors;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.command.Echo;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.text.Texts;

/** The questions and refusals for a name that did not resolve to exactly one group or member. */
public final class LookupTexts {
    private LookupTexts() {}

    /** How a member is shown to staff: name and id, so that two people with one name can be told apart. */
    public static String describe(Member m) {
        String name = m.displayName();
        return name.equals(m.id().value()) ? name : name + "（" + m.id().value() + "）";
    }

    public static String describe(Group g) {
        return "「" + g.name() + "」（编号 " + g.id() + "）";
    }

    public static Reply memberNotResolved(Lookup<Member> lookup, String typed, Texts texts) {
        return memberNotResolved(lookup, typed, texts, true);
    }

    /**
     * @param mayShowNames false when the answer goes into a group other than the one the names belong to (a customer
     *     group's members named in an internal group): then only how many matched is said
     */
    public static Reply memberNotResolved(Lookup<Member> lookup, String typed, Texts texts, boolean mayShowNames) {
        String shown = Echo.shorten(typed);
        if (!mayShowNames && (lookup instanceof Lookup.Ambiguous || lookup instanceof Lookup.NearMatches)) {
            int n = lookup instanceof Lookup.Ambiguous<Member> a
                    ? a.candidates().size()
                    : ((Lookup.NearMatches<Member>) lookup).candidates().size();
            return Reply.refused(texts.get("lookup.member.elsewhere", shown, String.valueOf(n)));
        }
        if (lookup instanceof Lookup.Ambiguous<Member> a) {
            return Reply.refused(texts.get("lookup.member.ambiguous", shown, list(a.candidates())));
        }
        if (lookup instanceof Lookup.NearMatches<Member> n) {
            return Reply.refused(texts.get("lookup.member.near", shown, list(n.candidates())));
        }
        return Reply.refused(texts.get("lookup.member.notFound", shown));
    }

    public static Reply groupNotResolved(Lookup<Group> lookup, String typed, Texts texts) {
        String shown = Echo.shorten(typed);
        if (lookup instanceof Lookup.Ambiguous<Group> a) {
            return Reply.refused(texts.get(
                    "lookup.group.ambiguous",
                    shown,
                    a.candidates().stream().map(LookupTexts::describe).collect(Collectors.joining("、"))));
        }
        return Reply.refused(texts.get("lookup.group.notFound", shown));
    }

    private static String list(List<Member> members) {
        return members.stream().map(LookupTexts::describe).collect(Collectors.joining("、"));
    }
}
