package org.sanshe.bot.storage.inbox;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the inbox. {@code INSERT IGNORE} makes the unique dedup key the arbiter between concurrent deliveries. */
@Mapper
public interface InboxMapper {

    /** Many callbacks in one statement and one commit: the group commit that lets ingest keep up. */
    @Insert("<script>INSERT IGNORE INTO inbox (dedup_key, channel, ordering_key, part, payload, status, attempts,"
            + " received_at) VALUES <foreach item='r' collection='rows' separator=','>(#{r.dedupKey}, #{r.channel},"
            + " #{r.orderingKey}, #{r.part}, #{r.payload}, 'NEW', 0, #{r.receivedAt})</foreach></script>")
    int insertIgnoreAll(@Param("rows") List<InboxRow> rows);

    /** The partitions that have work, from the (status, part, id) index: one query instead of one per partition. */
    @Select("SELECT DISTINCT part FROM inbox WHERE status = 'NEW'")
    List<Integer> partsWithWork();

    /** Conditional, like {@link #markDone}: answers how many of the rows this call moved to DONE. */
    @Update("<script>UPDATE inbox SET status = 'DONE', done_at = #{now} WHERE status = 'NEW' AND id IN"
            + " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    int markAllDone(@Param("ids") List<Long> ids, @Param("now") long now);

    @Select("SELECT id, dedup_key, channel, ordering_key, part, payload, status, attempts, received_at FROM inbox"
            + " WHERE status = 'NEW' AND part = #{part} ORDER BY id LIMIT #{limit}")
    List<InboxRow> pending(@Param("part") int part, @Param("limit") int limit);

    /** Conditional: a row already done (by another worker whose lease this one took over) is not done twice. */
    @Update("UPDATE inbox SET status = 'DONE', done_at = #{now} WHERE id = #{id} AND status = 'NEW'")
    int markDone(@Param("id") long id, @Param("now") long now);

    /** {@code status} is assigned first: MySQL applies SET assignments left to right, H2 all at once. */
    @Update("UPDATE inbox SET status = CASE WHEN attempts + 1 >= #{maxAttempts} THEN 'FAILED' ELSE status END,"
            + " attempts = attempts + 1, last_error = #{error} WHERE id = #{id} AND status = 'NEW'")
    int recordFailure(@Param("id") long id, @Param("error") String error, @Param("maxAttempts") int maxAttempts);

    @Select("SELECT COUNT(*) FROM inbox WHERE status = #{status}")
    long countByStatus(@Param("status") String status);

    /** Rows not yet decided that arrived at or before a time (the index on status bounds it to the backlog). */
    @Select("SELECT COUNT(*) FROM inbox WHERE status = 'NEW' AND received_at <= #{receivedAt}")
    long countNewUpTo(@Param("receivedAt") long receivedAt);

    @Select("SELECT COUNT(*) FROM inbox WHERE dedup_key = #{key}")
    long countByKey(@Param("key") String key);
}
