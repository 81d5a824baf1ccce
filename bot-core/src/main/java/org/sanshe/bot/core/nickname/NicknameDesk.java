package org.sanshe.bot.core.nickname;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Authority;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupDetails;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupRead;
import org.sanshe.bot.core.event.InboundEvent.MembersJoined;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.port.NicknameRecords.NicknameRecord;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.text.Texts;

/**
 * Checks the group nicknames of a registered customer group's members against its type's convention, and prompts
 * rather than punishes. WeCom gives group nicknames only for customer groups ({@code groupchat/get}) and says nothing
 * when one changes, so a group is read a moment after members join, on a poll every {@code pollInterval} (each group
 * at its own offset), and on demand ({@code /昵称 检查}).
 *
 * <p>After each read: one private digest to the group's secretary (else the group owner) when there is news: who joined
 * or changed their nickname, who is not compliant yet with a suggestion ready to paste, who needs a personal word
 * after {@code maxReminders}, and thanks for those who fixed theirs. Nobody is listed as not compliant more often than
 * {@code remindInterval}. At once, privately to the administrators: an external member whose nickname claims a staff
 * title (impersonation), two members claiming one household where one member per household is the rule, a phone or ID
 * number in a nickname. Nothing is ever said in the group.
 */
public final class NicknameDesk {
    public static final String TIMER = "nickname-check";
    private static final int LISTED = 40;

    private final Ports ports;
    private final Authority authority;
    private final GroupTypes types;
    private final Texts texts;
    private final NicknameSettings settings;

    public NicknameDesk(Ports ports, Authority authority, GroupTypes types, Texts texts, NicknameSettings settings) {
        this.ports = ports;
        this.authority = authority;
        this.types = types;
        this.texts = texts;
        this.settings = settings;
    }

    /** Members joined: the group is read after {@code joinCheckDelay}; joins within one delay share one read. */
    public Outcome onJoined(MembersJoined e) {
        Optional<NicknameConvention> convention = checked(e.chat());
        if (convention.isEmpty()) {
            return Outcome.nothing();
        }
        return new Outcome(List.of(readAfterDelay(e.chat(), e.at())), List.of());
    }

    /** A group was just registered: its members are read (and their nicknames checked) in a moment. */
    public StateChange readAfterDelay(ChatId chat, Instant at) {
        long delay = Math.max(1, settings.joinCheckDelay().toMillis());
        long due = Math.floorDiv(at.toEpochMilli() + 2 * delay - 1, delay) * delay; // at + delay at the earliest
        return new StateChange.TimerSet(TIMER, "join:" + chat.value() + ":" + due, Instant.ofEpochMilli(due));
    }

    /** A check came due (after a join, or the poll): the group's members are read. */
    public Outcome onTimer(TimerFired t) {
        String subject = t.subject();
        int first = subject.indexOf(':');
        int last = subject.lastIndexOf(':');
        if (first < 0 || first == last) {
            return Outcome.nothing();
        }
        ChatId chat = ChatId.of(subject.substring(first + 1, last));
        if (checked(chat).isEmpty()) {
            return Outcome.nothing(); // unregistered since, or its type no longer has a convention: the poll ends here
        }
        return new Outcome(List.of(), List.of(new Outbound.ReadGroupMembers(chat, subject)));
    }

    /** {@code /昵称 检查} without a nickname: read the group now. */
    public Outcome readNow(ChatId chat, Instant at) {
        return new Outcome(
                List.of(),
                List.of(new Outbound.ReadGroupMembers(chat, "demand:" + chat.value() + ":" + at.toEpochMilli())));
    }

