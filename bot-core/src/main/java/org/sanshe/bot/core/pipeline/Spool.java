package org.sanshe.bot.core.pipeline;

import java.util.List;

/**
 * Where verified callbacks wait on this instance's own disk while the inbox (the database) cannot take them, so that a
 * database outage longer than WeCom's three deliveries loses no acknowledged event. An entry is acknowledged only once
 * it is durable here. A replayer moves the entries into the inbox in the order they were appended.
 *
 * <p>It is also the switch between the two: while it holds anything, or since the inbox failed and until the replayer
 * has found it working, new callbacks come here rather than to the inbox ({@link #diverting}): the events of one chat
 * keep their arrival order, and a callback does not wait for a database that is known to be down.
 */
public interface Spool {
    /** True while new callbacks must be appended here rather than given to the inbox. */
    boolean diverting();

    /**
     * The inbox failed: divert until {@link #inboxBack}.
     *
     * @return true when this begins an outage (the inbox was thought to be working), so that it is logged once
     */
    boolean inboxDown();

    /**
     * The replayer found the inbox working and the spool empty: callbacks may go to the inbox again.
     *
     * @return true when this ends an outage
     */
    boolean inboxBack();

    /**
     * Appends the entry and forces it to disk before returning.
     *
     * @throws SpoolUnavailableException when it could not be made durable (disk full, not writable): the callback must
     *     then not be acknowledged
     */
    void append(InboxEntry entry);

    /** The oldest entries, at most {@code max}, in the order they were appended; they stay until {@link #release}. */
    List<InboxEntry> peek(int max);

    /** Removes the first {@code count} entries of the last {@link #peek}: they are in the inbox. */
    void release(int count);

    /** Entries appended and not yet released. */
    long depth();

    /** No spool: every failure of the inbox is answered so that WeCom delivers again (tests, fakes). */
    Spool NONE = new Spool() {
        @Override
        public boolean diverting() {
            return false;
        }

        @Override
        public boolean inboxDown() {
            return false;
        }

        @Override
        public boolean inboxBack() {
            return false;
        }

        @Override
        public void append(InboxEntry entry) {
            throw new SpoolUnavailableException("no spool", null);
        }

        @Override
        public List<InboxEntry> peek(int max) {
            return List.of();
        }

        @Override
        public void release(int count) {
            if (count != 0) {
                throw new IllegalStateException("nothing was peeked");
            }
        }

        @Override
        public long depth() {
            return 0;
        }
    };
}
