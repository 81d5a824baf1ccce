package org.sanshe.bot.core.escalation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.Authority;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.crisis.CrisisText;
import org.sanshe.bot.core.directory.LookupTexts;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.port.Escalations;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.text.Texts;

/**
 * The escalation use cases: open (a crisis found, or /上报), climb the chain when nobody acknowledges in time,
 * acknowledge, hand over, resolve; and the 留意 notes: one private note to the first level of the chain, no chain, raised
 * to 紧急 by a button, by /升为紧急 or by a 紧急 message from the same person. Every step is a stored state change plus messages; nothing is sent unless it is
 * committed, and a timer fires into the same pipeline (ARCHITECTURE.md "Timers").
 *
 * <p>The chain of a group: for each role of its type's escalation chain (default 社工 then 群管理员), first the members
 * holding it in this group, then those holding it everywhere as backup (for 群管理员 also {@code bot.admins}). Empty
 * levels are skipped. Each level has {@code ackTimeout}; after the last level the chain starts again, {@code rounds}
 * times, then the escalation is flagged 无人接手 and the administrators are told.
 */
public final class EscalationDesk {
    public static final String TIMER = "escalation-ack";
    /** A member's window of 留意 notes closed: what was held for them goes out. */
    public static final String DIGEST = "escalation-digest";

    static final String TASK_PREFIX = "esc";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final List<Role> DEFAULT_CHAIN = List.of(Role.SOCIAL_WORKER, Role.ADMIN);

    private final Ports ports;
    private final Authority authority;
    private final GroupTypes types;
    private final Texts texts;
    private final EscalationSettings settings;
    private final java.time.ZoneId zone;

