package org.sanshe.bot.storage.timer;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of stored timers. */
@Mapper
public interface TimerMapper {
    /** A due timer. */
    record DueRow(long id, String timer, String subject, long dueAt) {}

    @Insert("INSERT IGNORE INTO timer (timer, subject, due_at, status, created_at)"
            + " VALUES (#{timer}, #{subject}, #{due}, 'PENDING', #{now})")
    int set(
            @Param("timer") String timer,
            @Param("subject") String subject,
            @Param("due") long due,
            @Param("now") long now);

    @Select("SELECT id, timer, subject, due_at FROM timer WHERE status = 'PENDING' AND due_at <= #{now}"
            + " ORDER BY due_at LIMIT #{limit}")
    List<DueRow> due(@Param("now") long now, @Param("limit") int limit);

    @Update("UPDATE timer SET status = 'FIRED', fired_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int fired(@Param("id") long id, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM timer WHERE status = 'PENDING'")
    long pending();

    /** Fired timers fired before {@code before}, at most {@code limit} of them. */
    @org.apache.ibatis.annotations.Delete(
            "DELETE FROM timer WHERE status = 'FIRED' AND fired_at < #{before} LIMIT #{limit}")
    int prune(@Param("before") long before, @Param("limit") int limit);
}
