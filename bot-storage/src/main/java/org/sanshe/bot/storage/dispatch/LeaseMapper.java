package org.sanshe.bot.storage.dispatch;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Partition leases and instance heartbeats, as conditional updates: the database decides who holds what. */
@Mapper
public interface LeaseMapper {

    @Insert("INSERT IGNORE INTO dispatch_lease (part, owner, lease_until) VALUES (#{part}, NULL, 0)")
    int ensurePartition(@Param("part") int part);

    @Update("UPDATE dispatch_lease SET owner = #{node}, lease_until = #{until}"
            + " WHERE part = #{part} AND (owner IS NULL OR owner = #{node} OR lease_until < #{now})")
    int acquire(
            @Param("part") int part, @Param("node") String node, @Param("now") long now, @Param("until") long until);

    @Update("UPDATE dispatch_lease SET owner = NULL, lease_until = 0 WHERE part = #{part} AND owner = #{node}")
    int release(@Param("part") int part, @Param("node") String node);

    @Select("SELECT part FROM dispatch_lease WHERE owner = #{node} AND lease_until >= #{now} ORDER BY part")
    List<Integer> ownedBy(@Param("node") String node, @Param("now") long now);

    @Select("SELECT part FROM dispatch_lease WHERE owner IS NULL OR lease_until < #{now} ORDER BY part")
    List<Integer> free(@Param("now") long now);

    @Update("UPDATE dispatch_node SET seen_at = #{now} WHERE node = #{node}")
    int touchNode(@Param("node") String node, @Param("now") long now);

    @Insert("INSERT IGNORE INTO dispatch_node (node, seen_at) VALUES (#{node}, #{now})")
    int insertNode(@Param("node") String node, @Param("now") long now);

    @Select("SELECT COUNT(*) FROM dispatch_node WHERE seen_at >= #{since}")
    int liveNodes(@Param("since") long since);

    @Update("DELETE FROM dispatch_node WHERE seen_at < #{before}")
    int forgetNodes(@Param("before") long before);
}