    public EscalationDesk(
            Ports ports,
            Authority authority,
            GroupTypes types,
            Texts texts,
            EscalationSettings settings,
            java.time.ZoneId zone) {
        this.ports = ports;
        this.authority = authority;
        this.types = types;
        this.texts = texts;
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * A crisis about {@code subject} in {@code chat}. A 紧急 finding opens an escalation (cards, the chain); a 留意 finding
     * a note to the first level of the chain. A second message while one is unresolved joins it (a timeline step)
     * instead of opening another. A 紧急 message joining a 留意 note raises it: the chain starts. While the chain runs,
     * that is all; but the new words must reach a person in every state: whoever took it is told them at once, and one
     * the whole chain left unanswered starts the chain again from its first level.
     */
    public Outcome open(
            Optional<ChatId> chat,
            UserId subject,
            ContentScanner.Finding finding,
            String excerpt,
            Optional<UserId> reporter,
            Instant at) {
        List<StateChange> changes = new ArrayList<>();
        Optional<Escalation> running = ports.escalations().unresolvedFor(subject, chat);
        if (running.isPresent()) {
            Escalation r = running.get();
            changes.add(new StateChange.EscalationStep(
                    r.number(), at, reporter.or(() -> Optional.of(subject)), "again", excerpt));
            List<Outbound> out = new ArrayList<>();
            if (r.state() == EscalationState.WATCH) {
                if (finding.urgency().isUrgent()) {
                    Escalation raised = r.withFinding(finding.category(), finding.severity(), finding.basis(), excerpt)
                            .with(EscalationState.OPEN, 0, 0, Optional.empty(), at);
                    changes.add(new StateChange.EscalationStep(
                            r.number(), at, Optional.empty(), "raised", finding.basis()));
                    notifyLevel(r, raised, levels(r.chat()), at, changes, out);
                }
                // a further 留意 message is in the timeline and the list: no message for it
            } else if (r.state() == EscalationState.UNACKNOWLEDGED) {
                // nobody is being messaged any more: without this the new words would reach nobody
                notifyLevel(
                        r,
                        r.with(EscalationState.OPEN, 0, 0, Optional.empty(), at),
                        levels(r.chat()),
                        at,
                        changes,
                        out);
            } else if (r.owner().isPresent()) {
                out.add(new Outbound.PrivateMessage(
                        r.owner().get(), texts.get("escalation.again", r.number(), where(r), subjectName(r), excerpt)));
            }
            return new Outcome(changes, out);
        }
        long number = ports.escalations().nextNumber();
        boolean urgent = finding.urgency().isUrgent();
        Escalation e = new Escalation(
                number,
                chat,
                subject,
                finding.category(),
                finding.severity(),
                finding.basis(),
                excerpt,
                urgent ? EscalationState.OPEN : EscalationState.WATCH,
                0,
                0,
                Optional.empty(),
                at,
                at);
        changes.add(new StateChange.EscalationStep(number, at, reporter, urgent ? "opened" : "watch", excerpt));
        List<Outbound> out = new ArrayList<>();
        if (urgent) {
            notifyLevel(null, e, levels(chat), at, changes, out);
        } else {
            List<List<UserId>> levels = levels(chat);
            if (levels.isEmpty()) {
                changes.add(0, new StateChange.EscalationSaved(e));
                changes.add(new StateChange.EscalationStep(number, at, Optional.empty(), "nobody-to-notify", ""));
            } else {
                sendNotes(null, e, levels.get(0), at, changes, out);
            }
        }
        return new Outcome(changes, out);
    }

    /** Why {@code by} may not act on escalation {@code number} (it does not exist, or is not theirs); empty if they may. */
    private Optional<Reply> refusalToAct(Optional<Escalation> found, long number, UserId by) {
        if (found.isEmpty()) {
            return Optional.of(Reply.refused(texts.get("escalation.notFound", number)));
        }
        if (!mayAct(found.get(), by)) {
            return Optional.of(Reply.refused(texts.get("escalation.notYours", number)));
        }
        return Optional.empty();
    }

    /**
     * A 留意 note raised to 紧急 by someone who may act on it (the note's button, /升为紧急): the normal cards and chain
     * start from the first level.
     */
    public Reply raise(long number, UserId by, Instant at, Optional<String> responseCode) {
        Optional<Escalation> found = ports.escalations().find(number);
        Optional<Reply> refused = refusalToAct(found, number, by);
        if (refused.isPresent()) {
            return refused.get();
        }
        Escalation e = found.get();
        if (e.state() == EscalationState.RESOLVED) {
            return withCardLabel(Reply.text(texts.get("escalation.alreadyResolved", number)), by, responseCode, "已解决");
        }
        if (e.state() != EscalationState.WATCH) {
            return withCardLabel(Reply.text(texts.get("escalation.alreadyUrgent", number)), by, responseCode, "已是紧急");
        }
        List<StateChange> changes = new ArrayList<>();
        List<Outbound> out = new ArrayList<>();
        changes.add(new StateChange.EscalationStep(number, at, Optional.of(by), "raised", ""));
        Escalation raised = e.with(EscalationState.OPEN, 0, 0, Optional.empty(), at);
        List<List<UserId>> levels = levels(e.chat());
        notifyLevel(e, raised, levels, at, changes, out);
        String who = levels.isEmpty()
                ? texts.get("escalation.raised.nobody")
                : levels.get(0).stream().map(this::nameOf).collect(java.util.stream.Collectors.joining("、"));
        return withCardLabel(
                Reply.text(texts.get("escalation.raised", number, who))
                        .audited(e.chat(), texts.get("audit.escalation.raised", number))
                        .including(new Outcome(changes, out)),
                by,
                responseCode,
                "已升为紧急");
    }

    /** A chain timer fired: if nobody acknowledged since it was set, the next level (or round) is messaged. */
    public Outcome onTimer(TimerFired t) {
        Optional<long[]> parsed = parseSubject(t.subject());
        if (parsed.isEmpty()) {
            return Outcome.nothing();
        }
        Optional<Escalation> found = ports.escalations().find(parsed.get()[0]);
        if (found.isEmpty()
                || found.get().state() != EscalationState.OPEN
                || found.get().updatedAt().toEpochMilli() != parsed.get()[1]) {
            return Outcome.nothing(); // acknowledged, handed over or moved on since: this timer is stale
        }
        Escalation e = found.get();
        List<List<UserId>> levels = levels(e.chat());
        int level = e.level() + 1;
        int round = e.round();
        if (level >= levels.size()) {
            level = 0;
            round++;
        }
        List<StateChange> changes = new ArrayList<>();
        List<Outbound> out = new ArrayList<>();
        Instant at = t.at();
        if (round >= settings.rounds() || levels.isEmpty()) {
            Escalation silent = e.with(EscalationState.UNACKNOWLEDGED, e.level(), e.round(), Optional.empty(), at);
            changes.add(StateChange.EscalationSaved.replacing(e, silent));
            changes.add(new StateChange.EscalationStep(e.number(), at, Optional.empty(), "unacknowledged", ""));
            for (UserId admin : admins(e.chat())) {
                out.add(new Outbound.PrivateMessage(
                        admin,
                        texts.get("escalation.unacknowledged", e.number(), where(e), categoryName(e), subjectName(e))));
            }
            return new Outcome(changes, out);
        }
        Escalation next = e.with(EscalationState.OPEN, level, round, e.owner(), at);
        changes.add(new StateChange.EscalationStep(
                e.number(), at, Optional.empty(), "escalated", "level " + level + ", round " + round));
        notifyLevel(e, next, levels, at, changes, out);
        return new Outcome(changes, out);
    }

    public Reply acknowledge(long number, UserId by, Instant at, Optional<String> responseCode) {
        Optional<Escalation> found = ports.escalations().find(number);
        Optional<Reply> refused = refusalToAct(found, number, by);
        if (refused.isPresent()) {
            return refused.get();
        }
        Escalation e = found.get();
        if (e.state() == EscalationState.RESOLVED) {
            return withCardLabel(Reply.text(texts.get("escalation.alreadyResolved", number)), by, responseCode, "已解决");
        }
        if (e.state() == EscalationState.WATCH) {
            return Reply.refused(texts.get("escalation.watchNoAck", number));
        }
        if (e.state() == EscalationState.ACKNOWLEDGED && e.owner().isPresent()) {
            if (e.owner().get().equals(by)) {
                return withCardLabel(Reply.text(texts.get("escalation.alreadyYours", number)), by, responseCode, "已接手");
            }
            return withCardLabel(
                    Reply.text(texts.get(
                            "escalation.takenBy", number, nameOf(e.owner().get()))),
                    by,
                    responseCode,
                    "已由他人接手");
        }
        Escalation mine = e.with(EscalationState.ACKNOWLEDGED, e.level(), e.round(), Optional.of(by), at);
        Reply reply = Reply.text(texts.get("escalation.acknowledged", number, where(e), subjectName(e)))
                .with(
                        StateChange.EscalationSaved.replacing(e, mine),
                        new StateChange.EscalationStep(number, at, Optional.of(by), "acknowledged", ""))
                .audited(e.chat(), texts.get("audit.escalation.acknowledged", number));
        // the others already messaged in this round can stop
        Set<UserId> told = new LinkedHashSet<>();
        List<List<UserId>> levels = levels(e.chat());
        for (int l = 0; l <= Math.min(e.level(), levels.size() - 1); l++) {
            told.addAll(levels.get(l));
        }
        e.owner().ifPresent(told::add);
        told.remove(by);
        for (UserId other : told) {
            reply = reply.and(
                    new Outbound.PrivateMessage(other, texts.get("escalation.othersStop", number, nameOf(by))));
        }
        return withCardLabel(reply, by, responseCode, "已接手");
    }

    public Reply handOver(long number, UserId by, Member to, Instant at) {
        Optional<Escalation> found = ports.escalations().find(number);
        Optional<Reply> refused = refusalToAct(found, number, by);
        if (refused.isPresent()) {
            return refused.get();
        }
        Escalation e = found.get();
        if (e.state() == EscalationState.RESOLVED) {
            return Reply.refused(texts.get("escalation.alreadyResolved", number));
        }
        if (!authority.callerIn(to.id(), e.chat()).roles().stream().anyMatch(Role::staff)) {
            return Reply.refused(texts.get("escalation.handOverNotStaff", LookupTexts.describe(to)));
        }
        boolean watch = e.state() == EscalationState.WATCH;
        Escalation handed = e.with(
                watch ? EscalationState.WATCH : EscalationState.OPEN, e.level(), e.round(), Optional.of(to.id()), at);
        List<StateChange> changes = new ArrayList<>();
        changes.add(new StateChange.EscalationStep(
                number, at, Optional.of(by), "handed-over", to.id().value()));
        List<Outbound> out = new ArrayList<>();
        if (watch) {
            // a note handed on stays a note: the colleague is asked to keep an eye on it, nothing climbs
            changes.add(0, StateChange.EscalationSaved.replacing(e, handed));
            out.add(note(handed, to.id(), at, 0));
        } else {
            sendCards(e, handed, List.of(to.id()), at, changes, out);
        }
        return Reply.text(texts.get("escalation.handedOver", number, LookupTexts.describe(to)))
                .audited(
                        e.chat(),
                        texts.get("audit.escalation.handedOver", number, to.id().value()))
                .including(new Outcome(changes, out));
    }

    /**
     * What the 转交 button answers: how to type it, with a real colleague as the example (another member of the first
     * level of the chain, else of any level), by the name the command understands.
     */
    public Reply handOverHow(long number, UserId by) {
        Optional<Escalation> found = ports.escalations().find(number);
        if (found.isEmpty()) {
            return Reply.refused(texts.get("escalation.notFound", number));
        }
        Optional<UserId> colleague = levels(found.get().chat()).stream()
                .flatMap(List::stream)
                .filter(m -> !m.equals(by))
                .findFirst();
        if (colleague.isEmpty()) {
            return Reply.text(texts.get("escalation.handOverHow.noColleague", number));
        }
        String name = memberOf(colleague.get(), found.get().chat())
                .map(Member::displayName)
                .orElse(colleague.get().value());
        return Reply.text(texts.get("escalation.handOverHow", number, name));
    }

    /**
     * 有用 or 误报 from someone who received the card or note (in its chain, or its group's social worker or admin):
     * stored with the words the detector read and what it said about them, audited; the card's button says it was
     * noted. It changes nothing else: a false alarm is still closed with /解决.
     */
    public Reply feedback(long number, UserId by, Feedback verdict, Instant at, Optional<String> responseCode) {
        Optional<Escalation> found = ports.escalations().find(number);
        Optional<Reply> refused = refusalToAct(found, number, by);
        if (refused.isPresent()) {
            return refused.get();
        }
        Escalation e = found.get();
        var given = new StateChange.FeedbackGiven(
                number,
                by,
                verdict,
                at,
                e.excerpt(),
                CrisisText.normalise(e.excerpt()),
                e.category(),
                e.severity(),
                e.basis(),
                e.urgent());
        String key = verdict == Feedback.FALSE_ALARM ? "escalation.feedback.falseAlarm" : "escalation.feedback.useful";
        boolean open = e.state() != EscalationState.RESOLVED;
        Reply reply = Reply.text(texts.get(key, number, open ? texts.get("escalation.feedback.stillOpen", number) : ""))
                .with(given, new StateChange.EscalationStep(number, at, Optional.of(by), "feedback", verdict.name()))
                .audited(e.chat(), texts.get("audit.escalation.feedback", number, verdict.chineseName()));
        return withCardLabel(reply, by, responseCode, "已记为" + verdict.chineseName());
    }

    public Reply resolve(long number, UserId by, String result, Instant at) {
        Optional<Escalation> found = ports.escalations().find(number);
        if (found.isEmpty()) {
            return Reply.refused(texts.get("escalation.notFound", number));
        }
        Escalation e = found.get();
        boolean owner = e.owner().filter(by::equals).isPresent();
        if (!owner && !authority.callerIn(by, e.chat()).can(Role.SOCIAL_WORKER)) {
            return Reply.refused(texts.get("escalation.onlyOwnerResolves", number));
        }
        if (e.state() == EscalationState.RESOLVED) {
            return Reply.text(texts.get("escalation.alreadyResolved", number));
        }
        Escalation done = e.with(EscalationState.RESOLVED, e.level(), e.round(), Optional.of(by), at);
        return Reply.text(texts.get("escalation.resolved", number))
                .with(
                        StateChange.EscalationSaved.replacing(e, done),
                        new StateChange.EscalationStep(number, at, Optional.of(by), "resolved", result))
                .audited(e.chat(), texts.get("audit.escalation.resolved", number));
    }

    /** Unresolved escalations the member may act on, newest first. */
    public List<Escalation> visibleTo(UserId member, int limit) {
        java.util.Map<Optional<ChatId>, List<List<UserId>>> chains = new java.util.HashMap<>();
        return ports.escalations().unresolved(200).stream()
                .filter(e -> mayAct(e, member, chains.computeIfAbsent(e.chat(), this::levels)))
                .limit(limit)
                .toList();
    }

    public String line(Escalation e) {
        return texts.get(
                "escalation.line",
                e.number(),
                TIME.format(e.openedAt().atZone(zone)),
                where(e),
                categoryName(e),
                e.state().chineseName(),
                e.owner().map(this::nameOf).orElse("—"));
    }

    /** Whether the member is in the escalation's chain, or a social worker or admin of its group. */
    public boolean mayAct(Escalation e, UserId member) {
        return mayAct(e, member, levels(e.chat()));
    }

    private boolean mayAct(Escalation e, UserId member, List<List<UserId>> levels) {
        if (e.owner().filter(member::equals).isPresent()) {
            return true;
        }
        if (levels.stream().anyMatch(l -> l.contains(member))) {
            return true;
        }
        return authority.callerIn(member, e.chat()).can(Role.SOCIAL_WORKER);
    }

    /** The chain's levels for a group (see the class comment). */
    public List<List<UserId>> levels(Optional<ChatId> chat) {
        List<Role> chain = chat.flatMap(ports.groups()::findByChat)
                .flatMap(g -> types.byCode(g.typeCode()))
                .map(GroupType::escalationChain)
                .filter(c -> !c.isEmpty())
                .orElse(DEFAULT_CHAIN);
        List<RoleGrant> grants = ports.roles().grantsIn(chat);
        List<List<UserId>> levels = new ArrayList<>();
        Set<UserId> placed = new LinkedHashSet<>();
        for (Role role : chain) {
            Set<UserId> here = new LinkedHashSet<>();
            Set<UserId> everywhere = new LinkedHashSet<>();
            for (RoleGrant g : grants) {
                if (g.role() == role) {
                    (g.everywhere() ? everywhere : here).add(g.member());
                }
            }
            if (role == Role.ADMIN) {
                everywhere.addAll(authority.configuredAdmins());
            }
            for (Set<UserId> level : List.of(here, everywhere)) {
                level.removeAll(placed);
                if (!level.isEmpty()) {
                    levels.add(List.copyOf(level));
                    placed.addAll(level);
                }
            }
        }
        return levels;
    }

    /** @param read the escalation as stored before this decision; null for a new one */
    private void notifyLevel(
            Escalation read,
            Escalation e,
            List<List<UserId>> levels,
            Instant at,
            List<StateChange> changes,
            List<Outbound> out) {
        if (levels.isEmpty()) {
            // nobody holds a role of the chain: flagged at once, nobody to message
            Escalation nobody = e.with(EscalationState.UNACKNOWLEDGED, 0, e.round(), Optional.empty(), at);
            changes.add(0, saved(read, nobody));
            changes.add(new StateChange.EscalationStep(e.number(), at, Optional.empty(), "nobody-to-notify", ""));
            return;
        }
        sendCards(read, e, levels.get(Math.min(e.level(), levels.size() - 1)), at, changes, out);
    }

    private static StateChange.EscalationSaved saved(Escalation read, Escalation changed) {
        return read == null
                ? new StateChange.EscalationSaved(changed)
                : StateChange.EscalationSaved.replacing(read, changed);
    }

    /**
     * 紧急 cards to the recipients, at once: never held here (the delivery keeps a reserve of each recipient's WeCom
     * budget for them). Each card says how many other 紧急 escalations the recipient still has to take.
     */
    private void sendCards(
            Escalation read,
            Escalation e,
            List<UserId> recipients,
            Instant at,
            List<StateChange> changes,
            List<Outbound> out) {
        Escalation stamped = e.with(e.state(), e.level(), e.round(), e.owner(), at);
        changes.add(0, saved(read, stamped));
        List<Escalation> waiting = waitingUrgent(e.number());
        java.util.Map<Optional<ChatId>, List<List<UserId>>> chains = new java.util.HashMap<>();
        List<String> now = new ArrayList<>();
        int i = 0;
        for (UserId to : recipients) {
            long others = waiting.stream()
                    .filter(w -> w.owner().isEmpty() || w.owner().get().equals(to))
                    .filter(w -> mayAct(w, to, chains.computeIfAbsent(w.chat(), this::levels)))
                    .count();
            out.add(card(e, to, at, i++, others));
            now.add(to.value());
        }
        if (!now.isEmpty()) {
            changes.add(new StateChange.EscalationStep(
                    e.number(), at, Optional.empty(), "notified", String.join(",", now)));
        }
        changes.add(new StateChange.TimerSet(
                TIMER, "esc:" + e.number() + ":" + at.toEpochMilli(), at.plus(settings.ackTimeout())));
    }

    /** 紧急 escalations nobody has taken yet (besides {@code except}): what a card counts as still waiting. */
    private List<Escalation> waitingUrgent(long except) {
        return ports.escalations().unresolved(200).stream()
                .filter(w -> w.number() != except)
                .filter(w -> w.state() == EscalationState.OPEN || w.state() == EscalationState.UNACKNOWLEDGED)
                .toList();
    }

    /**
     * 留意 notes to the recipients: at once within each one's budget of the window; beyond it they are held and sent
     * together at the window's end (a flood of notes would drown the 紧急 cards). No timer: nobody has to take a note.
     */
    private void sendNotes(
            Escalation read,
            Escalation e,
            List<UserId> recipients,
            Instant at,
            List<StateChange> changes,
            List<Outbound> out) {
        Escalation stamped = e.with(e.state(), e.level(), e.round(), e.owner(), at);
        changes.add(0, saved(read, stamped));
        List<String> now = new ArrayList<>();
        List<String> held = new ArrayList<>();
        int i = 0;
        for (UserId to : recipients) {
            if (settings.coalesceWindow().isZero()) {
                out.add(note(e, to, at, i++));
                now.add(to.value());
                continue;
            }
            Optional<Escalations.Pager> pager = ports.escalations().pagerOf(to);
            Optional<Long> version = pager.map(Escalations.Pager::version);
            boolean inWindow = pager.isPresent() && at.isBefore(pager.get().quietUntil());
            if (inWindow && pager.get().sent() >= settings.noteBudget()) {
                // the budget of this window is spent: this note waits for the window's end, with any others
                Instant until = pager.get().quietUntil();
                changes.add(new StateChange.PagerSaved(to, until, pager.get().sent(), version));
                changes.add(new StateChange.NoticeHeld(to, e.number(), at));
                changes.add(new StateChange.TimerSet(DIGEST, digestSubject(to, until), until));
                held.add(to.value());
                continue;
            }
            out.add(note(e, to, at, i++));
            changes.add(
                    inWindow
                            ? new StateChange.PagerSaved(
                                    to, pager.get().quietUntil(), pager.get().sent() + 1, version)
                            : new StateChange.PagerSaved(to, at.plus(settings.coalesceWindow()), 1, version));
            now.add(to.value());
        }
        if (!now.isEmpty()) {
            changes.add(new StateChange.EscalationStep(
                    e.number(), at, Optional.empty(), "notified", String.join(",", now)));
        }
        if (!held.isEmpty()) {
            changes.add(
                    new StateChange.EscalationStep(e.number(), at, Optional.empty(), "held", String.join(",", held)));
        }
    }

    private Outbound.EscalationCard card(Escalation e, UserId to, Instant at, int i, long othersWaiting) {
        String title = texts.get("escalation.card.title", e.number(), categoryName(e));
        String description = texts.get(
                "escalation.card.description",
                where(e),
                subjectName(e),
                TIME.format(e.openedAt().atZone(zone)),
                basisLine(e),
                e.excerpt(),
                e.number(),
                othersWaiting == 0 ? "" : texts.get("escalation.card.othersWaiting", othersWaiting));
        return new Outbound.EscalationCard(to, e.number(), title, description, taskId(e, at, i));
    }

    private Outbound.WatchNote note(Escalation e, UserId to, Instant at, int i) {
        String title = texts.get("escalation.note.title", e.number(), categoryName(e));
        String description = texts.get(
                "escalation.note.description",
                where(e),
                subjectName(e),
                TIME.format(e.openedAt().atZone(zone)),
                basisLine(e),
                e.excerpt(),
                e.number());
        return new Outbound.WatchNote(to, e.number(), title, description, taskId(e, at, i));
    }

    private String basisLine(Escalation e) {
        return e.basis().isBlank() ? "" : texts.get("escalation.basis", e.basis());
    }

    private static String taskId(Escalation e, Instant at, int i) {
        return TASK_PREFIX + "_" + e.number() + "_" + at.toEpochMilli() + "_" + i;
    }

    /**
     * A member's window of 留意 notes closed with notes held for them: those still 留意 (not raised, not resolved) go out
     * now, one note for one, one summary for several; the window opens again from now.
     */
    public Outcome onDigest(TimerFired t) {
        String subject = t.subject();
        int first = subject.indexOf(':');
        int last = subject.lastIndexOf(':');
        if (!subject.startsWith("digest:") || first == last) {
            return Outcome.nothing();
        }
        UserId member = UserId.of(subject.substring(first + 1, last));
        Instant at = t.at();
        List<StateChange> changes = new ArrayList<>();
        changes.add(new StateChange.NoticesReleased(member, at));
        List<Escalation> waiting = ports.escalations().heldFor(member).stream()
                .distinct()
                .map(ports.escalations()::find)
                .flatMap(Optional::stream)
                .filter(e -> e.state() == EscalationState.WATCH)
                .toList();
        if (waiting.isEmpty()) {
            return new Outcome(changes, List.of());
        }
        List<Outbound> out = new ArrayList<>();
        if (waiting.size() == 1) {
            out.add(note(waiting.get(0), member, at, 0));
        } else {
            List<String> lines = waiting.stream()
                    .map(e -> texts.get(
                            "escalation.digest.line",
                            e.number(),
                            where(e),
                            categoryName(e),
                            subjectName(e),
                            org.sanshe.bot.core.engine.AuditDetails.cut(e.excerpt(), 40)))
                    .toList();
            out.add(new Outbound.PrivateMessage(
                    member, texts.get("escalation.digest", waiting.size(), String.join("\n", lines))));
        }
        Optional<Long> version = ports.escalations().pagerOf(member).map(Escalations.Pager::version);
        changes.add(new StateChange.PagerSaved(member, at.plus(settings.coalesceWindow()), 1, version));
        for (Escalation e : waiting) {
            changes.add(new StateChange.EscalationStep(
                    e.number(), at, Optional.empty(), "notified", member.value() + " (合并)"));
        }
        return new Outcome(changes, out);
    }

    private static String digestSubject(UserId member, Instant until) {
        return "digest:" + member.value() + ":" + until.toEpochMilli();
    }

    /** The escalation number a card's task id carries ({@code esc_<number>_…}). */
    public static Optional<Long> numberOfTask(String taskId) {
        String[] parts = taskId.split("_");
        if (parts.length < 2 || !parts[0].equals(TASK_PREFIX) || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[1]));
    }

