/**
 * The chat-archive feed (会话内容存档): every instance polls the archive, hands each new record to the inbox under
 * {@code archive:<msgid>} and moves the stored cursor forward, so that what residents write in groups the bot cannot
 * listen to goes through the same pipeline (and the same crisis reading) as everything else. docs/ARCHIVE.md.
 */
package org.sanshe.bot.app.archive;
