/** Who and where: chats, members, channels and roles. Values only; no behaviour that needs storage. */
package org.sanshe.bot.core.chat;
