package org.sanshe.bot.storage.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the audit log. */
@Mapper
public interface AuditMapper {
    /** An entry as stored; the detail is ciphertext. */
    record AuditRow(long at, String actor, String action, String chatId, String result, String detail) {}

    @Insert("INSERT INTO audit_log (at, actor, action, chat_id, result, detail)"
            + " VALUES (#{r.at}, #{r.actor}, #{r.action}, #{r.chatId}, #{r.result}, #{r.detail})")
    int insert(@Param("r") AuditRow row);

    @Select("SELECT at, actor, action, chat_id, result, detail FROM audit_log WHERE chat_id = #{chat}"
            + " ORDER BY id DESC LIMIT #{limit}")
    List<AuditRow> recentIn(@Param("chat") String chat, @Param("limit") int limit);

    @Select("SELECT at, actor, action, chat_id, result, detail FROM audit_log ORDER BY id DESC LIMIT #{limit}")
    List<AuditRow> recent(@Param("limit") int limit);
}
