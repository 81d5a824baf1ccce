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

    @Insert("INSERT IGNORE INTO inbox (dedup_key, channel, ordering_key, part, payload, status, attempts, received_at)"
            + " VALUES (#{dedupKey}, #{channel}, #{orderingKey}, #{part}, #{payload}, 'NEW', 0, #{receivedAt})")
    int insertIgnore(InboxRow row);

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

    @Select("SELECT COUNT(*) FROM inbox WHERE dedup_key = #{key}")
    long countByKey(@Param("key") String key);
}
