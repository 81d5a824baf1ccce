package org.sanshe.bot.storage.group;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the group registry and role grants. */
@Mapper
public interface GroupMapper {

    @Select("SELECT id, chat_id, name, type_code, channel FROM bot_group WHERE chat_id = #{chat}")
    GroupRow findByChat(@Param("chat") String chat);

    @Select("SELECT id, chat_id, name, type_code, channel FROM bot_group ORDER BY id")
    List<GroupRow> all();

    @Insert("INSERT IGNORE INTO bot_group (chat_id, name, type_code, channel, created_at)"
            + " VALUES (#{chat}, #{name}, #{type}, #{channel}, #{now})")
    int insertIgnore(
            @Param("chat") String chat,
            @Param("name") String name,
            @Param("type") String type,
            @Param("channel") String channel,
            @Param("now") long now);

    /** Every grant of these members, in any chat: one query for a whole batch of events. */
    @Select("<script>SELECT user_id, role, chat_id FROM role_grant WHERE user_id IN <foreach item='u'"
            + " collection='users' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<GrantRow> grantsOf(@Param("users") java.util.Collection<String> users);

    /** A role granted to a member in a chat ('' = everywhere). */
    record GrantRow(String userId, String role, String chatId) {}

    @Insert("INSERT IGNORE INTO role_grant (user_id, role, chat_id, granted_by, granted_at)"
            + " VALUES (#{user}, #{role}, #{chat}, #{by}, #{now})")
    int grant(
            @Param("user") String user,
            @Param("role") String role,
            @Param("chat") String chat,
            @Param("by") String by,
            @Param("now") long now);
}