    /** WeCom listed the group's members (or refused): check every nickname and tell whom it concerns. */
    public Outcome onRead(CustomerGroupRead e) {
        Optional<Group> group = ports.groups().findByChat(e.chat());
        Optional<NicknameConvention> convention = checked(e.chat());
        if (group.isEmpty() || convention.isEmpty()) {
            return Outcome.nothing();
        }
        List<StateChange> changes = new ArrayList<>();
        changes.add(nextPoll(e.chat(), e.at()));
        if (e.details().isEmpty()) {
            return new Outcome(
                    changes, List.of()); // WeCom refused (no permission, no such group): tried again next poll
        }
        CustomerGroupDetails details = e.details().get();
        changes.add(new StateChange.MembersListed(e.chat(), details.members(), e.at()));
        Review review = review(group.get(), convention.get(), details, e.at(), changes);
        List<Outbound> out = new ArrayList<>();
        review.digest().ifPresent(d -> {
            for (UserId to : digestRecipients(e.chat(), details)) {
                out.add(new Outbound.PrivateMessage(to, d));
            }
        });
        draft(group.get(), details, review, e.at()).ifPresent(d -> {
            out.add(d);
            changes.add(new StateChange.NicknameDraftMade(e.chat(), e.at()));
        });
        review.flags().ifPresent(f -> {
            for (UserId to : admins(e.chat())) {
                out.add(new Outbound.PrivateMessage(to, f));
            }
        });
        return new Outcome(changes, out);
    }

    /** A note added to an answer, and what it changes. */
    public record Note(String text, List<StateChange> changes) {}

    /**
     * A member talking to the bot (staff: WeChat users cannot) whose nickname in a registered customer group is not
     * compliant, and who is due a reminder there: one gentle line for the answer, counted as a reminder. Only the
     * first such group; nothing when none is due.
     */
    public Optional<Note> noteFor(UserId member, Instant at) {
        for (var entry : ports.nicknames().of(member).entrySet()) {
            NicknameRecord r = entry.getValue();
            boolean due = !r.compliant()
                    && r.reminders() < settings.maxReminders()
                    && (r.lastReminded().isEmpty()
                            || !Duration.between(r.lastReminded().get(), at)
                                    .minus(settings.remindInterval())
                                    .isNegative());
            if (!due) {
                continue;
            }
            Optional<Group> group = ports.groups().findByChat(entry.getKey());
            Optional<NicknameConvention> convention = group.flatMap(this::conventionOf);
            if (group.isEmpty() || convention.isEmpty()) {
                continue;
            }
            NicknameCheck check = convention.get().check(r.nickname().orElse(null));
            String fix = check.suggestions().isEmpty()
                    ? texts.get(
                            "nickname.note.formats",
                            String.join("、", convention.get().sources()))
                    : texts.get("nickname.note.suggest", String.join(" / ", check.suggestions()));
            String text = texts.get("nickname.note", group.get().name(), String.join("", check.explain(texts)), fix);
            NicknameRecord reminded = new NicknameRecord(
                    r.nickname(),
                    r.compliant(),
                    r.householdKey(),
                    r.since(),
                    r.reminders() + 1,
                    Optional.of(at),
                    r.flagged(),
                    r.firstSeen());
            return Optional.of(
                    new Note(text, List.of(new StateChange.NicknameRecorded(entry.getKey(), member, reminded))));
        }
        return Optional.empty();
    }

    /** {@code /昵称 检查 <昵称>}: one nickname against the group's convention, explained. Never repeats a number. */
    public String checkOne(Group group, String nickname) {
        NicknameConvention convention = conventionOf(group).orElse(NicknameConvention.none());
        if (convention.isEmpty()) {
            return texts.get("nickname.check.noConvention", group.name());
        }
        NicknameCheck check = convention.check(nickname);
        if (check.compliant()) {
            return texts.get(
                    "nickname.check.ok", group.name(), check.canonical().orElse(nickname.strip()));
        }
        StringBuilder sb = new StringBuilder(texts.get("nickname.check.notOk", group.name()));
        check.explain(texts).forEach(line -> sb.append('\n').append("· ").append(line));
        if (!check.suggestions().isEmpty()) {
            sb.append('\n').append(texts.get("nickname.check.suggest", String.join(" / ", check.suggestions())));
        }
        sb.append('\n').append(texts.get("nickname.formats", String.join("、", convention.sources())));
        return sb.toString();
    }

