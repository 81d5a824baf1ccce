package org.sanshe.bot.storage.spool;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.Spool;
import org.sanshe.bot.core.pipeline.SpoolUnavailableException;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool as an append-only journal of segment files in one directory, which belongs to one process (a lock file
 * says so). Each record is
 *
 * <pre>magic "SPL1" (4 bytes) | length n (4, big-endian) | CRC-32 of the body (4) | body (n bytes)</pre>
 *
 * and the body is the entry encrypted with the storage data key ({@link FieldCipher}, AES-GCM, the same key as the
 * inbox payloads): nothing personal is on disk in plaintext. Every append is written and {@code force}d before it
 * returns. At start the segments left by a previous run are checked record by record: a record cut short by a crash
 * (the last one), or anything that fails its length or checksum, ends its segment there: the rest is cut off and counted
 * ({@link #tornRecords}), never read as an entry. New appends then go to a new segment. A segment whose entries are all
 * released is deleted; with nothing spooled there are no segment files at all.
 *
 * <p>Appends may come from any thread; {@link #peek} and {@link #release} from one replayer. One lock guards the files:
 * the spool is used only while the database is down, so simplicity is worth more than concurrent appends here.
 */
public final class FileSpool implements Spool, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileSpool.class);
    private static final int MAGIC = 0x53504C31; // "SPL1"
    private static final int HEADER = 12;
    private static final int MAX_BODY = 4 << 20;
    private static final long SEGMENT_BYTES = 16L << 20;
    private static final String PREFIX = "spool-";
    private static final String SUFFIX = ".seg";

    private final Path dir;
    private final FieldCipher cipher;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Segment id → its length in bytes (every byte of it is whole, checked records). */
    private final TreeMap<Long, Long> segments = new TreeMap<>();

    private final AtomicLong depth = new AtomicLong();
    /** Appends in progress: counted before they write, so that {@link #diverting} sees them at once. */
    private final AtomicLong appending = new AtomicLong();

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong torn = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();

    private boolean closed;
    private FileChannel writer; // the last segment, or null: the next append starts a new one
    private long writerId = -1;
    private FileChannel reader;
    private long readerChannelId = -1;
    /** Where the released entries end: the next entry to replay is here. */
    private long readerId = -1;

    private long readPos;
    /** End positions of the entries of the last peek, per entry: segment id and offset. */
    private final List<long[]> peeked = new ArrayList<>();

    public FileSpool(Path dir, FieldCipher cipher) {
        this(dir, cipher, SEGMENT_BYTES);
    }

    /** @param segmentBytes a new segment is begun when the next record would make the current one longer */
    FileSpool(Path dir, FieldCipher cipher, long segmentBytes) {
        this.dir = dir.toAbsolutePath().normalize();
        this.cipher = cipher;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(this.dir);
            lockChannel = FileChannel.open(
                    this.dir.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                lockChannel.close();
                throw new IllegalStateException("spool directory " + this.dir
                        + " is in use by another instance: give each instance its own bot.spool.dir");
            }
            lock = l;
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("spool directory " + this.dir + " cannot be used", e);
        }
        if (depth.get() > 0) {
            log.warn(
                    "spool {} holds {} entries from an earlier run: they go to the inbox first{}",
                    this.dir,
                    depth.get(),
                    torn.get() > 0 ? " (" + torn.get() + " torn records cut off)" : "");
        }
    }

    public Path directory() {
        return dir;
    }

    /** Records found cut short or damaged at start, cut off and not read as entries. */
    public long tornRecords() {
        return torn.get();
    }

    /** Entries appended by this process. */
    public long appendedCount() {
        return appended.get();
    }

    @Override
    public boolean diverting() {
        return down.get() || depth.get() > 0 || appending.get() > 0;
    }

    @Override
    public boolean inboxDown() {
        return down.compareAndSet(false, true);
    }

    @Override
    public boolean inboxBack() {
        return down.compareAndSet(true, false);
    }

    @Override
    public long depth() {
        return depth.get();
    }

    @Override
    public void append(InboxEntry entry) {
        byte[] record = encode(entry);
        appending.incrementAndGet();
        try {
            synchronized (this) {
                if (closed) {
                    throw new IOException("spool closed");
                }
                if (writer == null || segments.get(writerId) + record.length > segmentBytes) {
                    startSegment();
                }
                long before = segments.get(writerId);
                try {
                    ByteBuffer buf = ByteBuffer.wrap(record);
                    while (buf.hasRemaining()) {
                        writer.write(buf, before + buf.position());
                    }
                    writer.force(false);
                } catch (IOException | RuntimeException e) {
                    abandonWriter(before);
                    throw e;
                }
                segments.put(writerId, before + record.length);
                depth.incrementAndGet();
                appended.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            throw new SpoolUnavailableException(
                    "spool append failed: " + e.getClass().getSimpleName(), e);
        } finally {
            appending.decrementAndGet();
        }
    }

    /** A failed write may have left part of a record: cut it off, and write the next append to a new segment. */
    private void abandonWriter(long validLength) {
        try {
            writer.truncate(validLength);
        } catch (IOException | RuntimeException ignored) {
            // the reader stops at the first record that does not check out; nothing after it is written here
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // closing only
        }
        writer = null;
    }

    private void startSegment() throws IOException {
        if (writer != null) {
            writer.close();
        }
        long id = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        Path file = segment(id);
        writer = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writerId = id;
        segments.put(id, 0L);
        forceDirectory();
    }

    @Override
    public synchronized List<InboxEntry> peek(int max) {
        peeked.clear();
        List<InboxEntry> out = new ArrayList<>();
        try {
            long id = readerId < 0 || !segments.containsKey(readerId) ? firstSegment() : readerId;
            long pos = id == readerId ? readPos : 0;
            while (id >= 0 && out.size() < max) {
                long length = segments.get(id);
                if (pos >= length) {
                    Long next = segments.higherKey(id);
                    if (next == null) {
                        break;
                    }
                    id = next;
                    pos = 0;
                    continue;
                }
                FileChannel ch = readerFor(id);
                ByteBuffer header = ByteBuffer.allocate(HEADER);
                readFully(ch, header, pos);
                header.flip();
                header.getInt();
                int n = header.getInt();
                header.getInt();
                ByteBuffer body = ByteBuffer.allocate(n);
                readFully(ch, body, pos + HEADER);
                out.add(decode(body.array()));
                pos += HEADER + n;
                peeked.add(new long[] {id, pos});
            }
        } catch (IOException e) {
            peeked.clear();
            throw new UncheckedIOException("spool not readable", e);
        }
        return out;
    }

    @Override
    public synchronized void release(int count) {
        if (count > peeked.size()) {
            throw new IllegalStateException("release(" + count + ") after a peek of " + peeked.size());
        }
        if (count == 0) {
            return;
        }
        long[] end = peeked.get(count - 1);
        peeked.clear();
        readerId = end[0];
        readPos = end[1];
        depth.addAndGet(-count);
        // every segment before the one being read is done; so is the one being read when it is read to its end
        try {
            while (!segments.isEmpty() && segments.firstKey() < readerId) {
                delete(segments.firstKey());
            }
            if (readPos >= segments.get(readerId) && (readerId != writerId || depth.get() == 0)) {
                delete(readerId);
                readerId = -1;
                readPos = 0;
            }
        } catch (IOException e) {
            log.warn("spool segment not deleted: {}", e.getClass().getSimpleName());
        }
    }

    private void delete(long id) throws IOException {
        if (id == readerChannelId && reader != null) {
            reader.close();
            reader = null;
            readerChannelId = -1;
        }
        if (id == writerId && writer != null) {
            writer.close();
            writer = null;
            writerId = -1;
        }
        segments.remove(id);
        Files.deleteIfExists(segment(id));
    }

    private long firstSegment() {
        return segments.isEmpty() ? -1 : segments.firstKey();
    }

    private FileChannel readerFor(long id) throws IOException {
        if (reader == null || readerChannelId != id) {
            if (reader != null) {
                reader.close();
            }
            reader = FileChannel.open(segment(id), StandardOpenOption.READ);
            readerChannelId = id;
        }
        return reader;
    }

    // ---------------------------------------------------------------- records

    private byte[] encode(InboxEntry e) {
        ByteArrayOutputStream plain =
                new ByteArrayOutputStream(256 + e.payload().length() * 3);
        try (DataOutputStream out = new DataOutputStream(plain)) {
            writeString(out, e.dedupKey());
            writeString(out, e.channel().name());
            writeString(out, e.orderingKey());
            writeString(out, e.payload());
            out.writeLong(e.receivedAt().toEpochMilli());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        byte[] body = cipher.encrypt(Base64.getEncoder().encodeToString(plain.toByteArray()))
                .getBytes(StandardCharsets.US_ASCII);
        if (body.length > MAX_BODY) {
            throw new SpoolUnavailableException("entry too large for the spool", null);
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(HEADER + body.length)
                .putInt(MAGIC)
                .putInt(body.length)
                .putInt((int) crc.getValue())
                .put(body)
                .array();
    }

    private InboxEntry decode(byte[] body) {
        byte[] plain = Base64.getDecoder().decode(cipher.decrypt(new String(body, StandardCharsets.US_ASCII)));
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            return new InboxEntry(
                    readString(in),
                    Channel.valueOf(readString(in)),
                    readString(in),
                    readString(in),
                    Instant.ofEpochMilli(in.readLong()));
        } catch (IOException e) {
            throw new IllegalStateException("spooled entry not readable", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_BODY) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- start

    /** Checks every segment left by an earlier run, cuts each at its first bad record, and counts the entries. */
    private void recover() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .forEach(n -> {
                        try {
                            ids.add(Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length())));
                        } catch (NumberFormatException ignored) {
                            // not ours
                        }
                    });
        }
        ids.sort(null);
        for (long id : ids) {
            long valid = 0;
            long records = 0;
            try (FileChannel ch = FileChannel.open(segment(id), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                while (valid < size) {
                    long next = checkRecord(ch, valid, size);
                    if (next < 0) {
                        torn.incrementAndGet();
                        log.warn(
                                "spool segment {} cut at byte {} of {}: the record there is torn or damaged",
                                id,
                                valid,
                                size);
                        ch.truncate(valid);
                        ch.force(false);
                        break;
                    }
                    valid = next;
                    records++;
                }
            }
            if (records == 0) {
                Files.deleteIfExists(segment(id));
            } else {
                segments.put(id, valid);
                depth.addAndGet(records);
            }
        }
    }

    /** @return the end of the record at {@code pos}, or -1 when it is not whole and correct */
    private static long checkRecord(FileChannel ch, long pos, long size) throws IOException {
        if (size - pos < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(ch, header, pos);
        header.flip();
        int magic = header.getInt();
        int n = header.getInt();
        int sum = header.getInt();
        if (magic != MAGIC || n <= 0 || n > MAX_BODY || size - pos - HEADER < n) {
            return -1;
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        readFully(ch, body, pos + HEADER);
        CRC32 crc = new CRC32();
        crc.update(body.array());
        return (int) crc.getValue() == sum ? pos + HEADER + n : -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw new java.io.EOFException("spool segment ends early");
            }
        }
    }

    private Path segment(long id) {
        return dir.resolve(String.format("%s%016d%s", PREFIX, id, SUFFIX));
    }

    /** Makes a new segment's directory entry durable too (where the platform allows opening a directory). */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not possible on every platform; the file's own force still holds its data
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        lock.release();
        lockChannel.close();
    }

    @Override
    public String toString() {
        return "FileSpool[" + dir + ", depth=" + depth.get() + "]";
    }
}
