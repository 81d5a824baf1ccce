/** The outbox: messages to send, claimed with a lease, never held by two workers. */
package org.sanshe.bot.storage.outbox;
