package org.sanshe.bot.storage.household;

import java.util.ArrayList;
import java.util.List;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.port.HouseholdRosters;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Household rosters on MySQL/MariaDB or H2. Not cached: a roster is read only for a /户数 report. Imports come from
 * outside the dispatcher (the admin API, the roster files at start) and are written by {@link #replace} in their own
 * transaction together with their audit entry; a replaced roster decides nothing the dispatcher orders, so no event
 * has to wait for it. {@link #apply} also takes the change from a dispatcher commit.
 */
public final class MybatisHouseholdRosters implements HouseholdRosters {
    private static final int BATCH = 500;

    private final HouseholdMapper mapper;
    private final FieldCipher cipher;
    private final MybatisAuditTrail audit;
    private final TransactionTemplate tx;

    public MybatisHouseholdRosters(
            HouseholdMapper mapper, FieldCipher cipher, MybatisAuditTrail audit, TransactionTemplate tx) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public List<Household> of(ChatId chat) {
        List<Household> roster = new ArrayList<>();
        for (String stored : mapper.of(chat.value())) {
            String[] parts = cipher.decrypt(stored).split("-", -1);
            roster.add(new Household(parts[0], parts[1], parts[2]));
        }
        return roster;
    }

    /** Replaces the roster and records the audit entry, both or neither. */
    public void replace(StateChange.HouseholdRosterReplaced change, AuditEntry entry) {
        tx.executeWithoutResult(status -> {
            apply(change);
            audit.record(entry);
        });
    }

    /** @return false when the change is not a roster's */
    public boolean apply(StateChange change) {
        if (!(change instanceof StateChange.HouseholdRosterReplaced r)) {
            return false;
        }
        mapper.clear(r.chat().value());
        List<HouseholdMapper.Row> rows = new ArrayList<>();
        for (Household h : r.households()) {
            rows.add(new HouseholdMapper.Row(rows.size(), cipher.encrypt(h.key())));
        }
        for (int i = 0; i < rows.size(); i += BATCH) {
            mapper.insert(r.chat().value(), rows.subList(i, Math.min(rows.size(), i + BATCH)), r.at().toEpochMilli());
        }
        return true;
    }
}
