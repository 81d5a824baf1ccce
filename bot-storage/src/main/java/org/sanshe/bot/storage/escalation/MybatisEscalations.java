package org.sanshe.bot.storage.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.escalation.Escalation;
import org.sanshe.bot.core.escalation.EscalationState;
import org.sanshe.bot.core.port.Escalations;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalations on MySQL/MariaDB or H2: not cached, because a second instance must see an acknowledgement at once. The
 * excerpt and step details are encrypted. Writes happen in the dispatcher's commit ({@link #apply}).
 */
public final class MybatisEscalations implements Escalations {
    private final EscalationMapper mapper;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    public MybatisEscalations(EscalationMapper mapper, FieldCipher cipher, TransactionTemplate tx) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.tx = tx;
    }

    @Override
    public Optional<Escalation> find(long number) {
        return Optional.ofNullable(mapper.find(number)).map(this::toEscalation);
    }

    @Override
    public List<Escalation> unresolved(int limit) {
        return mapper.unresolved(limit).stream().map(this::toEscalation).toList();
    }

    @Override
    public Optional<Escalation> unresolvedFor(UserId subject, Optional<ChatId> chat) {
        return Optional.ofNullable(mapper.unresolvedFor(
                        subject.value(), chat.map(ChatId::value).orElse("")))
                .map(this::toEscalation);
    }

    /** The row lock of the UPDATE is held until the SELECT in the same transaction: no two callers get one number. */
    @Override
    public long nextNumber() {
        Long n = tx.execute(status -> {
            mapper.bump("escalation");
            return mapper.current("escalation");
        });
        if (n == null) {
            throw new IllegalStateException("no escalation number");
        }
        return n;
    }

    @Override
    public Optional<Pager> pagerOf(UserId member) {
        return Optional.ofNullable(mapper.pager(member.value()))
                .map(r -> new Pager(Instant.ofEpochMilli(r.quietUntil()), r.sentInWindow(), r.version()));
    }

    @Override
    public List<Long> heldFor(UserId member) {
        return mapper.held(member.value());
    }

    /** @return false when the change is not an escalation's */
    public boolean apply(StateChange change) {
        if (change instanceof StateChange.PagerSaved p) {
            String member = p.member().value();
            long until = p.quietUntil().toEpochMilli();
            boolean stored;
            if (p.readVersion().isEmpty()) {
                try {
                    stored = mapper.openPager(member, until, p.sent()) == 1;
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    stored = false;
                }
            } else {
                stored = mapper.movePager(
                                member, until, p.sent(), p.readVersion().get())
                        == 1;
            }
            if (!stored) {
                // two 留意 notes for one member decided at once: the later is decided again, and may be held
                throw new ConcurrentEscalationChange("the escalation window of a member changed since it was read");
            }
            return true;
        }
        if (change instanceof StateChange.NoticeHeld h) {
            mapper.hold(h.member().value(), h.number(), h.at().toEpochMilli());
            return true;
        }
        if (change instanceof StateChange.NoticesReleased r) {
            mapper.release(r.member().value(), r.at().toEpochMilli());
            return true;
        }
        if (change instanceof StateChange.EscalationSaved s) {
            Escalation e = s.escalation();
            var row = new EscalationMapper.EscalationRow(
                    e.number(),
                    e.chat().map(ChatId::value).orElse(""),
                    e.subject().value(),
                    e.category(),
                    e.severity(),
                    // the column holds 200 characters: a longer reason from the detector must not stop the crisis
                    cut(e.basis(), 200),
                    cipher.encrypt(e.excerpt()),
                    e.state().name(),
                    e.level(),
                    e.round(),
                    e.owner().map(UserId::value).orElse(null),
                    e.openedAt().toEpochMilli(),
                    e.updatedAt().toEpochMilli());
            if (s.replaces().isEmpty()) {
                mapper.save(row);
            } else if (mapper.updateIf(row, s.replaces().get().toEpochMilli()) != 1) {
                // a click and a timer decided at once: roll the whole decision back; it is decided again on fresh state
                throw new ConcurrentEscalationChange(e.number());
            }
            return true;
        }
        if (change instanceof StateChange.FeedbackGiven f) {
            mapper.feedback(new EscalationMapper.FeedbackRow(
                    0,
                    f.number(),
                    f.by().value(),
                    f.verdict().name(),
                    f.at().toEpochMilli(),
                    cipher.encrypt(f.text()),
                    cipher.encrypt(f.normalised()),
                    f.category(),
                    f.severity(),
                    cut(f.basis(), 200),
                    f.urgent()));
            return true;
        }
        if (change instanceof StateChange.EscalationStep s) {
            mapper.step(
                    s.number(),
                    s.at().toEpochMilli(),
                    s.actor().map(UserId::value).orElse(null),
                    s.kind(),
                    cipher.encrypt(s.detail()));
            return true;
        }
        return false;
    }

    /**
     * Feedback given at or after {@code since}, oldest first, at most {@code limit}, the words decrypted: for the
     * administrator's export (which audits the read).
     */
    public List<StateChange.FeedbackGiven> feedbackSince(Instant since, int limit) {
        return mapper.feedbackSince(since.toEpochMilli(), limit).stream()
                .map(r -> new StateChange.FeedbackGiven(
                        r.escalation(),
                        UserId.of(r.member()),
                        org.sanshe.bot.core.escalation.Feedback.valueOf(r.verdict()),
                        Instant.ofEpochMilli(r.at()),
                        cipher.decrypt(r.text()),
                        cipher.decrypt(r.normalised()),
                        r.category(),
                        r.severity(),
                        r.basis(),
                        r.urgent()))
                .toList();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The timeline, oldest first, details decrypted: for the admin board and tests. */
    public List<StateChange.EscalationStep> timeline(long number) {
        return mapper.steps(number).stream()
                .map(r -> new StateChange.EscalationStep(
                        number,
                        Instant.ofEpochMilli(r.at()),
                        Optional.ofNullable(r.actor()).map(UserId::of),
                        r.kind(),
                        cipher.decrypt(r.detail())))
                .toList();
    }

    private Escalation toEscalation(EscalationMapper.EscalationRow r) {
        return new Escalation(
                r.id(),
                r.chatId().isEmpty() ? Optional.empty() : Optional.of(ChatId.of(r.chatId())),
                UserId.of(r.subject()),
                r.category(),
                r.severity(),
                r.basis() == null ? "" : r.basis(),
                cipher.decrypt(r.excerpt()),
                EscalationState.valueOf(r.state()),
                r.chainLevel(),
                r.chainRound(),
                Optional.ofNullable(r.owner()).map(UserId::of),
                Instant.ofEpochMilli(r.openedAt()),
                Instant.ofEpochMilli(r.updatedAt()));
    }

    /** Another decision changed the escalation after this one read it. */
    public static final class ConcurrentEscalationChange extends IllegalStateException {
        ConcurrentEscalationChange(long number) {
            this("escalation " + number + " changed since it was read");
        }

        ConcurrentEscalationChange(String what) {
            super(what);
        }
    }
}
