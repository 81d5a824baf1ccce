/** The pipeline's workers: the dispatcher (leased partitions, in order per chat) and delivery (claimed outbox rows). */
package org.sanshe.bot.app.pipeline;
