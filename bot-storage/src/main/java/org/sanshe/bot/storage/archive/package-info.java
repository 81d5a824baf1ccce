/** The chat-archive feed's cursor: how far 会话内容存档 has been read, so nothing is read twice or skipped. */
package org.sanshe.bot.storage.archive;
