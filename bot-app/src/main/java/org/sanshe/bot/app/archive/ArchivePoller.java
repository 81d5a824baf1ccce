package org.sanshe.bot.app.archive;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.sanshe.bot.app.pipeline.BackgroundLoop;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.storage.archive.ArchiveCursorStore;
import org.sanshe.bot.wecom.archive.ArchiveRecord;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.ArchiveTranslator;
import org.sanshe.bot.wecom.archive.ArchiveUnavailableException;
import org.sanshe.bot.wecom.translate.Ingest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the chat archive into the inbox. Each pass reads the stored cursor, asks the archive for the records after it,
 * hands each to the inbox (or counts it as ignored: a recall, an image, a 1:1 chat, a group the bot does not read) and
 * then moves the cursor to the
 * last record handed on. So a record is never skipped: the cursor passes a record only once it is in the inbox. And
 * never decided twice: several instances may read the same records, but the inbox takes {@code archive:<msgid>} once,
 * and the cursor only moves forward. When the archive or storage fails, the pass stops where it is, says so without
 * content, and the next pass starts from the stored cursor again.
 */
public final class ArchivePoller extends BackgroundLoop {
    /** The one archive of the corp the service runs for. */
    public static final String CURSOR = "wecom";

    private static final Logger log = LoggerFactory.getLogger(ArchivePoller.class);

    private final ArchiveSource source;
    private final ArchiveTranslator translator;
    private final Predicate<ChatId> readsGroup;
    private final ArchiveCursorStore cursors;
    private final Inbox inbox;
    private final Clock clock;
    private final Duration interval;
    private final int batch;
    private final MeterRegistry meters;
    private final AtomicLong cursor = new AtomicLong();

    public ArchivePoller(
            ArchiveSource source,
            ArchiveTranslator translator,
            Predicate<ChatId> readsGroup,
            ArchiveCursorStore cursors,
            Inbox inbox,
            Clock clock,
            Duration interval,
            int batch,
            MeterRegistry meters) {
        super("archive-poller", interval);
        if (batch < 1 || batch > ArchiveSource.MAX_BATCH) {
            throw new IllegalArgumentException("bot.archive.batch must be 1.." + ArchiveSource.MAX_BATCH);
        }
        this.source = source;
        this.translator = translator;
        this.readsGroup = readsGroup;
        this.cursors = cursors;
        this.inbox = inbox;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
        this.meters = meters;
        Gauge.builder("bot.archive.cursor", cursor, AtomicLong::get)
                .description("the last archive seq handed to the inbox")
                // held strongly: a gauge's weak reference let the cursor go with a short-lived poller (NaN in a test
                // run when a collection came between the pass and the read)
                .strongReference(true)
                .register(meters);
    }

    /**
     * One pass: the records after the stored cursor handed on, the cursor moved past them.
     *
     * @return how many records were handed on (stored, already there or ignored)
     * @throws RuntimeException when the archive or storage failed; the cursor then stands after the last record handed
     *     on, if any
     */
    public int pass() {
        long from = cursors.read(CURSOR);
        cursor.set(from);
        List<ArchiveRecord> records = source.after(from, batch);
        long last = from;
        int handed = 0;
        try {
            for (ArchiveRecord r : records) {
                if (r.seq() <= last) {
                    continue; // not after what was handed on: never follow a source backwards
                }
                Ingest ingest = translator.ingest(r, clock.instant(), readsGroup);
                if (ingest instanceof Ingest.Store store) {
                    count(inbox.accept(store.entry()) ? "stored" : "duplicate");
                } else {
                    count("ignored");
                    if (log.isDebugEnabled() && ingest instanceof Ingest.Ignore ignore) {
                        log.debug("archive seq {} ignored: {}", r.seq(), ignore.reason());
                    }
                }
                last = r.seq();
                handed++;
            }
        } finally {
            if (last > from) {
                cursors.advance(CURSOR, last);
                cursor.set(last);
            }
        }
        return handed;
    }

    private final org.sanshe.bot.app.pipeline.OutageLog storeOutage =
            new org.sanshe.bot.app.pipeline.OutageLog(log, "chat archive records not handed over");

    private void count(String outcome) {
        meters.counter("bot.archive.records", "outcome", outcome).increment();
    }

    /** A pass as the loop runs it: a failure is logged (without content) and counted, and tried again next time. */
    void passSafely() {
        try {
            pass();
            storeOutage.ok();
        } catch (ArchiveUnavailableException e) {
            meters.counter("bot.archive.failures", "stage", "read").increment();
            log.warn("chat archive not read, trying again in {}: {}", interval, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // storage down (the inbox or the cursor): what was handed on stays handed on, the rest comes next pass.
            // Nothing may escape: a scheduled task that throws is never run again, and the feed would silently stop.
            meters.counter("bot.archive.failures", "stage", "store").increment();
            storeOutage.failed(e);
        }
    }

    @Override
    protected void tick() {
        passSafely();
    }
}
