/** The inbox: callbacks stored once by their dedup key, before WeCom is acknowledged. */
package org.sanshe.bot.storage.inbox;
