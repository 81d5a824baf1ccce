package org.sanshe.bot.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.command.Authority;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandParser;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.engine.guard.ArityGuard;
import org.sanshe.bot.core.engine.guard.CommandRequest;
import org.sanshe.bot.core.engine.guard.Guard;
import org.sanshe.bot.core.engine.guard.ParseGuard;
import org.sanshe.bot.core.engine.guard.RateLimitGuard;
import org.sanshe.bot.core.engine.guard.ResolveCommandGuard;
import org.sanshe.bot.core.engine.guard.ResolveSubcommandGuard;
import org.sanshe.bot.core.engine.guard.RoleGuard;
import org.sanshe.bot.core.engine.guard.ScopeGuard;
import org.sanshe.bot.core.engine.guard.SelfMessageGuard;
import org.sanshe.bot.core.engine.guard.Verdict;
import org.sanshe.bot.core.escalation.EscalationDesk;
import org.sanshe.bot.core.escalation.Feedback;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.event.InboundEvent.CardButtonClicked;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupLookedUp;
import org.sanshe.bot.core.event.InboundEvent.CustomerGroupRead;
import org.sanshe.bot.core.event.InboundEvent.MembersJoined;
import org.sanshe.bot.core.event.InboundEvent.MembersLeft;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.group.CustomerGroupRegistration;
import org.sanshe.bot.core.moderation.BreachDesk;
import org.sanshe.bot.core.nickname.NicknameDesk;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.port.Ports;
import org.sanshe.bot.core.text.Texts;

/**
 * Decides what one event means: {@code event + what the ports say -> Outcome}. It sends nothing and writes nothing;
 * the pipeline commits the outcome. Everything it needs comes through ports, so it is fast and testable with fakes.
 *
 * <p>Every privileged command (one that needs more than a resident's role) is audited, whether it ran or a guard
 * refused it.
 */
public final class Engine {
    private final CommandRegistry registry;
    private final Ports ports;
    private final GroupTypes types;
    private final Texts texts;
    private final BotSettings settings;
    private final Authority authority;
    private final List<Guard> guards;
    private final CustomerGroupRegistration customerGroups;
    private final CommandParser parser = new CommandParser();
    private final EscalationDesk escalations;
    private final BreachDesk breaches;
    private final NicknameDesk nicknames;

    public Engine(CommandRegistry registry, Ports ports, GroupTypes types, Texts texts, BotSettings settings) {
        this.registry = registry;
        this.ports = ports;
        this.types = types;
        this.texts = texts;
        this.settings = settings;
        this.authority = new Authority(ports.roles(), settings.admins());
        this.customerGroups = new CustomerGroupRegistration(authority, types, texts, ports.groups());
        this.escalations = new EscalationDesk(ports, authority, types, texts, settings.escalation(), settings.zone());
        this.breaches = new BreachDesk(ports, authority, texts, settings.rules());
        this.nicknames = new NicknameDesk(ports, authority, types, texts, settings.nicknames());
        this.guards = List.of(
                new SelfMessageGuard(settings.botIds()),
                new RateLimitGuard(ports.limiter(), texts, settings.commandLimit(), settings.commandWindow()),
                new ParseGuard(texts),
                new ResolveCommandGuard(registry, texts),
                new ResolveSubcommandGuard(texts),
                new RoleGuard(texts),
                new ScopeGuard(texts),
                new ArityGuard(texts));
    }

