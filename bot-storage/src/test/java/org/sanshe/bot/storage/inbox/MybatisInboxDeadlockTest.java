package org.sanshe.bot.storage.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.dispatch.Partitions;
import org.springframework.dao.DeadlockLoserDataAccessException;

/** A batch rolled back as a deadlock's victim is written again; only a batch that keeps losing is refused. */
class MybatisInboxDeadlockTest {
    private static final FieldCipher CIPHER =
            new FieldCipher(Base64.getEncoder().encodeToString(new byte[32]));

    /** A mapper whose insertIgnoreAll loses `losses` deadlocks, then stores; it records the keys of every attempt. */
    private static InboxMapper mapper(int losses, List<List<String>> attempts) {
        AtomicInteger lost = new AtomicInteger();
        return (InboxMapper) Proxy.newProxyInstance(
                InboxMapper.class.getClassLoader(), new Class<?>[] {InboxMapper.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("insertIgnoreAll")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<InboxRow> rows = (List<InboxRow>) args[0];
                    attempts.add(rows.stream().map(InboxRow::getDedupKey).toList());
                    if (lost.getAndIncrement() < losses) {
                        throw new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null);
                    }
                    return rows.size();
                });
    }

    private static InboxEntry entry(String key) {
        return new InboxEntry(key, Channel.AIBOT, "g:chat", "{}", Instant.EPOCH);
    }

    @Test
    void aDeadlockVictimIsWrittenAgainAndItsCallersAreTold() throws Exception {
        var attempts = new ArrayList<List<String>>();
        var inbox = new MybatisInbox(mapper(2, attempts), CIPHER, new Partitions(4));
        try {
            assertThat(inbox.acceptAsync(entry("aibot:b")).join()).isTrue();
        } finally {
            inbox.close();
        }
        assertThat(attempts).hasSize(3).allSatisfy(keys -> assertThat(keys).containsExactly("aibot:b"));
    }

    @Test
    void aBatchThatKeepsLosingIsRefusedSoThatWeComDeliversAgain() throws Exception {
        var attempts = new ArrayList<List<String>>();
        var inbox = new MybatisInbox(mapper(Integer.MAX_VALUE, attempts), CIPHER, new Partitions(4));
        try {
            assertThatThrownBy(() -> inbox.acceptAsync(entry("aibot:c")).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(InboxUnavailableException.class);
        } finally {
            inbox.close();
        }
        assertThat(attempts).hasSize(3);
    }
}
