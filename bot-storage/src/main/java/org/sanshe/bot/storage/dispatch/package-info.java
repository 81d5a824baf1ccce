/** Partition leases, pending events in order, and the one-transaction commit of decisions. */
package org.sanshe.bot.storage.dispatch;
