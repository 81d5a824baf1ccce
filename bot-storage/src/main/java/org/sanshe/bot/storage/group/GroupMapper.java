package org.sanshe.bot.storage.group;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the group registry and role grants. */
@Mapper
public interface GroupMapper {
    String GROUP_COLUMNS = "id, chat_id, name, type_code, channel, rules_text";

    @Select("SELECT " + GROUP_COLUMNS + " FROM bot_group WHERE chat_id = #{chat}")
    GroupRow findByChat(@Param("chat") String chat);

    @Select("SELECT " + GROUP_COLUMNS + " FROM bot_group ORDER BY id")
    List<GroupRow> all();

    @Insert("INSERT IGNORE INTO bot_group (chat_id, name, type_code, channel, created_at)"
            + " VALUES (#{chat}, #{name}, #{type}, #{channel}, #{now})")
    int insertIgnore(
            @Param("chat") String chat,
            @Param("name") String name,
            @Param("type") String type,
            @Param("channel") String channel,
            @Param("now") long now);

    /** Registers a chat, or changes the name, type and channel of one already registered (its number stays). */
    @Insert("INSERT INTO bot_group (chat_id, name, type_code, channel, created_at, updated_at)"
            + " VALUES (#{chat}, #{name}, #{type}, #{channel}, #{now}, #{now})"
            + " ON DUPLICATE KEY UPDATE name = VALUES(name), type_code = VALUES(type_code),"
            + " channel = VALUES(channel), updated_at = VALUES(updated_at)")
    int upsert(
            @Param("chat") String chat,
            @Param("name") String name,
            @Param("type") String type,
            @Param("channel") String channel,
            @Param("now") long now);

    @Update("UPDATE bot_group SET rules_text = #{rules}, updated_at = #{now} WHERE chat_id = #{chat}")
    int setRules(@Param("chat") String chat, @Param("rules") String rules, @Param("now") long now);

    /** Every grant of these members, in any chat: one query for a whole batch of events. */
    @Select("<script>SELECT user_id, role, chat_id FROM role_grant WHERE user_id IN <foreach item='u'"
            + " collection='users' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<GrantRow> grantsOf(@Param("users") Collection<String> users);

    /** A role granted to a member in a chat ('' = everywhere). */
    record GrantRow(String userId, String role, String chatId) {}

    /** A grant with who made it and when. */
    record FullGrantRow(String userId, String role, String chatId, String grantedBy, long grantedAt) {}

    String FULL_GRANT = "SELECT user_id, role, chat_id, granted_by, granted_at FROM role_grant";

    /** The grants that hold in a chat: made for it, or everywhere (''). */
    @Select(FULL_GRANT + " WHERE chat_id = '' OR chat_id = #{chat} ORDER BY id")
    List<FullGrantRow> grantsIn(@Param("chat") String chat);

    @Select(FULL_GRANT + " WHERE user_id = #{user} ORDER BY id")
    List<FullGrantRow> grantsOfOne(@Param("user") String user);

    @Insert("INSERT IGNORE INTO role_grant (user_id, role, chat_id, granted_by, granted_at)"
            + " VALUES (#{user}, #{role}, #{chat}, #{by}, #{now})")
    int grant(
            @Param("user") String user,
            @Param("role") String role,
            @Param("chat") String chat,
            @Param("by") String by,
            @Param("now") long now);

    @Delete("DELETE FROM role_grant WHERE user_id = #{user} AND role = #{role} AND chat_id = #{chat}")
    int revoke(@Param("user") String user, @Param("role") String role, @Param("chat") String chat);

    @Select("SELECT COUNT(*) FROM role_grant WHERE user_id = #{user}")
    int countGrantsOf(@Param("user") String user);
}