    private static Optional<long[]> parseSubject(String subject) {
        String[] parts = subject.split(":");
        if (parts.length != 3
                || !parts[0].equals("esc")
                || !parts[1].matches("\\d{1,18}")
                || !parts[2].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
    }

    private Reply withCardLabel(Reply reply, UserId by, Optional<String> responseCode, String label) {
        return responseCode
                .map(code -> reply.and(new Outbound.CardUpdate(by, code, label)))
                .orElse(reply);
    }

    private List<UserId> admins(Optional<ChatId> chat) {
        Set<UserId> admins = new LinkedHashSet<>(authority.configuredAdmins());
        ports.roles().grantsIn(chat).stream()
                .filter(g -> g.role() == Role.ADMIN)
                .forEach(g -> admins.add(g.member()));
        return List.copyOf(admins);
    }

    private String where(Escalation e) {
        if (e.chat().isEmpty()) {
            return texts.get("escalation.privateChat");
        }
        ChatId chat = e.chat().get();
        return ports.groups()
                .findByChat(chat)
                .map(g -> "「" + g.name() + "」")
                .orElseGet(() -> texts.get("escalation.unregisteredGroup", tail(chat.value())));
    }

    /** The last characters of an id, enough to tell chats apart in a message. */
    private static String tail(String id) {
        return id.length() <= 6 ? id : "…" + id.substring(id.length() - 6);
    }

    /** The person as staff know them: group nickname or WeCom name, the id as a tail (「3栋1202-自住（res-3-1202）」). */
    private String subjectName(Escalation e) {
        return describe(e.subject(), e.chat());
    }

    private String nameOf(UserId member) {
        return describe(member, Optional.empty());
    }

    private String describe(UserId member, Optional<ChatId> chat) {
        return memberOf(member, chat).map(LookupTexts::describe).orElse(member.value());
    }

    /** The member with a name: as they are known in the chat, else in any group. */
    private Optional<Member> memberOf(UserId member, Optional<ChatId> chat) {
        return chat.flatMap(c -> ports.members().membersOf(c).stream()
                        .filter(m -> m.id().equals(member) && !m.displayName().equals(member.value()))
                        .findFirst())
                .or(() -> ports.members().named(member));
    }

    private String categoryName(Escalation e) {
        String key = "category." + e.category();
        return texts.has(key) ? texts.get(key) : e.category();
    }
}
