package org.sanshe.bot.storage.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.support.StorageTestApplication;

class FileSpoolTest {
    private static final FieldCipher CIPHER = new FieldCipher(StorageTestApplication.DATA_KEY);

    @TempDir
    Path dir;

    private static InboxEntry entry(int i) {
        return new InboxEntry(
                "aibot:msg" + i,
                Channel.AIBOT,
                "g:chat" + (i % 3),
                "{\"text\":{\"content\":\"我不想活了 第" + i + "条 住在5栋302 手机13800001234\"}}",
                Instant.ofEpochMilli(1_700_000_000_000L + i));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".seg"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void givesBackWhatWasAppendedInOrderAcrossSegmentsAndDeletesWhatIsReleased() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER, 2_000)) {
            assertThat(spool.diverting()).isFalse();
            for (int i = 0; i < 25; i++) {
                spool.append(entry(i));
            }
            assertThat(spool.depth()).isEqualTo(25);
            assertThat(spool.diverting()).isTrue();
            assertThat(segments()).hasSizeGreaterThan(2);

            List<InboxEntry> back = new ArrayList<>();
            List<InboxEntry> first = spool.peek(10);
            assertThat(spool.peek(10)).isEqualTo(first); // a peek without a release gives the same again
            spool.release(4); // part of a peek: the rest comes again
            back.addAll(first.subList(0, 4));
            while (true) {
                List<InboxEntry> batch = spool.peek(7);
                if (batch.isEmpty()) {
                    break;
                }
                back.addAll(batch);
                spool.release(batch.size());
            }
            List<InboxEntry> expected = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                expected.add(entry(i));
            }
            assertThat(back).isEqualTo(expected);
            assertThat(spool.depth()).isZero();
            assertThat(spool.diverting()).isFalse();
            assertThat(segments()).isEmpty();

            // and it starts again after being emptied
            spool.append(entry(99));
            assertThat(spool.peek(5)).containsExactly(entry(99));
        }
    }

    @Test
    void whatAPreviousRunLeftIsGivenBackAfterARestart() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER, 2_000)) {
            for (int i = 0; i < 12; i++) {
                spool.append(entry(i));
            }
            spool.release(spool.peek(3).size());
        }
        try (FileSpool again = new FileSpool(dir, CIPHER, 2_000)) {
            // released entries of a segment not yet deleted may come again: the inbox's dedup key drops them
            List<InboxEntry> back = again.peek(100);
            assertThat(back).endsWith(entry(9), entry(10), entry(11));
            assertThat(back).contains(entry(3));
            assertThat(again.depth()).isEqualTo(back.size());
            assertThat(again.diverting()).isTrue();
            assertThat(again.tornRecords()).isZero();
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndCountedNeverRead() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            for (int i = 0; i < 3; i++) {
                spool.append(entry(i));
            }
        }
        Path seg = segments().get(0);
        long size = Files.size(seg);
        // a crash in the middle of the fourth append: its header and part of its body reached the disk
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ByteBuffer partial =
                    ByteBuffer.allocate(40).putInt(0x53504C31).putInt(500).putInt(1234);
            partial.position(40).flip();
            ch.write(partial, size);
        }

        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            assertThat(spool.tornRecords()).isEqualTo(1);
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(spool.peek(10)).containsExactly(entry(0), entry(1), entry(2));
            assertThat(Files.size(seg)).isEqualTo(size);
            spool.append(entry(3)); // into a new segment, after the three
            spool.release(3);
            assertThat(spool.peek(10)).containsExactly(entry(3));
        }
    }

    @Test
    void aRecordWhoseBytesChangedIsCutOffNotMisread() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            for (int i = 0; i < 3; i++) {
                spool.append(entry(i));
            }
        }
        Path seg = segments().get(0);
        byte[] bytes = Files.readAllBytes(seg);
        bytes[bytes.length - 5] ^= 0x20; // the last record's body
        Files.write(seg, bytes);

        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            assertThat(spool.tornRecords()).isEqualTo(1);
            assertThat(spool.peek(10)).containsExactly(entry(0), entry(1));
        }
    }

    @Test
    void nothingPersonalIsOnDiskInPlaintext() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            spool.append(entry(7));
            byte[] bytes = Files.readAllBytes(segments().get(0));
            String asText = new String(bytes, StandardCharsets.ISO_8859_1);
            String asUtf8 = new String(bytes, StandardCharsets.UTF_8);
            assertThat(asUtf8).doesNotContain("我不想活了").doesNotContain("13800001234");
            assertThat(asText)
                    .doesNotContain("13800001234")
                    .doesNotContain("aibot:msg7")
                    .doesNotContain("g:chat1");
            assertThat(asText)
                    .doesNotContain(java.util.Base64.getEncoder()
                            .encodeToString("13800001234".getBytes(StandardCharsets.UTF_8)));
        }
        // another key cannot read it
        FieldCipher other = new FieldCipher(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        try (FileSpool spool = new FileSpool(dir, other)) {
            assertThatThrownBy(() -> spool.peek(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void oneDirectoryServesOneSpoolAtATime() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            assertThatThrownBy(() -> new FileSpool(dir, CIPHER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bot.spool.dir");
        }
        new FileSpool(dir, CIPHER).close(); // free again once closed
    }

    @Test
    void theSwitchDivertsFromAnInboxFailureUntilTheReplayerFindsItBack() throws Exception {
        try (FileSpool spool = new FileSpool(dir, CIPHER)) {
            assertThat(spool.inboxDown()).isTrue();
            assertThat(spool.inboxDown()).isFalse(); // one outage, one report
            assertThat(spool.diverting()).isTrue();
            assertThat(spool.inboxBack()).isTrue();
            assertThat(spool.inboxBack()).isFalse();
            assertThat(spool.diverting()).isFalse();
        }
    }
}
