package org.sanshe.bot.storage.dispatch;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Group membership as the bot has seen it. {@code ON DUPLICATE KEY UPDATE} runs on MySQL and on H2 in MySQL mode. */
@Mapper
public interface MemberMapper {

    /** Every member seen in a batch, in one statement. */
    @Insert("<script>INSERT INTO group_member (chat_id, user_id, first_seen_at, last_seen_at) VALUES"
            + " <foreach item='m' collection='members' separator=','>(#{m.chat}, #{m.user}, #{m.at}, #{m.at})</foreach>"
            + " ON DUPLICATE KEY UPDATE last_seen_at = GREATEST(last_seen_at, VALUES(last_seen_at)), left_at = NULL"
            + "</script>")
    int upsertAll(@Param("members") java.util.List<SeenRow> members);

    /** One member seen at one time, for {@link #upsertAll}. */
    record SeenRow(String chat, String user, long at) {}

    @Update("UPDATE group_member SET left_at = #{at} WHERE chat_id = #{chat} AND user_id = #{user}")
    int leave(@Param("chat") String chat, @Param("user") String user, @Param("at") long at);
}
