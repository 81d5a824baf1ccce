package org.sanshe.bot.app.pipeline;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.BotSettings;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.engine.guard.RateLimitGuard;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.sanshe.bot.wecom.translate.Translated;
import org.sanshe.bot.wecom.translate.WeComTranslation;

/**
 * Step 3 of the pipeline for a batch of stored events, in order: translate each back, load the senders' roles with one
 * query, let the core decide, plan the deliveries. It stops at the first event that cannot be decided, so that the
 * events after it in the same chat wait rather than overtake it; and it stops after an event that changed the registry
 * (a role granted, a group bound), so that the events after it are decided once that change is committed.
 */
public final class DecisionStep {
    private final WeComTranslation translation;
    private final Engine engine;
    private final DeliveryPlanner planner;
    private final MybatisGroups directory;
    private final BatchRateLimiter limiter;
    private final BotSettings settings;

    public DecisionStep(
            WeComTranslation translation,
            Engine engine,
            DeliveryPlanner planner,
            MybatisGroups directory,
            BatchRateLimiter limiter,
            BotSettings settings) {
        this.translation = translation;
        this.engine = engine;
        this.planner = planner;
        this.directory = directory;
        this.limiter = limiter;
        this.settings = settings;
    }

    /** The decisions for the events up to the first failure, and that failure if there was one. */
    public record Batch(List<Decision> decisions, Optional<StoredEvent> failed, Optional<RuntimeException> failure) {}

    public Batch decideAll(List<StoredEvent> all) {
        List<Decision> decisions = new ArrayList<>(all.size());
        List<Optional<Translated>> translated = new ArrayList<>(all.size());
        List<Map.Entry<UserId, Optional<ChatId>>> senders = new ArrayList<>();
        List<StoredEvent> events = all;
        for (int i = 0; i < all.size(); i++) {
            StoredEvent e = all.get(i);
            try {
                Optional<Translated> t = translation.translate(e.channel(), e.payload(), e.receivedAt());
                translated.add(t);
                if (t.isPresent() && engine.mayChangeDecisions(t.get().event())) {
                    // the batch ends with this event: what follows is decided (and counted) after its commit
                    events = all.subList(0, i + 1);
                    addSender(senders, t);
                    break;
                }
                addSender(senders, t);
            } catch (RuntimeException ex) {
                translated.add(null); // decided (and failed) again below, in order
            }
        }
        if (!senders.isEmpty()) {
            directory.preloadRoles(senders);
        }
        // every message a member sends the bot counts against the flood limit (the bot's own never reach the guard)
        Map<String, Integer> hits = new HashMap<>();
        for (var sender : senders) {
            if (!settings.botIds().contains(sender.getKey())) {
                hits.merge(RateLimitGuard.keyOf(sender.getKey()), 1, Integer::sum);
            }
        }
        limiter.prepare(hits, settings.commandWindow());
        try {
            return decideInOrder(events, translated, decisions);
        } finally {
            limiter.clear();
        }
    }

    private static void addSender(List<Map.Entry<UserId, Optional<ChatId>>> senders, Optional<Translated> t) {
        t.map(Translated::event)
                .filter(InboundEvent.TextReceived.class::isInstance)
                .map(InboundEvent.TextReceived.class::cast)
                // what the chat archive read was not said to the bot: no command limit to count, no roles to load
                .filter(text -> text.conversation().channel() != Channel.ARCHIVE)
                .ifPresent(text -> senders.add(new AbstractMap.SimpleEntry<>(
                        text.sender(), text.conversation().chat())));
    }

    private Batch decideInOrder(
            List<StoredEvent> events, List<Optional<Translated>> translated, List<Decision> decisions) {
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            try {
                Optional<Translated> t = translated.get(i) != null
                        ? translated.get(i)
                        : translation.translate(e.channel(), e.payload(), e.receivedAt());
                Decision d = decide(e, t);
                decisions.add(d);
                if (i < events.size() - 1 && d.changes().stream().anyMatch(StateChange::changesDecisions)) {
                    // a grant, a binding, a /切换: what follows must be decided after it is committed
                    return new Batch(decisions, Optional.empty(), Optional.empty());
                }
            } catch (RuntimeException ex) {
                return new Batch(decisions, Optional.of(e), Optional.of(ex));
            }
        }
        return new Batch(decisions, Optional.empty(), Optional.empty());
    }

    private Decision decide(StoredEvent stored, Optional<Translated> translated) {
        if (translated.isEmpty()) {
            return new Decision(stored.id(), List.of(), List.of());
        }
        Outcome outcome = engine.decide(translated.get().event());
        List<OutboxMessage> messages = planner.plan(translated.get(), outcome.outbound());
        return new Decision(stored.id(), outcome.changes(), messages);
    }
}
