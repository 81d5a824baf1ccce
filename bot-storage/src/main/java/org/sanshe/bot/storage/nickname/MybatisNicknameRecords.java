package org.sanshe.bot.storage.nickname;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.port.NicknameRecords;
import org.sanshe.bot.storage.crypt.FieldCipher;

/**
 * Nickname records on MySQL/MariaDB or H2, written in the dispatcher's commit. Not cached: a group's reads are decided
 * in its order, and each ends its batch, so the next read sees them.
 */
public final class MybatisNicknameRecords implements NicknameRecords {
    private final NicknameMapper mapper;
    private final FieldCipher cipher;

    public MybatisNicknameRecords(NicknameMapper mapper, FieldCipher cipher) {
        this.mapper = mapper;
        this.cipher = cipher;
    }

    @Override
    public Map<UserId, NicknameRecord> in(ChatId chat) {
        Map<UserId, NicknameRecord> all = new LinkedHashMap<>();
        for (NicknameMapper.Row r : mapper.in(chat.value())) {
            all.put(UserId.of(r.member()), record(r));
        }
        return all;
    }

    @Override
    public Map<ChatId, NicknameRecord> of(UserId member) {
        Map<ChatId, NicknameRecord> all = new LinkedHashMap<>();
        for (NicknameMapper.Row r : mapper.ofMember(member.value())) {
            all.put(ChatId.of(r.member()), record(r)); // the row's member column holds the chat id here
        }
        return all;
    }

    @Override
    public Optional<Instant> lastDraft(ChatId chat) {
        return Optional.ofNullable(mapper.lastDraft(chat.value())).map(Instant::ofEpochMilli);
    }

    /** @return false when the change is not a nickname record's */
    public boolean apply(StateChange change) {
        if (change instanceof StateChange.NicknameDraftMade d) {
            mapper.draftMade(d.chat().value(), d.at().toEpochMilli());
            return true;
        }
        if (change instanceof StateChange.NicknameRecorded n) {
            NicknameRecord r = n.record();
            mapper.save(
                    n.chat().value(),
                    new NicknameMapper.Row(
                            n.member().value(),
                            r.nickname().map(cipher::encrypt).orElse(null),
                            r.compliant(),
                            r.householdKey().map(cipher::encrypt).orElse(null),
                            r.since().toEpochMilli(),
                            r.reminders(),
                            r.lastReminded().map(Instant::toEpochMilli).orElse(null),
                            r.flagged(),
                            r.firstSeen().toEpochMilli()));
            return true;
        }
        if (change instanceof StateChange.NicknameForgotten f) {
            mapper.forget(f.chat().value(), f.member().value());
            return true;
        }
        return false;
    }

    private NicknameRecord record(NicknameMapper.Row r) {
        return new NicknameRecord(
                Optional.ofNullable(r.nickname()).map(cipher::decrypt),
                r.compliant(),
                Optional.ofNullable(r.household()).map(cipher::decrypt),
                Instant.ofEpochMilli(r.sinceAt()),
                r.reminders(),
                Optional.ofNullable(r.lastReminded()).map(Instant::ofEpochMilli),
                r.flagged(),
                Instant.ofEpochMilli(r.firstSeen()));
    }
}
