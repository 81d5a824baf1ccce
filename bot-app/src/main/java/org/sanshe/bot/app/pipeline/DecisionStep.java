package org.sanshe.bot.app.pipeline;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.sanshe.bot.wecom.translate.Translated;
import org.sanshe.bot.wecom.translate.WeComTranslation;

/** Step 3 of the pipeline for one stored event: translate it back, let the core decide, plan the deliveries. */
public final class DecisionStep {
    private final WeComTranslation translation;
    private final Engine engine;
    private final DeliveryPlanner planner;

    public DecisionStep(WeComTranslation translation, Engine engine, DeliveryPlanner planner) {
        this.translation = translation;
        this.engine = engine;
        this.planner = planner;
    }

    public Decision decide(StoredEvent stored) {
        Optional<Translated> translated =
                translation.translate(stored.channel(), stored.payload(), stored.receivedAt());
        if (translated.isEmpty()) {
            return new Decision(stored.id(), List.of(), List.of());
        }
        Outcome outcome = engine.decide(translated.get().event());
        List<OutboxMessage> messages = planner.plan(translated.get(), outcome.outbound());
        return new Decision(stored.id(), outcome.changes(), messages);
    }
}