    /** {@code /昵称 报告}: the members last read as not compliant, with suggestions (for the secretary, privately). */
    public String report(Group group) {
        Optional<NicknameConvention> convention = conventionOf(group);
        if (group.channel() != Channel.CUSTOMER || convention.isEmpty()) {
            return texts.get("nickname.report.notChecked", group.name());
        }
        Map<UserId, NicknameRecord> records = ports.nicknames().in(group.chat());
        if (records.isEmpty()) {
            return texts.get("nickname.report.notYet", group.name());
        }
        Map<UserId, Member> members = membersOf(group.chat());
        List<String> lines = new ArrayList<>();
        records.forEach((id, r) -> {
            if (!r.compliant()) {
                Member m = members.getOrDefault(id, new Member(id, Optional.empty(), r.nickname(), MemberKind.UNKNOWN));
                lines.add(line(m, convention.get().check(r.nickname().orElse(null)), r));
            }
        });
        if (lines.isEmpty()) {
            return texts.get("nickname.report.allGood", group.name(), records.size());
        }
        StringBuilder sb =
                new StringBuilder(texts.get("nickname.report.header", group.name(), lines.size(), records.size()));
        lines.stream().limit(LISTED).forEach(l -> sb.append('\n').append(l));
        if (lines.size() > LISTED) {
            sb.append('\n').append(texts.get("nickname.more", lines.size() - LISTED));
        }
        return sb.append('\n')
                .append(texts.get(
                        "nickname.formats", String.join("、", convention.get().sources())))
                .toString();
    }

    // --- the review of one read ------------------------------------------------------------------------------------

    /** @param remindersDue how many members were listed to be reminded in this digest */
    private record Review(Optional<String> digest, Optional<String> flags, int remindersDue) {}

