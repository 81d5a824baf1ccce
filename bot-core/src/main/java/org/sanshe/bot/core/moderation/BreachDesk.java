package org.sanshe.bot.core.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Authority;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.engine.AuditDetails;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.port.RuleBreaches;
import org.sanshe.bot.core.text.Texts;

/**
 * What is done when a message in a registered group breaks a rule: never a word in the group. Per rule and group type
 * ({@link RuleBook}): a private reminder to the member, a private note to the secretary, a warning recorded against
 * the member; when the warnings within the decay period reach a multiple of the limit, a report to the administrators,
 * who decide (the bot cannot remove anyone). One burst is acted on once: within the quiet period after acting on a
 * rule for a member, further breaches of it are recorded only.
 *
 * <p>Off-shift staff: until shifts are kept, a member who holds a staff role somewhere but none in this group counts as
 * not on duty here.
 */
public final class BreachDesk {
    private static final int EXCERPT = 60;
    private static final String PRIVATE_INFO = "PRIVATE_INFO";

    private final Ports ports;
    private final Authority authority;
    private final Texts texts;
    private final RuleBook book;

    public BreachDesk(Ports ports, Authority authority, Texts texts, RuleBook book) {
        this.ports = ports;
        this.authority = authority;
        this.texts = texts;
        this.book = book;
    }

    /** A message in a registered group that is not a crisis: empty when no rule applies to it. */
    public Optional<Outcome> onMessage(Group group, UserId sender, String text, ContentScanner.Scan scan, Instant at) {
        ChatId chat = group.chat();
        Set<Role> here = authority.callerIn(sender, Optional.of(chat)).roles();
        List<String> broken = new ArrayList<>();
        scan.breaches().stream()
                .map(ContentScanner.Finding::category)
                .distinct()
                .forEach(broken::add);
        if (offShift(group, sender, here)) {
            broken.add(RuleBook.OFF_SHIFT);
        }
        List<String> applying = broken.stream()
                .filter(r -> book.rule(r).isPresent())
                .filter(r -> !book.actions(r, group.typeCode()).isEmpty())
                .filter(r -> !book.rule(r).get().exempts(here))
                .toList();
        if (applying.isEmpty()) {
            return Optional.empty();
        }

        Duration lookBack =
                book.warningDecay().compareTo(book.quietPeriod()) >= 0 ? book.warningDecay() : book.quietPeriod();
        List<RuleBreaches.Breach> past = ports.breaches().since(chat, sender, at.minus(lookBack));
        Member member = memberOf(chat, sender);
        // words with a phone number or an id number in them are not repeated to anyone, whichever rule is noted
        boolean personal = broken.contains(PRIVATE_INFO);
        boolean reachable = reachable(member);

        List<StateChange> changes = new ArrayList<>();
        List<String> reminders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String warnedFor = null;
        for (String rule : applying) {
            if (actedWithinQuiet(past, rule, at)) {
                changes.add(new StateChange.BreachRecorded(chat, sender, rule, at, false, false));
                continue;
            }
            Set<BreachAction> actions = book.actions(rule, group.typeCode());
            boolean remind = actions.contains(BreachAction.REMIND);
            if (remind && reachable) {
                reminders.add(reminderText(rule, group));
            }
            if (actions.contains(BreachAction.NOTE_SECRETARY) || (remind && !reachable)) {
                String after = remind ? texts.get(reachable ? "rule.note.reminded" : "rule.note.pleaseRemind") : "";
                notes.add(texts.get(
                        "rule.note.line",
                        LookupTexts.describe(member),
                        ruleName(rule),
                        quote(rule, text, personal),
                        after));
            }
            // one message counts as one warning, however many rules it breaks
            boolean warn = actions.contains(BreachAction.WARN) && warnedFor == null;
            if (warn) {
                warnedFor = rule;
            }
            changes.add(new StateChange.BreachRecorded(chat, sender, rule, at, true, warn));
        }

        List<Outbound> out = new ArrayList<>();
        if (!reminders.isEmpty()) {
            out.add(new Outbound.PrivateMessage(sender, String.join("\n\n", reminders)));
        }
        if (!notes.isEmpty()) {
            String note = texts.get("rule.note", group.name(), String.join("\n", notes));
            for (UserId secretary : secretaries(chat)) {
                if (!secretary.equals(sender)) {
                    out.add(new Outbound.PrivateMessage(secretary, note));
                }
            }
        }
        if (warnedFor != null) {
            Instant decayFrom = at.minus(book.warningDecay());
            long warnings = 1
                    + past.stream()
                            .filter(b -> b.warned() && !b.at().isBefore(decayFrom))
                            .count();
            if (warnings % book.warningLimit() == 0) {
                String report = texts.get(
                        "rule.report",
                        group.name(),
                        LookupTexts.describe(member),
                        book.warningDecay().toDays(),
                        warnings,
                        ruleName(warnedFor),
                        recentRules(past, decayFrom, warnedFor));
                for (UserId admin : admins(chat)) {
                    out.add(new Outbound.PrivateMessage(admin, report));
                }
            }
        }
        return Optional.of(new Outcome(changes, out));
    }

