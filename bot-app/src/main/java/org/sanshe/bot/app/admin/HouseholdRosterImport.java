package org.sanshe.bot.app.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.household.RosterCsv;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.port.HouseholdRosters;
import org.sanshe.bot.core.text.Texts;

/**
 * Imports a roster CSV for a group: parsed whole first (a bad row refuses the file, nothing is half-imported), then
 * written with its audit entry in one transaction. Written outside the dispatcher, like the start-up bootstrap: a
 * roster decides nothing the dispatcher orders (only what the next /户数 says), so routing it as an event would add a
 * queue and nothing else.
 */
final class HouseholdRosterImport {
    /** Writes a roster and its audit entry, both or neither ({@code MybatisHouseholdRosters::replace}). */
    interface Writer {
        void replace(StateChange.HouseholdRosterReplaced change, AuditEntry entry);
    }

    private final HouseholdRosters rosters;
    private final Writer writer;
    private final Texts texts;
    private final Clock clock;

    HouseholdRosterImport(HouseholdRosters rosters, Writer writer, Texts texts, Clock clock) {
        this.rosters = rosters;
        this.writer = writer;
        this.texts = texts;
        this.clock = clock;
    }

    /** The outcome: the households imported (per building), or every bad row in words. */
    record Result(boolean changed, List<Household> households, List<String> errors, List<RosterCsv.RowError> rows) {
        boolean ok() {
            return errors.isEmpty();
        }

        Map<String, Integer> perBuilding() {
            Map<String, Integer> count = new LinkedHashMap<>();
            households.forEach(h -> count.merge(h.building(), 1, Integer::sum));
            return count;
        }
    }

    /**
     * @param actor who imports, for the audit ({@code admin-api}, {@code system-config})
     * @param action what the audit calls it
     * @param onlyIfChanged skip the write (and the audit) when the stored roster is the same (the files at each start)
     */
    Result importCsv(ChatId chat, String csv, String actor, String action, boolean onlyIfChanged) {
        RosterCsv.Parse parse = RosterCsv.parse(csv);
        if (!parse.ok()) {
            return new Result(
                    false,
                    List.of(),
                    parse.errors().stream().map(e -> e.describe(texts)).toList(),
                    parse.errors());
        }
        List<Household> households = parse.households();
        if (onlyIfChanged && rosters.of(chat).equals(households)) {
            return new Result(false, households, List.of(), List.of());
        }
        long buildings = households.stream().map(Household::building).distinct().count();
        writer.replace(
                new StateChange.HouseholdRosterReplaced(chat, households, clock.instant()),
                new AuditEntry(
                        clock.instant(),
                        UserId.of(actor),
                        action,
                        Optional.of(chat),
                        AuditEntry.Result.DONE,
                        "共 " + households.size() + " 户，" + buildings + " 栋"));
        return new Result(true, households, List.of(), List.of());
    }
}
