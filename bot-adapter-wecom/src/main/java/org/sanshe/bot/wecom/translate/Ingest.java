package org.sanshe.bot.wecom.translate;

import org.sanshe.bot.core.pipeline.InboxEntry;

/** What to do with a verified callback at the edge: store it, ignore it, or answer it at once (passive reply). */
public sealed interface Ingest {

    record Store(InboxEntry entry) implements Ingest {}

    /** Acknowledged and not stored: nothing in it is for the bot (yet). The reason is for metrics. */
    record Ignore(String reason) implements Ingest {}

    /** Answered in the HTTP response itself, e.g. the AI bot's enter_chat welcome. The plaintext is JSON. */
    record PassiveReply(String plaintext) implements Ingest {}
}
