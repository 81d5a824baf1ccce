package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.spool.FileSpool;

/** The replayer over a real spool on disk and an inbox that can be down. */
class SpoolReplayerTest {
    private static final FieldCipher CIPHER = new FieldCipher("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    @TempDir
    Path dir;

    /** Keeps entries in insertion order under their dedup key, like the inbox's unique key; can be down. */
    static final class ListInbox implements Inbox {
        final Map<String, InboxEntry> rows = new LinkedHashMap<>();
        boolean down;
        int writes;

        @Override
        public boolean accept(InboxEntry entry) {
            return acceptAll(List.of(entry)) == 1;
        }

        @Override
        public int acceptAll(List<InboxEntry> entries) {
            writes++;
            if (down) {
                throw new InboxUnavailableException("database down", null);
            }
            int fresh = 0;
            for (InboxEntry e : entries) {
                if (rows.putIfAbsent(e.dedupKey(), e) == null) {
                    fresh++;
                }
            }
            return fresh;
        }
    }

    private static InboxEntry entry(int i) {
        return new InboxEntry(
                "aibot:m" + i, Channel.AIBOT, "g:c" + (i % 4), "{\"n\":" + i + "}", Instant.ofEpochSecond(i));
    }

    @Test
    void movesEverythingIntoTheInboxInOrderOnlyOnceItIsBackThenLetsCallbacksGoToTheInboxAgain() throws Exception {
        ListInbox inbox = new ListInbox();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            SpoolReplayer replayer = new SpoolReplayer(spool, inbox, Duration.ofMillis(100), meters);
            inbox.down = true;
            assertThat(spool.inboxDown()).isTrue();
            List<InboxEntry> sent = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                spool.append(entry(i));
                sent.add(entry(i));
            }

            assertThat(replayer.replay()).isZero(); // still down: nothing released
            assertThat(spool.depth()).isEqualTo(450);
            assertThat(spool.diverting()).isTrue();

            inbox.down = false;
            assertThat(replayer.replay()).isEqualTo(450);
            assertThat(inbox.rows.values()).containsExactlyElementsOf(sent);
            assertThat(spool.depth()).isZero();
            assertThat(spool.diverting()).isFalse();
            assertThat(meters.counter("bot.spool.replayed").count()).isEqualTo(450.0);
            assertThat(inbox.writes).isEqualTo(1 + 3); // one failed try, then batches of 200, 200, 50
        }
    }

    @Test
    void whatAnEarlierRunLeftIsReplayedAtStartAndACopyAlreadyStoredIsDropped() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            for (int i = 0; i < 5; i++) {
                spool.append(entry(i));
            }
        }
        ListInbox inbox = new ListInbox();
        inbox.accept(entry(1)); // stored before the crash, its release lost
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            assertThat(spool.diverting()).isTrue();
            new SpoolReplayer(spool, inbox, Duration.ofMillis(100), new SimpleMeterRegistry()).replay();
            assertThat(inbox.rows.keySet()).containsExactly("aibot:m1", "aibot:m0", "aibot:m2", "aibot:m3", "aibot:m4");
            assertThat(spool.depth()).isZero();
        }
    }

    @Test
    void timersAreHeldUntilTheReplayedEventsAreDecided() throws Exception {
        java.util.concurrent.atomic.AtomicLong undecidedUpTo = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicBoolean backlog = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            SpoolReplayer replayer =
                    new SpoolReplayer(spool, new ListInbox(), Duration.ofMillis(100), new SimpleMeterRegistry(), t -> {
                        undecidedUpTo.set(t);
                        return backlog.get();
                    });
            assertThat(replayer.replayedUndecided()).isFalse(); // nothing replayed: no question asked
            assertThat(undecidedUpTo.get()).isEqualTo(-1);

            spool.append(entry(3));
            spool.append(entry(9));
            replayer.replay();
            assertThat(replayer.replayedUndecided()).isTrue();
            assertThat(undecidedUpTo.get()).isEqualTo(entry(9).receivedAt().toEpochMilli()); // the latest replayed

            backlog.set(false); // decided
            assertThat(replayer.replayedUndecided()).isFalse();
            backlog.set(true);
            assertThat(replayer.replayedUndecided()).isFalse(); // and not asked again until the next replay
        }
    }
}
