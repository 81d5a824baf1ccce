package org.sanshe.bot.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.storage.support.MutableClock;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.ArchiveTranslator;
import org.sanshe.bot.wecom.archive.ArchiveUnavailableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The archive feed over real storage (the inbox and the stored cursor), with the archive itself a fake: every record
 * reaches the inbox once, under {@code archive:<msgid>}, however many instances read it and however often; the cursor
 * is stored, so a restarted instance goes on where the last one stopped; a record is passed by the cursor only once it
 * is in the inbox, so a failing inbox skips nothing; and a failing archive leaves the cursor where it was.
 */
abstract class ArchivePollerContract {
    private static final String ROOM = "wrPollerCustomer";
    private static final Predicate<ChatId> CUSTOMER_GROUPS =
            chat -> chat.value().equals(ROOM);

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    ArchiveCursorStore cursors;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void emptyTables() {
        for (String t : List.of("inbox", "outbox", "archive_cursor", "dispatch_lease", "dispatch_node")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
    }

    private ArchivePoller poller(ArchiveSource source, Inbox to, int batch) {
        return new ArchivePoller(
                source,
                new ArchiveTranslator(),
                CUSTOMER_GROUPS,
                cursors,
                to,
                clock,
                Duration.ofMillis(200),
                batch,
                meters);
    }

    private ArchivePoller poller(ArchiveSource source) {
        return poller(source, inbox, 100);
    }

    private long cursor() {
        return cursors.read(ArchivePoller.CURSOR);
    }

    private List<String> archivedKeys() {
        return jdbc.queryForList("SELECT dedup_key FROM inbox WHERE channel = 'ARCHIVE' ORDER BY id", String.class);
    }

    private double counted(String outcome) {
        var c = meters.find("bot.archive.records").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    /** Every inbox row waiting to be decided, decrypted, as the dispatcher reads them. */
    private List<StoredEvent> pendingEvents() {
        List<StoredEvent> all = new ArrayList<>();
        for (int p = 0; p < dispatch.partitions().count(); p++) {
            all.addAll(dispatch.pending(p, 1000));
        }
        return all;
    }

    /** An inbox that stores the first {@code ok} entries and then is down. */
    private Inbox downAfter(int ok) {
        return new Inbox() {
            int accepted;

            @Override
            public boolean accept(InboxEntry entry) {
                if (accepted++ >= ok) {
                    throw new InboxUnavailableException("database down", new RuntimeException());
                }
                return inbox.accept(entry);
            }
        };
    }

    @Test
    void handsEachNewRecordToTheInboxOnTheArchiveChannelAndStoresHowFarItRead() {
        var source = new FakeArchiveSource()
                .text(196, ROOM, "wmResident", "今天发物资吗")
                .text(197, ROOM, "wmResident", "我不想活了")
                .text(198, ROOM, "wmNeighbour", "收到");

        assertThat(poller(source).pass()).isEqualTo(3);

        assertThat(archivedKeys()).containsExactly("archive:m196", "archive:m197", "archive:m198");
        assertThat(pendingEvents()).extracting(StoredEvent::channel).containsOnly(Channel.ARCHIVE);
        assertThat(jdbc.queryForList("SELECT DISTINCT ordering_key FROM inbox", String.class))
                .as("the group's ordering key")
                .containsExactly("g:" + ROOM);
        assertThat(cursor()).isEqualTo(198);
        assertThat(source.askedAfter()).containsExactly(0L);
        assertThat(counted("stored")).isEqualTo(3);
        assertThat(meters.get("bot.archive.cursor").gauge().value()).isEqualTo(198);
    }

    @Test
    void aRestartedInstanceGoesOnFromTheStoredCursorAndReadsNothingTwice() {
        var source = new FakeArchiveSource().text(10, ROOM, "wmResident", "第一条").text(11, ROOM, "wmResident", "第二条");
        poller(source).pass();

        source.text(12, ROOM, "wmResident", "第三条");
        var restarted = poller(source);
        assertThat(restarted.pass()).isEqualTo(1);
        assertThat(restarted.pass()).as("nothing new").isZero();

        assertThat(source.askedAfter()).containsExactly(0L, 11L, 12L);
        assertThat(archivedKeys()).containsExactly("archive:m10", "archive:m11", "archive:m12");
        assertThat(counted("duplicate")).isZero();
        assertThat(cursor()).isEqualTo(12);
    }

    @Test
    void twoInstancesReadingTheSameRecordsAtOnceHandEachToTheInboxOnce() throws Exception {
        var source = new FakeArchiveSource();
        for (long seq = 1; seq <= 60; seq++) {
            source.text(seq, ROOM, "wmResident" + (seq % 3), "第" + seq + "条");
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ArchivePoller instance = poller(source, inbox, 25);
                runs.add(two.submit(() -> {
                    int handed = 0;
                    for (int n = 0; n < 4; n++) {
                        handed += instance.pass();
                    }
                    return handed;
                }));
            }
            int handed = 0;
            for (Future<Integer> r : runs) {
                handed += r.get(30, TimeUnit.SECONDS);
            }
            // the inbox's "new" answer is exact only without a duplicate in the same write (see MybatisInbox)
            assertThat(counted("stored") + counted("duplicate")).isEqualTo(handed);
        } finally {
            two.shutdownNow();
        }

        assertThat(archivedKeys()).hasSize(60).doesNotHaveDuplicates();
        assertThat(cursor()).isEqualTo(60);
    }

    @Test
    void whenTheInboxFailsTheCursorStopsAtTheLastRecordStoredSoNothingIsSkipped() {
        var source = new FakeArchiveSource()
                .text(20, ROOM, "wmResident", "一")
                .text(21, ROOM, "wmResident", "二")
                .text(22, ROOM, "wmResident", "三");

        assertThatThrownBy(() -> poller(source, downAfter(1), 100).pass())
                .isInstanceOf(InboxUnavailableException.class);
        assertThat(cursor()).as("after the one record stored").isEqualTo(20);
        assertThat(archivedKeys()).containsExactly("archive:m20");

        assertThat(poller(source).pass()).isEqualTo(2);
        assertThat(source.askedAfter()).containsExactly(0L, 20L);
        assertThat(archivedKeys()).containsExactly("archive:m20", "archive:m21", "archive:m22");
        assertThat(cursor()).isEqualTo(22);
    }

    @Test
    void whenTheArchiveCannotBeReadTheCursorStaysAndTheNextPassAsksFromTheSamePlace() {
        cursors.advance(ArchivePoller.CURSOR, 300);
        var source = new FakeArchiveSource().text(301, ROOM, "wmResident", "你好");
        source.failNext(1);
        var poller = poller(source);

        assertThatThrownBy(poller::pass).isInstanceOf(ArchiveUnavailableException.class);
        assertThat(cursor()).isEqualTo(300);
        assertThat(archivedKeys()).isEmpty();

        source.failNext(1);
        poller.passSafely(); // as the loop runs it: logged and counted, not thrown
        assertThat(meters.get("bot.archive.failures")
                        .tag("stage", "read")
                        .counter()
                        .count())
                .isEqualTo(1);

        assertThat(poller.pass()).isEqualTo(1);
        assertThat(source.askedAfter()).containsExactly(300L, 300L, 300L);
        assertThat(archivedKeys()).containsExactly("archive:m301");
        assertThat(cursor()).isEqualTo(301);
    }

    @Test
    void theCursorPassesRecordsThatAreIgnoredSoTheyAreNotReadAgain() {
        var source = new FakeArchiveSource()
                .recall(40, ROOM)
                .text(41, "wrNotRegistered", "wmSomeone", "我不想活了")
                .raw(42, "m42", "{not json")
                .text(43, ROOM, "wmResident", "谢谢社工");

        assertThat(poller(source).pass()).isEqualTo(4);

        assertThat(archivedKeys())
                .as("the recall, the group the bot does not read, the broken record: none stored")
                .containsExactly("archive:m43");
        assertThat(counted("ignored")).isEqualTo(3);
        assertThat(cursor()).isEqualTo(43);
    }

    @Test
    void neverMovesTheCursorBackWhenAnotherInstanceWentFurtherMeanwhile() {
        var source = new FakeArchiveSource().text(50, ROOM, "wmResident", "一").text(51, ROOM, "wmResident", "二");
        Inbox meanwhileAnotherInstanceReadTo90 = new Inbox() {
            @Override
            public boolean accept(InboxEntry entry) {
                cursors.advance(ArchivePoller.CURSOR, 90);
                return inbox.accept(entry);
            }
        };

        poller(source, meanwhileAnotherInstanceReadTo90, 100).pass();

        assertThat(cursor()).isEqualTo(90);
    }

    @Test
    void refusesABatchWeComDoesNotAllow() {
        assertThatThrownBy(() -> poller(new FakeArchiveSource(), inbox, 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poller(new FakeArchiveSource(), inbox, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
