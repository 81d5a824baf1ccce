package org.sanshe.bot.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.storage.archive.ArchiveCursorMapper;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.storage.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage promises the chat-archive feed, run unchanged on H2 and, as {@code *IT}, on MariaDB with the V6
 * migration applied: the cursor starts at 0, remembers the last seq handed on (also for a new store, as after a
 * restart), only ever moves forward, keeps one position per archive, and ends at the largest seq when several
 * instances advance it at the same moment — including the very first time, when they race to create its row.
 */
abstract class ArchiveCursorContract {
    @Autowired
    ArchiveCursorStore cursors;

    @Autowired
    ArchiveCursorMapper mapper;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTable() {
        jdbc.update("DELETE FROM archive_cursor");
    }

    @Test
    void startsAtZeroBeforeAnythingWasRead() {
        assertThat(cursors.read("wecom")).isZero();
    }

    @Test
    void remembersTheLastSeqHandedOnAcrossARestart() {
        assertThat(cursors.advance("wecom", 196)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(cursors.advance("wecom", 250)).isTrue();

        var afterRestart = new ArchiveCursorStore(mapper, clock);

        assertThat(afterRestart.read("wecom")).isEqualTo(250);
        assertThat(jdbc.queryForObject("SELECT updated_at FROM archive_cursor WHERE name = 'wecom'", Long.class))
                .isEqualTo(clock.millis());
    }

    @Test
    void neverMovesBack() {
        cursors.advance("wecom", 300);

        assertThat(cursors.advance("wecom", 299)).isFalse();
        assertThat(cursors.advance("wecom", 300))
                .as("the same seq is not a move")
                .isFalse();
        assertThat(cursors.read("wecom")).isEqualTo(300);
    }

    @Test
    void keepsOnePositionPerArchive() {
        cursors.advance("wecom", 10);
        cursors.advance("other-corp", 3);

        assertThat(cursors.read("wecom")).isEqualTo(10);
        assertThat(cursors.read("other-corp")).isEqualTo(3);
    }

    @Test
    void endsAtTheLargestSeqWhenManyInstancesAdvanceAtOnceFromNothing() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> moves = new ArrayList<>();
            for (int i = 1; i <= instances; i++) {
                long seq = 1000L * i;
                moves.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return cursors.advance("wecom", seq);
                }));
            }
            go.countDown();
            int moved = 0;
            for (Future<Boolean> m : moves) {
                moved += m.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(moved).as("at least the one that created the row").isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(cursors.read("wecom")).isEqualTo(8000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM archive_cursor", Long.class))
                .isEqualTo(1);
    }
}
