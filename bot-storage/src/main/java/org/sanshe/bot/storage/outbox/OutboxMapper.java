package org.sanshe.bot.storage.outbox;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of the outbox. A row is claimed by a conditional update that stamps a claim token and a lease: two workers can
 * never hold one row, and a crashed worker's rows come back when the lease runs out.
 */
@Mapper
public interface OutboxMapper {

    @Insert("<script>INSERT INTO outbox (inbox_id, seq, kind, target, body, status, attempts, next_attempt_at,"
            + " created_at) VALUES <foreach item='r' collection='rows' separator=','>(#{r.inboxId}, #{r.seq},"
            + " #{r.kind}, #{r.target}, #{r.body}, 'PENDING', 0, #{now}, #{now})</foreach></script>")
    int insertAll(@Param("rows") List<NewRow> rows, @Param("now") long now);

    /** A row to insert with {@link #insertAll}; target and body already encrypted. */
    record NewRow(long inboxId, int seq, String kind, String target, String body) {}

    /**
     * Ordered by the index (status, next_attempt_at), not by id: ordering by id made every claim sort the whole
     * backlog, so claims slowed down as the backlog grew. New rows are due when created, so this is still first in,
     * first out.
     */
    @Select("(SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= #{now} ORDER BY next_attempt_at"
            + " LIMIT #{limit}) UNION (SELECT id FROM outbox WHERE status = 'SENDING' AND lease_until < #{now}"
            + " ORDER BY lease_until LIMIT #{limit})")
    List<Long> dueIds(@Param("now") long now, @Param("limit") int limit);

    /**
     * A row whose lease ran out is marked "unanswered: lease ran out": its holder stopped (a crash) after sending or
     * before, nobody knows. last_error is assigned first: MySQL evaluates SET left to right with the new values.
     */
    @Update("<script>UPDATE outbox SET last_error = CASE WHEN status = 'SENDING' THEN 'unanswered: lease ran out'"
            + " ELSE last_error END, status = 'SENDING', claim_token = #{token}, lease_until = #{until},"
            + " attempts = attempts + 1 WHERE id IN <foreach item='id' collection='ids' open='(' separator=','"
            + " close=')'>#{id}</foreach> AND ((status = 'PENDING' AND next_attempt_at &lt;= #{now})"
            + " OR (status = 'SENDING' AND lease_until &lt; #{now}))</script>")
    int claim(
            @Param("ids") List<Long> ids,
            @Param("token") String token,
            @Param("now") long now,
            @Param("until") long until);

    @Select("SELECT id, inbox_id, kind, target, body, attempts, claim_token, last_error FROM outbox WHERE claim_token ="
            + " #{token}"
            + " AND status = 'SENDING' ORDER BY id")
    List<OutboxRow> claimed(@Param("token") String token);

    @Update("UPDATE outbox SET status = 'SENT', sent_at = #{now}, platform_id = #{platformId}, claim_token = NULL,"
            + " lease_until = NULL WHERE id = #{id} AND claim_token = #{token} AND status = 'SENDING'")
    int markSent(
            @Param("id") long id,
            @Param("token") String token,
            @Param("platformId") String platformId,
            @Param("now") long now);

    /** Many deliveries recorded at once; each row only if its claim is still the one this worker holds. */
    @Update("<script>UPDATE outbox SET status = 'SENT', sent_at = #{now}, claim_token = NULL, lease_until = NULL"
            + " WHERE status = 'SENDING' AND id IN <foreach item='id' collection='ids' open='(' separator=','"
            + " close=')'>#{id}</foreach> AND claim_token IN <foreach item='t' collection='tokens' open='('"
            + " separator=',' close=')'>#{t}</foreach></script>")
    int markAllSent(
            @Param("ids") List<Long> ids, @Param("tokens") java.util.Collection<String> tokens, @Param("now") long now);

    @Update("UPDATE outbox SET status = 'PENDING', next_attempt_at = #{next}, last_error = #{error}, claim_token ="
            + " NULL, lease_until = NULL WHERE id = #{id} AND claim_token = #{token} AND status = 'SENDING'")
    int reschedule(
            @Param("id") long id, @Param("token") String token, @Param("next") long next, @Param("error") String error);

    /** A rate-limited row goes back without the attempt counting against it. */
    @Update("UPDATE outbox SET status = 'PENDING', next_attempt_at = #{next}, attempts = attempts - 1, claim_token ="
            + " NULL, lease_until = NULL WHERE id = #{id} AND claim_token = #{token} AND status = 'SENDING'")
    int postpone(@Param("id") long id, @Param("token") String token, @Param("next") long next);

    @Update("UPDATE outbox SET status = 'FAILED', last_error = #{error}, claim_token = NULL, lease_until = NULL"
            + " WHERE id = #{id} AND claim_token = #{token} AND status = 'SENDING'")
    int markFailed(@Param("id") long id, @Param("token") String token, @Param("error") String error);

    @Select("SELECT COUNT(*) FROM outbox WHERE status = #{status}")
    long countByStatus(@Param("status") String status);
}
