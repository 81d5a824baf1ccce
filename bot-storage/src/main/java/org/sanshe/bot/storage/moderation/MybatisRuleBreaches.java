package org.sanshe.bot.storage.moderation;

import java.time.Instant;
import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.port.RuleBreaches;

/**
 * Rule breaches on MySQL/MariaDB or H2, written in the dispatcher's commit. Not cached: a group's events are decided
 * in order by one worker, and each breach ends its batch, so the next one reads it.
 */
public final class MybatisRuleBreaches implements RuleBreaches {
    private final BreachMapper mapper;

    public MybatisRuleBreaches(BreachMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<Breach> since(ChatId chat, UserId member, Instant since) {
        return mapper.since(chat.value(), member.value(), since.toEpochMilli()).stream()
                .map(r -> new Breach(r.ruleCode(), Instant.ofEpochMilli(r.at()), r.acted(), r.warned()))
                .toList();
    }

    /** @return false when the change is not a breach */
    public boolean apply(StateChange change) {
        if (change instanceof StateChange.BreachRecorded b) {
            mapper.record(b.chat().value(), b.member().value(), b.rule(), b.at().toEpochMilli(), b.acted(), b.warned());
            return true;
        }
        return false;
    }
}
