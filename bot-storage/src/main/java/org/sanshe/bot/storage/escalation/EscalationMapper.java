package org.sanshe.bot.storage.escalation;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of escalations, their steps and the number sequence. */
@Mapper
public interface EscalationMapper {
    /** An escalation as stored; the excerpt is ciphertext. */
    record EscalationRow(
            long id,
            String chatId,
            String subject,
            String category,
            int severity,
            String basis,
            String excerpt,
            String state,
            int chainLevel,
            int chainRound,
            String owner,
            long openedAt,
            long updatedAt) {}

    String COLUMNS = "id, chat_id, subject, category, severity, basis, excerpt, state, chain_level, chain_round, owner,"
            + " opened_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM escalation WHERE id = #{id}")
    EscalationRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM escalation WHERE state <> 'RESOLVED' ORDER BY opened_at DESC, id DESC"
            + " LIMIT #{limit}")
    List<EscalationRow> unresolved(@Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM escalation WHERE subject = #{subject} AND chat_id = #{chat}"
            + " AND state <> 'RESOLVED' ORDER BY id DESC LIMIT 1")
    EscalationRow unresolvedFor(@Param("subject") String subject, @Param("chat") String chat);

    @Insert("INSERT INTO escalation (" + COLUMNS + ") VALUES (#{r.id}, #{r.chatId}, #{r.subject}, #{r.category},"
            + " #{r.severity}, #{r.basis}, #{r.excerpt}, #{r.state}, #{r.chainLevel}, #{r.chainRound}, #{r.owner}, #{r.openedAt},"
            + " #{r.updatedAt}) ON DUPLICATE KEY UPDATE state = VALUES(state), chain_level = VALUES(chain_level),"
            + " chain_round = VALUES(chain_round), owner = VALUES(owner), updated_at = VALUES(updated_at)")
    int save(@Param("r") EscalationRow row);

    /**
     * Changes an escalation only if it is still at the version the decision read; 0 rows: someone changed it since. The
     * finding too: a 留意 note raised by a 紧急 message takes that message's category, reason and words.
     */
    @Update("UPDATE escalation SET category = #{r.category}, severity = #{r.severity}, basis = #{r.basis},"
            + " excerpt = #{r.excerpt}, state = #{r.state}, chain_level = #{r.chainLevel}, chain_round = #{r.chainRound},"
            + " owner = #{r.owner}, updated_at = #{r.updatedAt} WHERE id = #{r.id} AND updated_at = #{expected}")
    int updateIf(@Param("r") EscalationRow row, @Param("expected") long expected);

    @Insert("INSERT INTO escalation_step (escalation, at, actor, kind, detail)"
            + " VALUES (#{escalation}, #{at}, #{actor}, #{kind}, #{detail})")
    int step(
            @Param("escalation") long escalation,
            @Param("at") long at,
            @Param("actor") String actor,
            @Param("kind") String kind,
            @Param("detail") String detail);

    /** A step as stored; the detail is ciphertext. */
    record StepRow(long at, String actor, String kind, String detail) {}

    @Select("SELECT at, actor, kind, detail FROM escalation_step WHERE escalation = #{id} ORDER BY id")
    List<StepRow> steps(@Param("id") long id);

    @Update("UPDATE sequence_counter SET next_value = next_value + 1 WHERE name = #{name}")
    int bump(@Param("name") String name);

    @Select("SELECT next_value FROM sequence_counter WHERE name = #{name}")
    long current(@Param("name") String name);

    /** A member's window of 留意 notes: until when, how many went out at once in it, and its version. */
    record PagerRow(long quietUntil, int sentInWindow, long version) {}

    @Select("SELECT quiet_until, sent_in_window, version FROM escalation_pager WHERE member = #{member}")
    PagerRow pager(@Param("member") String member);

    /** A new window; a duplicate key means another decision opened one since this one read none. */
    @Insert("INSERT INTO escalation_pager (member, quiet_until, sent_in_window, version)"
            + " VALUES (#{member}, #{until}, #{sent}, 1)")
    int openPager(@Param("member") String member, @Param("until") long until, @Param("sent") int sent);

    /** Moves (or confirms) a window only if it is still at the version read; 0 rows: changed since. */
    @Update("UPDATE escalation_pager SET quiet_until = #{until}, sent_in_window = #{sent}, version = version + 1"
            + " WHERE member = #{member} AND version = #{version}")
    int movePager(
            @Param("member") String member,
            @Param("until") long until,
            @Param("sent") int sent,
            @Param("version") long version);

    @Insert("INSERT INTO escalation_notice (member, escalation, held_at) VALUES (#{member}, #{escalation}, #{at})")
    int hold(@Param("member") String member, @Param("escalation") long escalation, @Param("at") long at);

    @Select("SELECT escalation FROM escalation_notice WHERE member = #{member} AND released_at IS NULL ORDER BY id")
    List<Long> held(@Param("member") String member);

    @Update("UPDATE escalation_notice SET released_at = #{at} WHERE member = #{member} AND released_at IS NULL")
    int release(@Param("member") String member, @Param("at") long at);

    /** A feedback row as stored; text and normalised are ciphertext. */
    record FeedbackRow(
            long id,
            long escalation,
            String member,
            String verdict,
            long at,
            String text,
            String normalised,
            String category,
            int severity,
            String basis,
            boolean urgent) {}

    @Insert("INSERT INTO escalation_feedback (escalation, member, verdict, at, text, normalised, category, severity,"
            + " basis, urgent) VALUES (#{r.escalation}, #{r.member}, #{r.verdict}, #{r.at}, #{r.text}, #{r.normalised},"
            + " #{r.category}, #{r.severity}, #{r.basis}, #{r.urgent}) ON DUPLICATE KEY UPDATE verdict = VALUES(verdict),"
            + " at = VALUES(at), text = VALUES(text), normalised = VALUES(normalised), category = VALUES(category),"
            + " severity = VALUES(severity), basis = VALUES(basis), urgent = VALUES(urgent)")
    int feedback(@Param("r") FeedbackRow row);

    @Select("SELECT id, escalation, member, verdict, at, text, normalised, category, severity, basis, urgent"
            + " FROM escalation_feedback WHERE at >= #{since} ORDER BY at, id LIMIT #{limit}")
    List<FeedbackRow> feedbackSince(@Param("since") long since, @Param("limit") int limit);
}
