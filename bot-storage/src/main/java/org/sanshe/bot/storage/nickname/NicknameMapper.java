package org.sanshe.bot.storage.nickname;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of nickname records. Nickname and household are ciphertext here. */
@Mapper
public interface NicknameMapper {
    record Row(
            String member,
            String nickname,
            boolean compliant,
            String household,
            long sinceAt,
            int reminders,
            Long lastReminded,
            boolean flagged,
            long firstSeen) {}

    @Select("SELECT member, nickname, compliant, household, since_at, reminders, last_reminded, flagged, first_seen"
            + " FROM nickname_record WHERE chat_id = #{chat} ORDER BY first_seen, member")
    List<Row> in(@Param("chat") String chat);

    @Insert("INSERT INTO nickname_record (chat_id, member, nickname, compliant, household, since_at, reminders,"
            + " last_reminded, flagged, first_seen) VALUES (#{chat}, #{r.member}, #{r.nickname}, #{r.compliant},"
            + " #{r.household}, #{r.sinceAt}, #{r.reminders}, #{r.lastReminded}, #{r.flagged}, #{r.firstSeen})"
            + " ON DUPLICATE KEY UPDATE nickname = VALUES(nickname), compliant = VALUES(compliant),"
            + " household = VALUES(household), since_at = VALUES(since_at), reminders = VALUES(reminders),"
            + " last_reminded = VALUES(last_reminded), flagged = VALUES(flagged)")
    int save(@Param("chat") String chat, @Param("r") Row row);

    @Delete("DELETE FROM nickname_record WHERE chat_id = #{chat} AND member = #{member}")
    int forget(@Param("chat") String chat, @Param("member") String member);

    /** A member's records in every group; {@code member} here holds the chat id. */
    @Select("SELECT chat_id AS member, nickname, compliant, household, since_at, reminders, last_reminded, flagged,"
            + " first_seen FROM nickname_record WHERE member = #{member} ORDER BY first_seen, chat_id")
    List<Row> ofMember(@Param("member") String member);

    @Select("SELECT last_draft FROM nickname_group WHERE chat_id = #{chat}")
    Long lastDraft(@Param("chat") String chat);

    @Insert("INSERT INTO nickname_group (chat_id, last_draft) VALUES (#{chat}, #{at})"
            + " ON DUPLICATE KEY UPDATE last_draft = VALUES(last_draft)")
    int draftMade(@Param("chat") String chat, @Param("at") long at);
}
