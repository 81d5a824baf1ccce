package org.sanshe.bot.storage.archive;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of the archive cursor. */
@Mapper
public interface ArchiveCursorMapper {
    @Select("SELECT seq FROM archive_cursor WHERE name = #{name}")
    Long seq(@Param("name") String name);

    @Insert("INSERT IGNORE INTO archive_cursor (name, seq, updated_at) VALUES (#{name}, #{seq}, #{now})")
    int create(@Param("name") String name, @Param("seq") long seq, @Param("now") long now);

    @Update("UPDATE archive_cursor SET seq = #{seq}, updated_at = #{now} WHERE name = #{name} AND seq < #{seq}")
    int forward(@Param("name") String name, @Param("seq") long seq, @Param("now") long now);
}
