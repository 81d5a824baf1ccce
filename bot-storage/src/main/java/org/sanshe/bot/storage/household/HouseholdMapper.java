package org.sanshe.bot.storage.household;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of household rosters. The household is ciphertext here. */
@Mapper
public interface HouseholdMapper {
    record Row(int rowNo, String household) {}

    @Select("SELECT household FROM household_roster WHERE chat_id = #{chat} ORDER BY row_no")
    List<String> of(@Param("chat") String chat);

    @Delete("DELETE FROM household_roster WHERE chat_id = #{chat}")
    int clear(@Param("chat") String chat);

    @Insert("<script>INSERT INTO household_roster (chat_id, row_no, household, imported_at) VALUES"
            + " <foreach item='r' collection='rows' separator=','>(#{chat}, #{r.rowNo}, #{r.household}, #{at})"
            + "</foreach></script>")
    int insert(@Param("chat") String chat, @Param("rows") List<Row> rows, @Param("at") long at);
}
