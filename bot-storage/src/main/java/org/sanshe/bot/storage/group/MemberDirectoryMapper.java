package org.sanshe.bot.storage.group;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Members with the names WeCom showed (encrypted), and the group each staff member acts on from a private chat. */
@Mapper
public interface MemberDirectoryMapper {
    /** A member as stored; names are ciphertext. */
    record MemberRow(String userId, String displayName, String groupNickname, String memberKind) {}

    @Select("SELECT user_id, display_name, group_nickname, member_kind FROM group_member"
            + " WHERE chat_id = #{chat} AND left_at IS NULL ORDER BY first_seen_at, user_id")
    List<MemberRow> membersOf(@Param("chat") String chat);

    /** The member's rows that carry a name, where they are still present and most recently seen first. */
    @Select("SELECT user_id, display_name, group_nickname, member_kind FROM group_member WHERE user_id = #{user}"
            + " AND (display_name IS NOT NULL OR group_nickname IS NOT NULL)"
            + " ORDER BY CASE WHEN left_at IS NULL THEN 0 ELSE 1 END, last_seen_at DESC LIMIT 10")
    List<MemberRow> namedRowsOf(@Param("user") String user);

    @Select("SELECT COUNT(*) FROM group_member WHERE user_id = #{user}")
    int countSightings(@Param("user") String user);

    /** A member listed by WeCom, with names already encrypted. */
    record ListedRow(String chat, String user, String name, String nickname, String kind, long at) {}

    @Insert("<script>INSERT INTO group_member (chat_id, user_id, first_seen_at, last_seen_at, display_name,"
            + " group_nickname, member_kind) VALUES <foreach item='m' collection='members' separator=','>"
            + "(#{m.chat}, #{m.user}, #{m.at}, #{m.at}, #{m.name}, #{m.nickname}, #{m.kind})</foreach>"
            + " ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), group_nickname = VALUES(group_nickname),"
            + " member_kind = VALUES(member_kind), last_seen_at = GREATEST(last_seen_at, VALUES(last_seen_at)),"
            + " left_at = NULL</script>")
    int upsertListed(@Param("members") List<ListedRow> members);

    /** Members no longer listed have left. */
    @Update("<script>UPDATE group_member SET left_at = #{at} WHERE chat_id = #{chat} AND left_at IS NULL"
            + "<if test='present.size() > 0'> AND user_id NOT IN <foreach item='u' collection='present' open='('"
            + " separator=',' close=')'>#{u}</foreach></if></script>")
    int leaveAllBut(@Param("chat") String chat, @Param("present") Collection<String> present, @Param("at") long at);

    @Select("SELECT chat_id FROM private_context WHERE user_id = #{user}")
    String contextOf(@Param("user") String user);

    @Insert("INSERT INTO private_context (user_id, chat_id, chosen_at) VALUES (#{user}, #{chat}, #{at})"
            + " ON DUPLICATE KEY UPDATE chat_id = VALUES(chat_id), chosen_at = VALUES(chosen_at)")
    int chooseContext(@Param("user") String user, @Param("chat") String chat, @Param("at") long at);
}
