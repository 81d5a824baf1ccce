package org.sanshe.bot.core.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.CommandContext;
import org.sanshe.bot.core.command.CommandRegistry;
import org.sanshe.bot.core.command.Reply;
import org.sanshe.bot.core.engine.guard.ArityGuard;
import org.sanshe.bot.core.engine.guard.CommandRequest;
import org.sanshe.bot.core.engine.guard.Guard;
import org.sanshe.bot.core.engine.guard.ParseGuard;
import org.sanshe.bot.core.engine.guard.RateLimitGuard;
import org.sanshe.bot.core.engine.guard.ResolveCommandGuard;
import org.sanshe.bot.core.engine.guard.RoleGuard;
import org.sanshe.bot.core.engine.guard.ScopeGuard;
import org.sanshe.bot.core.engine.guard.SelfMessageGuard;
import org.sanshe.bot.core.engine.guard.Verdict;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.event.InboundEvent.CardButtonClicked;
import org.sanshe.bot.core.event.InboundEvent.MembersJoined;
import org.sanshe.bot.core.event.InboundEvent.MembersLeft;
import org.sanshe.bot.core.event.InboundEvent.TextReceived;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.port.Groups;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.core.port.RoleGrants;
import org.sanshe.bot.core.text.Texts;

/**
 * Decides what one event means: {@code event + what the ports say -> Outcome}. It sends nothing and writes nothing;
 * the pipeline commits the outcome. Everything it needs comes through ports, so it is fast and testable with fakes.
 */
public final class Engine {
    private final CommandRegistry registry;
    private final Groups groups;
    private final RoleGrants roleGrants;
    private final Texts texts;
    private final BotSettings settings;
    private final List<Guard> guards;

    public Engine(
            CommandRegistry registry,
            Groups groups,
            RoleGrants roleGrants,
            RateLimiter rateLimiter,
            Texts texts,
            BotSettings settings) {
        this.registry = registry;
        this.groups = groups;
        this.roleGrants = roleGrants;
        this.texts = texts;
        this.settings = settings;
        this.guards = List.of(
                new SelfMessageGuard(settings.botIds()),
                new RateLimitGuard(rateLimiter, texts, settings.commandLimit(), settings.commandWindow()),
                new ParseGuard(texts),
                new ResolveCommandGuard(registry, texts),
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
            return new Outcome(seen, List.of());
        }
        if (event instanceof MembersLeft left) {
            return new Outcome(List.of(new StateChange.MembersGone(left.chat(), left.members(), left.at())), List.of());
        }
        if (event instanceof CardButtonClicked || event instanceof TimerFired) {
            // Cards and timers carry no behaviour yet: escalations and shifts add it.
            return Outcome.nothing();
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }

    private Outcome onText(TextReceived event) {
        Optional<ChatId> chat = event.conversation().chat();
        Optional<Group> group = chat.flatMap(groups::findByChat);
        Caller caller = callerOf(event.sender(), chat);

        if (settings.botIds().contains(event.sender())) {
            return Outcome.nothing(); // the bot's own message: not a member, nothing to answer
        }
        List<StateChange> changes = chat.<List<StateChange>>map(
                        c -> List.of(new StateChange.MemberSeen(c, event.sender(), event.at())))
                .orElse(List.of());

        CommandRequest request = CommandRequest.of(event, caller, group);
        for (Guard guard : guards) {
            Verdict verdict = guard.check(request);
            if (verdict instanceof Verdict.Continue next) {
                request = next.request();
            } else if (verdict instanceof Verdict.Reject reject) {
                return new Outcome(changes, List.of(new Outbound.ReplyInConversation(reject.text())));
            } else {
                return new Outcome(changes, List.of());
            }
        }
        var command = request.command().orElseThrow();
        var context = new CommandContext(event, request.parsed().orElseThrow(), caller, group, texts, registry);
        Reply reply = command.execute(context);
        List<Outbound> outbound =
                reply instanceof Reply.Text t ? List.of(new Outbound.ReplyInConversation(t.text())) : List.of();
        return new Outcome(changes, outbound);
    }

    private Caller callerOf(UserId user, Optional<ChatId> chat) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(roleGrants.rolesOf(user, chat));
        if (settings.admins().contains(user)) {
            roles.add(Role.ADMIN);
        }
        return new Caller(user, roles);
    }
}
