package org.sanshe.bot.storage.moderation;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of rule breaches. */
@Mapper
public interface BreachMapper {
    record BreachRow(String ruleCode, long at, boolean acted, boolean warned) {}

    @Insert("INSERT INTO rule_breach (chat_id, member, rule_code, at, acted, warned)"
            + " VALUES (#{chat}, #{member}, #{rule}, #{at}, #{acted}, #{warned})")
    int record(
            @Param("chat") String chat,
            @Param("member") String member,
            @Param("rule") String rule,
            @Param("at") long at,
            @Param("acted") boolean acted,
            @Param("warned") boolean warned);

    @Select("SELECT rule_code, at, acted, warned FROM rule_breach WHERE chat_id = #{chat} AND member = #{member}"
            + " AND at >= #{since} ORDER BY at, id")
    List<BreachRow> since(@Param("chat") String chat, @Param("member") String member, @Param("since") long since);
}
