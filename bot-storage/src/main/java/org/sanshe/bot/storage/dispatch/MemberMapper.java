package org.sanshe.bot.storage.dispatch;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Group membership as the bot has seen it. Update-then-insert, portable between MySQL and H2. */
@Mapper
public interface MemberMapper {

    @Update("UPDATE group_member SET last_seen_at = GREATEST(last_seen_at, #{at}), left_at = NULL"
            + " WHERE chat_id = #{chat} AND user_id = #{user}")
    int touch(@Param("chat") String chat, @Param("user") String user, @Param("at") long at);

    @Insert("INSERT IGNORE INTO group_member (chat_id, user_id, first_seen_at, last_seen_at)"
            + " VALUES (#{chat}, #{user}, #{at}, #{at})")
    int insert(@Param("chat") String chat, @Param("user") String user, @Param("at") long at);

    @Update("UPDATE group_member SET left_at = #{at} WHERE chat_id = #{chat} AND user_id = #{user}")
    int leave(@Param("chat") String chat, @Param("user") String user, @Param("at") long at);
}