    private Review review(
            Group group,
            NicknameConvention convention,
            CustomerGroupDetails details,
            Instant at,
            List<StateChange> changes) {
        Map<UserId, NicknameRecord> before = ports.nicknames().in(group.chat());
        boolean firstRead = before.isEmpty();
        boolean onePerHousehold = onePerHousehold(convention);

        List<String> arrived = new ArrayList<>();
        List<String> due = new ArrayList<>();
        List<String> personalWord = new ArrayList<>();
        List<String> thanked = new ArrayList<>();
        int stillWaiting = 0;
        boolean formatsListed = false;
        List<String> flags = new ArrayList<>();
        Map<String, List<Member>> households = new LinkedHashMap<>();
        Map<UserId, NicknameRecord> after = new LinkedHashMap<>();
        Map<UserId, NicknameCheck> checks = new LinkedHashMap<>();

        for (Member m : details.members()) {
            Optional<String> nickname = m.groupNickname();
            NicknameCheck check = convention.check(nickname.orElse(null));
            checks.put(m.id(), check);
            NicknameRecord old = before.get(m.id());
            boolean changed = old == null || !old.nickname().equals(nickname);
            boolean newlyCompliant = old != null && !old.compliant() && check.compliant();
            Instant since = old == null || changed || old.compliant() != check.compliant() ? at : old.since();
            int reminders = old == null || check.compliant() ? 0 : old.reminders();
            Optional<Instant> lastReminded = old == null || check.compliant() ? Optional.empty() : old.lastReminded();
            boolean flagged = old != null && !changed && old.flagged();

            boolean impersonates = m.kind() == MemberKind.EXTERNAL && check.claimsStaff();
            if (!firstRead && changed) {
                String state = impersonates
                        ? texts.get("nickname.digest.claimsStaff")
                        : check.compliant() ? texts.get("nickname.digest.ok") : texts.get("nickname.digest.notOk");
                arrived.add(texts.get(
                        old == null ? "nickname.digest.joined" : "nickname.digest.changed", idAndName(m), state));
            }

            if (newlyCompliant) {
                thanked.add("· " + idAndName(m));
            }
            if (!check.compliant()) {
                boolean isDue = lastReminded.isEmpty()
                        || !Duration.between(lastReminded.get(), at)
                                .minus(settings.remindInterval())
                                .isNegative();
                if (isDue && reminders >= settings.maxReminders()) {
                    personalWord.add(texts.get("nickname.digest.personalLine", idAndName(m), reminders));
                    lastReminded = Optional.of(at);
                } else if (isDue) {
                    due.add(line(m, check, null));
                    formatsListed |= check.has(NicknameProblem.UNKNOWN_FORMAT); // its explanation lists the formats
                    reminders++;
                    lastReminded = Optional.of(at);
                } else {
                    stillWaiting++;
                }
            }
            // told to the administrators at once, once per nickname
            if (!flagged) {
                if (impersonates) {
                    flags.add(texts.get(
                            "nickname.flag.impersonation",
                            idAndName(m),
                            check.title().map(Title::word).orElse("")));
                    flagged = true;
                }
                if (check.privacyRisk()) {
                    flags.add(texts.get("nickname.flag.privacy", idAndName(m)));
                    flagged = true;
                }
            }
            if (onePerHousehold) {
                check.householdKey()
                        .ifPresent(k -> households
                                .computeIfAbsent(k, x -> new ArrayList<>())
                                .add(m));
            }
            after.put(
                    m.id(),
                    new NicknameRecord(
                            nickname,
                            check.compliant(),
                            check.householdKey(),
                            since,
                            reminders,
                            lastReminded,
                            flagged,
                            old == null ? at : old.firstSeen()));
        }
        // one member per household: a shared household is told once, when someone new makes it shared
        for (List<Member> sharing : households.values()) {
            if (sharing.size() < 2
                    || sharing.stream().allMatch(m -> after.get(m.id()).flagged())) {
                continue;
            }
            String household = checks.get(sharing.get(0).id())
                    .household()
                    .map(Household::canonical)
                    .orElse("");
            flags.add(texts.get(
                    "nickname.flag.household",
                    household,
                    sharing.size(),
                    String.join(
                            "、", sharing.stream().map(NicknameDesk::idAndName).toList())));
            for (Member m : sharing) {
                NicknameRecord r = after.get(m.id());
                after.put(
                        m.id(),
                        new NicknameRecord(
                                r.nickname(),
                                r.compliant(),
                                r.householdKey(),
                                r.since(),
                                r.reminders(),
                                r.lastReminded(),
                                true,
                                r.firstSeen()));
            }
        }
        after.forEach((id, r) -> {
            if (!r.equals(before.get(id))) {
                changes.add(new StateChange.NicknameRecorded(group.chat(), id, r));
            }
        });
        before.keySet().stream()
                .filter(id -> !after.containsKey(id))
                .forEach(id -> changes.add(new StateChange.NicknameForgotten(group.chat(), id)));

        Optional<String> digest = Optional.empty();
        if (!arrived.isEmpty() || !due.isEmpty() || !personalWord.isEmpty() || !thanked.isEmpty()) {
            StringBuilder sb = new StringBuilder(texts.get("nickname.digest.header", group.name()));
            section(sb, texts.get("nickname.digest.arrived"), arrived);
            section(sb, texts.get("nickname.digest.due", due.size()), due);
            if (stillWaiting > 0) {
                sb.append('\n').append(texts.get("nickname.digest.stillWaiting", stillWaiting));
            }
            section(sb, texts.get("nickname.digest.personal", settings.maxReminders()), personalWord);
            section(sb, texts.get("nickname.digest.thanks"), thanked);
            if (!formatsListed) {
                sb.append('\n').append(texts.get("nickname.formats", String.join("、", convention.sources())));
            }
            digest = Optional.of(sb.toString());
        }
        Optional<String> flagText = flags.isEmpty()
                ? Optional.empty()
                : Optional.of(texts.get("nickname.flag.header", group.name()) + "\n" + String.join("\n", flags));
        return new Review(digest, flagText, due.size());
    }

    /**
     * For the group types that ask for it: a gentle group-send draft, no names, from the owner (who confirms it in
     * WeCom), when members are due a reminder; at most one a {@code remindInterval} per group, as WeCom allows about one
     * group-send a day to a customer group and the owner's own notices must not lose theirs.
     */
    private Optional<Outbound.GroupSendDraft> draft(
            Group group, CustomerGroupDetails details, Review review, Instant at) {
        if (review.remindersDue() == 0 || !settings.groupSendTypes().contains(group.typeCode())) {
            return Optional.empty();
        }
        Optional<Instant> last = ports.nicknames().lastDraft(group.chat());
        if (last.isPresent() && Duration.between(last.get(), at).compareTo(settings.remindInterval()) < 0) {
            return Optional.empty();
        }
        boolean ownerIsStaff = details.members().stream()
                .anyMatch(m -> m.id().equals(details.owner()) && m.kind() == MemberKind.STAFF);
        if (!ownerIsStaff) {
            return Optional.empty(); // only a member of the enterprise can send a group-send
        }
        String example = conventionOf(group)
                .flatMap(c -> c.formats().stream().findFirst())
                .map(NicknameFormat::source)
                .orElse("");
        return Optional.of(new Outbound.GroupSendDraft(
                group.chat(), details.owner(), texts.get("nickname.draft", group.name(), example)));
    }