    public Outcome decide(InboundEvent event) {
        if (event instanceof TextReceived text) {
            return onText(text);
        }
        if (event instanceof MembersJoined joined) {
            List<StateChange> seen = new ArrayList<>();
            joined.members().forEach(m -> seen.add(new StateChange.MemberSeen(joined.chat(), m, joined.at())));
            return new Outcome(seen, List.of()).plus(nicknames.onJoined(joined));
        }
        if (event instanceof CustomerGroupRead read) {
            return nicknames.onRead(read);
        }
        if (event instanceof MembersLeft left) {
            return new Outcome(List.of(new StateChange.MembersGone(left.chat(), left.members(), left.at())), List.of());
        }
        if (event instanceof CustomerGroupLookedUp lookedUp) {
            Outcome registered = customerGroups.onLookedUp(lookedUp);
            // a group just registered has its members' nicknames checked in a moment, then on the poll
            boolean done = registered.changes().stream().anyMatch(StateChange.GroupRegistered.class::isInstance);
            return done
                    ? registered.plus(
                            new Outcome(List.of(nicknames.readAfterDelay(lookedUp.chat(), lookedUp.at())), List.of()))
                    : registered;
        }
        if (event instanceof CardButtonClicked click) {
            return onCardClick(click);
        }
        if (event instanceof TimerFired timer) {
            return switch (timer.timer()) {
                case EscalationDesk.TIMER -> escalations.onTimer(timer);
                case EscalationDesk.DIGEST -> escalations.onDigest(timer);
                case NicknameDesk.TIMER -> nicknames.onTimer(timer);
                default -> Outcome.nothing();
            };
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }

    /**
     * Whether deciding this event may change how the events after it are decided: a command that changes the registry
     * or a customer group's details. Cheap (parses, does not ask the ports), so the pipeline can ask before deciding.
     */
    public boolean mayChangeDecisions(InboundEvent event) {
        if (event instanceof CustomerGroupLookedUp) {
            return true;
        }
        if (!(event instanceof TextReceived text)
                || text.conversation().channel() == Channel.ARCHIVE
                || settings.botIds().contains(text.sender())) {
            return false;
        }
        return parser.parse(text.text())
                .flatMap(p -> registry.find(p.name()))
                .map(c -> c.changesRegistry())
                .orElse(false);
    }

    private Outcome onText(TextReceived event) {
        if (settings.botIds().contains(event.sender())) {
            return Outcome.nothing(); // the bot's own message: not a member, nothing to answer
        }
        Optional<ChatId> chat = event.conversation().chat();
        List<StateChange> changes = new ArrayList<>();
        chat.ifPresent(c -> changes.add(new StateChange.MemberSeen(c, event.sender(), event.at())));

        // in a group, the group; in a private chat, the group the member chose with /切换, if it is still registered
        Optional<Group> group;
        boolean fromContext = false;
        if (chat.isPresent()) {
            group = ports.groups().findByChat(chat.get());
        } else {
            group = ports.contexts().current(event.sender()).flatMap(ports.groups()::findByChat);
            fromContext = group.isPresent();
        }
        Optional<ChatId> actingChat = chat.isPresent() ? chat : group.map(Group::chat);

        // every message that is not a command is read for crisis signs and rule breaches, before anything else
        if (parser.parse(event.text()).isEmpty()) {
            Optional<Outcome> read = readContent(event, chat, group, actingChat);
            if (read.isPresent()) {
                return new Outcome(changes, List.of()).plus(read.get());
            }
        }
        if (event.conversation().channel() == Channel.ARCHIVE) {
            // read after the fact from the chat archive: the bot was not addressed and cannot answer there, so a
            // command is not run, and nothing said there counts against the member's command limit
            return new Outcome(changes, List.of());
        }
        // in a private chat without a chosen group, every role held anywhere: the commands that act on a group (a named
        // [群], an escalation's group) check the rights there themselves
        Caller caller = actingChat.isEmpty()
                ? authority.callerAnywhere(event.sender())
                : authority.callerIn(event.sender(), actingChat);

        CommandRequest request = CommandRequest.of(event, caller, group);
        for (Guard guard : guards) {
            Verdict verdict = guard.check(request);
            if (verdict instanceof Verdict.Continue next) {
                request = next.request();
            } else if (verdict instanceof Verdict.Reject reject) {
                if (privileged(request)) {
                    // what was tried, not only why it was refused: the arguments as typed (encrypted at rest)
                    String tried = request.parsed()
                            .map(p -> p.rawArgs())
                            .filter(a -> !a.isBlank())
                            .orElse("");
                    String detail = tried.isEmpty()
                            ? reject.text()
                            : AuditDetails.firstLine(reject.text())
                                    + texts.get("audit.tried", AuditDetails.cut(tried, 60));
                    changes.add(audit(request, actingChat, AuditEntry.Result.REFUSED, detail));
                }
                return new Outcome(changes, List.of(new Outbound.ReplyInConversation(reject.text())));
            } else {
                return new Outcome(changes, List.of());
            }
        }
        var command = request.command().orElseThrow();
        var context = new CommandContext(
                event,
                request.parsed().orElseThrow(),
                request.sub(),
                caller,
                group,
                fromContext,
                texts,
                registry,
                ports,
                types,
                authority,
                settings.zone(),
                escalations,
                nicknames);
        Reply reply = command.execute(context);
        changes.addAll(reply.changes());
        if (privileged(request)) {
            String detail = reply.auditDetail().or(reply::text).orElse("");
            AuditEntry.Result result = reply.refused() ? AuditEntry.Result.REFUSED : AuditEntry.Result.DONE;
            changes.add(audit(request, reply.auditChat().orElse(actingChat), result, detail));
        }
        List<Outbound> outbound = new ArrayList<>();
        Optional<String> text = reply.text();
        if (text.isPresent() && !reply.refused() && !event.conversation().isGroup()) {
            // a member whose nickname in a customer group still needs a change hears it with this answer, gently, and
            // only in a private chat: in a group everyone would read it
            var note = nicknames.noteFor(event.sender(), event.at());
            if (note.isPresent()) {
                text = Optional.of(text.get() + "\n\n" + note.get().text());
                changes.addAll(note.get().changes());
            }
        }
        text.ifPresent(t -> outbound.add(new Outbound.ReplyInConversation(t)));
        outbound.addAll(reply.actions());
        return new Outcome(changes, outbound);
    }

    /**
     * Crisis first (生命优先): a 紧急 finding opens an escalation to the group's social workers, a 留意 finding a private
     * note to them; either privately, and never answered in the group. Only in a private chat does the person get an answer, a calm one. A rule breach in a registered group
     * is dealt with privately, never in public ({@link BreachDesk}).
     */
    private Optional<Outcome> readContent(
            TextReceived event, Optional<ChatId> chat, Optional<Group> group, Optional<ChatId> actingChat) {
        ContentScanner.Scan scan = ports.scanner().scan(event.text());
        if (scan.isCrisis()) {
            ContentScanner.Finding top = scan.crisis().get(0);
            // an escalation belongs to a registered group; a private message to the group chosen with /切换, if any
            Optional<ChatId> where = chat.isPresent() ? group.map(Group::chat).or(() -> chat) : actingChat;
            Outcome opened =
                    escalations.open(where, event.sender(), top, excerpt(event.text()), Optional.empty(), event.at());
            if (!event.conversation().isGroup()) {
                // the person who told the bot privately hears that someone will look, never in a group
                String reply = top.urgency().isUrgent() ? "escalation.supportReply" : "escalation.supportReply.watch";
                opened = opened.plus(
                        new Outcome(List.of(), List.of(new Outbound.ReplyInConversation(texts.get(reply)))));
            }
            return Optional.of(opened);
        }
        if (event.conversation().isGroup() && group.isPresent()) {
            return breaches.onMessage(group.get(), event.sender(), event.text(), scan, event.at());
        }
        return Optional.empty();
    }

    private Outcome onCardClick(CardButtonClicked click) {
        Optional<Long> number = EscalationDesk.numberOfTask(click.taskId());
        if (number.isEmpty()) {
            return Outcome.nothing();
        }
        var member = click.conversation().member();
        Reply reply;
        String button;
        switch (click.buttonKey()) {
            case "ack" -> {
                button = "接手按钮";
                reply = escalations.acknowledge(number.get(), member, click.at(), click.responseCode());
            }
            case "raise" -> {
                button = "升为紧急按钮";
                reply = escalations.raise(number.get(), member, click.at(), click.responseCode());
            }
            case "useful" -> {
                button = "有用按钮";
                reply = escalations.feedback(number.get(), member, Feedback.USEFUL, click.at(), click.responseCode());
            }
            case "falsealarm" -> {
                button = "误报按钮";
                reply = escalations.feedback(
                        number.get(), member, Feedback.FALSE_ALARM, click.at(), click.responseCode());
            }
            default -> {
                button = "转交按钮";
                reply = escalations.handOverHow(number.get(), member);
            }
        }
        List<Outbound> out = new ArrayList<>();
        reply.text().ifPresent(t -> out.add(new Outbound.ReplyInConversation(t)));
        out.addAll(reply.actions());
        List<StateChange> changes = new ArrayList<>(reply.changes());
        reply.auditDetail()
                .ifPresent(d -> changes.add(new StateChange.Audited(new AuditEntry(
                        click.at(),
                        member,
                        button,
                        reply.auditChat().orElse(Optional.empty()),
                        reply.refused() ? AuditEntry.Result.REFUSED : AuditEntry.Result.DONE,
                        AuditDetails.shorten(d)))));
        return new Outcome(changes, out);
    }

    /** What an escalation keeps of the message: without leading @mentions, at most 200 characters. */
    static String excerpt(String text) {
        String t = text.strip().replaceFirst("^(@\\S+\\s*)+", "").strip();
        return AuditDetails.cut(t, 200);
    }

    /** A command that needs more than a resident's rights, resolved far enough to know it. */
    private static boolean privileged(CommandRequest request) {
        return request.command().isPresent() && request.requiredRole() != Role.RESIDENT;
    }

    private static StateChange audit(
            CommandRequest request, Optional<ChatId> chat, AuditEntry.Result result, String detail) {
        return new StateChange.Audited(new AuditEntry(
                request.event().at(),
                request.event().sender(),
                request.displayName(),
                chat,
                result,
                AuditDetails.shorten(detail)));
    }
}
