package org.sanshe.bot.storage.dispatch;

/**
 * Events are split into a fixed number of partitions by their ordering key (a chat, or a member's private chat). One
 * instance at a time leases a partition and handles its events in id order, so events of one chat are decided in
 * arrival order while different chats go in parallel. The count must stay the same while events are pending.
 */
public record Partitions(int count) {
    public Partitions {
        if (count < 1 || count > 1024) {
            throw new IllegalArgumentException("partition count must be 1..1024");
        }
    }

    public int of(String orderingKey) {
        return Math.floorMod(orderingKey.hashCode(), count);
    }
}