    private void section(StringBuilder sb, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        sb.append('\n').append(title);
        lines.stream().limit(LISTED).forEach(l -> sb.append('\n').append(l));
        if (lines.size() > LISTED) {
            sb.append('\n').append(texts.get("nickname.more", lines.size() - LISTED));
        }
    }

    /** A not-compliant member with what is wrong and the suggestion, ready to paste; never a phone or ID number. */
    private String line(Member m, NicknameCheck check, NicknameRecord record) {
        String problems = String.join("", check.explain(texts));
        String suggestion = check.suggestions().isEmpty()
                ? texts.get("nickname.digest.askThem")
                : texts.get("nickname.digest.suggest", String.join(" / ", check.suggestions()));
        String reminded = record == null || record.reminders() == 0
                ? ""
                : texts.get("nickname.report.reminded", record.reminders());
        return texts.get("nickname.digest.line", idAndName(m), problems, suggestion) + reminded;
    }

    /**
     * A member as the secretary can find them: the name and the id, never the nickname when it holds a number (the
     * nickname is what is wrong, and may be private).
     */
    private static String idAndName(Member m) {
        if (m.groupNickname()
                .filter(n -> n.chars().filter(Character::isDigit).count() >= 7)
                .isPresent()) {
            return m.name().map(n -> n + "（" + m.id().value() + "）").orElse(m.id().value());
        }
        return LookupTexts.describe(m);
    }

    private StateChange nextPoll(ChatId chat, Instant at) {
        return pollTimer(chat, at, settings.pollInterval());
    }

    /**
     * The group's next poll after {@code at}: at least half an interval away, on the group's own offset within the
     * interval, so that groups are read spread over it. The subject names the slot, so setting it twice (a read, and
     * the seeding at start) leaves one timer.
     */
    public static StateChange.TimerSet pollTimer(ChatId chat, Instant at, Duration pollInterval) {
        long interval = pollInterval.toMillis();
        long offset = Math.floorMod(chat.value().hashCode(), interval);
        long earliest = at.toEpochMilli() + interval / 2;
        long k = Math.floorDiv(earliest - offset + interval - 1, interval);
        long due = offset + k * interval;
        return new StateChange.TimerSet(TIMER, "poll:" + chat.value() + ":" + due, Instant.ofEpochMilli(due));
    }

    private Optional<NicknameConvention> checked(ChatId chat) {
        return ports.groups()
                .findByChat(chat)
                .filter(g -> g.channel() == Channel.CUSTOMER)
                .flatMap(this::conventionOf);
    }

    private Optional<NicknameConvention> conventionOf(Group g) {
        return types.byCode(g.typeCode()).map(t -> t.nicknameConvention()).filter(c -> !c.isEmpty());
    }

    /** Where each household has one member in the group: a convention that asks for a household and a tenure. */
    private static boolean onePerHousehold(NicknameConvention c) {
        return c.formats().stream()
                .anyMatch(f -> f.has(NicknamePart.Kind.HOUSEHOLD) && f.has(NicknamePart.Kind.TENURE));
    }

    private Map<UserId, Member> membersOf(ChatId chat) {
        Map<UserId, Member> all = new LinkedHashMap<>();
        ports.members().membersOf(chat).forEach(m -> all.put(m.id(), m));
        return all;
    }

    /** The group's secretaries; without any, its owner. */
    private List<UserId> digestRecipients(ChatId chat, CustomerGroupDetails details) {
        List<UserId> secretaries = holders(chat, Role.SECRETARY);
        if (!secretaries.isEmpty()) {
            return secretaries;
        }
        boolean ownerKnown = details.members().stream()
                .anyMatch(m -> m.id().equals(details.owner()) && m.kind() != MemberKind.EXTERNAL);
        return ownerKnown ? List.of(details.owner()) : admins(chat);
    }

    private List<UserId> admins(ChatId chat) {
        return authority.administratorsOf(chat);
    }

    private List<UserId> holders(ChatId chat, Role role) {
        return authority.holdersIn(chat, role);
    }
}