    /** The rule's Chinese name (from the texts; the code if a deployer added a rule without one). */
    public String ruleName(String rule) {
        Optional<String> own = book.rule(rule).flatMap(BreachRule::name);
        if (own.isPresent()) {
            return own.get();
        }
        String key = "rule.name." + rule;
        return texts.has(key) ? texts.get(key) : rule;
    }

    private boolean offShift(Group group, UserId sender, Set<Role> here) {
        if (book.actions(RuleBook.OFF_SHIFT, group.typeCode()).isEmpty()
                || here.stream().anyMatch(Role::staff)) {
            return false;
        }
        return authority.callerAnywhere(sender).roles().stream().anyMatch(Role::staff);
    }

    private boolean actedWithinQuiet(List<RuleBreaches.Breach> past, String rule, Instant at) {
        Instant quietFrom = at.minus(book.quietPeriod());
        return past.stream().anyMatch(b -> b.acted() && b.rule().equals(rule) && b.at().isAfter(quietFrom));
    }

    private String reminderText(String rule, Group group) {
        return book.rule(rule)
                .flatMap(BreachRule::reminder)
                .map(r -> r.replace("{群名}", group.name()))
                .orElseGet(() -> texts.has("rule." + rule + ".reminder")
                        ? texts.get("rule." + rule + ".reminder", group.name())
                        : texts.get("rule.reminder", group.name(), ruleName(rule)));
    }

    /** The words that broke the rule, for the secretary; private information is never repeated, even privately. */
    private String quote(String rule, String text, boolean personal) {
        if (personal) {
            return texts.get("rule.note.notQuoted");
        }
        if (rule.equals(RuleBook.OFF_SHIFT)) {
            return "";
        }
        String t = text.strip().replaceFirst("^(@\\S+\\s*)+", "").strip();
        return texts.get("rule.note.quote", AuditDetails.cut(t, EXCERPT));
    }

    private String recentRules(List<RuleBreaches.Breach> past, Instant from, String latest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        past.stream()
                .filter(b -> b.warned() && !b.at().isBefore(from))
                .forEach(b -> counts.merge(b.rule(), 1, Integer::sum));
        counts.merge(latest, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        counts.forEach((rule, n) -> parts.add(texts.get("rule.report.part", ruleName(rule), n)));
        return String.join("、", parts);
    }

    private Member memberOf(ChatId chat, UserId id) {
        return ports.members().membersOf(chat).stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseGet(() -> Member.idOnly(id));
    }

    /**
     * Whether the app can message the member: not an external WeChat user (known as such, or by WeCom's external id
     * prefixes {@code wo}/{@code wm}).
     */
    static boolean reachable(Member m) {
        if (m.kind() == MemberKind.EXTERNAL) {
            return false;
        }
        String id = m.id().value();
        return m.kind() == MemberKind.STAFF || !(id.startsWith("wo") || id.startsWith("wm"));
    }

    /** The group's secretaries; without any, its administrators (grants, then {@code bot.admins}). */
    private List<UserId> secretaries(ChatId chat) {
        List<UserId> found = authority.holdersIn(chat, Role.SECRETARY);
        return found.isEmpty() ? admins(chat) : found;
    }

    private List<UserId> admins(ChatId chat) {
        return authority.administratorsOf(chat);
    }
}
